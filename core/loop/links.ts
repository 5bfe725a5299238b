import { InquiryError } from '../shared/errors';
import type { MessageLinks } from './message';
import type { LinkAction } from './token';
import { checkLinkSecret, LINK_ACTIONS, signLink } from './token';

export interface LinkSettings {
	/** Where people reach n8n, e.g. https://n8n.example.com. */
	baseUrl: string;
	/** The path of the webhook that reads the clicks, e.g. "inquiry-link" (→ /webhook/inquiry-link). */
	path: string;
	secret: string;
	/** How long the links work, in hours. */
	lifetimeHours: number;
}

/** Without leading or trailing slashes (a loop: an anchored /\/+$/ is quadratic on many slashes). */
function trimSlashes(text: string): string {
	let start = 0;
	let end = text.length;
	while (start < end && text[start] === '/') start++;
	while (end > start && text[end - 1] === '/') end--;
	return text.slice(start, end);
}

/** The base URL without a trailing slash; refuses anything but http(s), and characters that would break a chat link. */
export function checkBaseUrl(baseUrl: string): string {
	const url = URL.canParse(baseUrl.trim()) ? new URL(baseUrl.trim()) : undefined;
	if (!url) throw new InquiryError('LINK_BASE_URL_INVALID', `"${baseUrl}"`);
	if (
		(url.protocol !== 'http:' && url.protocol !== 'https:') ||
		url.search ||
		url.hash ||
		/[|<>\s]/.test(url.href)
	)
		throw new InquiryError(
			'LINK_BASE_URL_INVALID',
			`"${baseUrl}" (use only scheme, host, port and path)`,
		);
	return trimSlashes(url.href);
}

/** The webhook path part: letters, digits, - _ / only, so the link is always the one intended. */
function checkPath(path: string): string {
	const clean = trimSlashes(path.trim());
	if (!/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(clean))
		throw new InquiryError(
			'LINK_REQUEST_INVALID',
			`webhook path "${path}" may hold only letters, digits, - _ and /`,
		);
	return clean;
}

export function linkUrl(settings: LinkSettings, token: string): string {
	return `${checkBaseUrl(settings.baseUrl)}/webhook/${checkPath(settings.path)}?t=${token}`;
}

/** Signed links for each action, bound to this inquiry, owner and assignment hop, expiring together. */
export function ownerLinks(
	settings: LinkSettings,
	target: { inquiryId: string; ownerId: string; hop: number },
	now: Date,
): MessageLinks & { expiresAt: string } {
	if (!(settings.lifetimeHours >= 1))
		throw new InquiryError('LINK_REQUEST_INVALID', `Link Lifetime ${settings.lifetimeHours} hours`);
	const expiresAt = new Date(
		Math.floor(now.getTime() / 1000) * 1000 + settings.lifetimeHours * 3_600_000,
	).toISOString();
	const link = (action: LinkAction) =>
		linkUrl(settings, signLink({ action, ...target, expiresAt }, settings.secret));
	const [claim, pass, contacted] = LINK_ACTIONS.map(link);
	return { claim, pass, contacted, expiresAt };
}

/** What the credential test can check without sending anything: a long enough secret and a usable base URL. */
export function checkLinkCredential(
	secret: unknown,
	baseUrl: unknown,
): { ok: boolean; message: string } {
	try {
		checkLinkSecret(secret);
		const base = checkBaseUrl(String(baseUrl ?? ''));
		return { ok: true, message: `Links will point at ${base}/webhook/…` };
	} catch (error) {
		return { ok: false, message: (error as Error).message };
	}
}
