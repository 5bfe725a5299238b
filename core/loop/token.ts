import { createHmac, timingSafeEqual } from 'crypto';
import { InquiryError } from '../shared/errors';

/**
 * The one-click links in an owner's message carry a signed token: HMAC-SHA256 over a compact
 * payload (action, inquiry, owner, assignment hop, expiry), both parts base64url. Whoever holds
 * the link can do exactly that one thing, for that inquiry and owner, until it expires; nobody
 * can make a link for another inquiry, owner or action without the secret.
 */

export const LINK_ACTIONS = ['claim', 'pass', 'contacted'] as const;
export type LinkAction = (typeof LINK_ACTIONS)[number];

export interface LinkClaims {
	action: LinkAction;
	inquiryId: string;
	ownerId: string;
	/** Which assignment of the inquiry the link belongs to (0 = the first owner): a reassigned inquiry's old links stop working. */
	hop: number;
	/** UTC ISO, whole seconds. */
	expiresAt: string;
}

export const REFUSAL_REASONS = ['malformed', 'forged', 'wrong_action', 'expired'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type LinkCheck =
	| { ok: true; link: LinkClaims }
	| { ok: false; reason: RefusalReason; link?: LinkClaims };

/** Domain separation: a MAC made for anything else with the same secret never verifies here. */
const CONTEXT = 'inquiry-link:v1:';
const VERSION = 1;
const MIN_SECRET_LENGTH = 32;
const ACTION_CODES: Record<LinkAction, string> = { claim: 'c', pass: 'p', contacted: 't' };
const ACTION_OF_CODE = Object.fromEntries(
	Object.entries(ACTION_CODES).map(([action, code]) => [code, action]),
) as Record<string, LinkAction>;
const MAX_TOKEN_LENGTH = 2048;

export function checkLinkSecret(secret: unknown): string {
	if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH)
		throw new InquiryError(
			'LINK_SECRET_INVALID',
			`it has ${typeof secret === 'string' ? secret.length : 0} characters, ${MIN_SECRET_LENGTH} are needed`,
		);
	return secret;
}

const mac = (payload: string, secret: string) =>
	createHmac('sha256', secret)
		.update(CONTEXT + payload)
		.digest();

export function signLink(claims: LinkClaims, secret: string): string {
	const expires = Date.parse(claims.expiresAt);
	if (!Number.isFinite(expires))
		throw new InquiryError('LINK_REQUEST_INVALID', `expiresAt "${claims.expiresAt}" is not a date`);
	const fields = [
		VERSION,
		ACTION_CODES[claims.action],
		claims.inquiryId,
		claims.ownerId,
		claims.hop,
		Math.floor(expires / 1000),
	];
	const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
	return `${payload}.${mac(payload, checkLinkSecret(secret)).toString('base64url')}`;
}

function decode(payload: string): LinkClaims | undefined {
	let fields: unknown;
	try {
		fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
	if (!Array.isArray(fields) || fields.length !== 6) return undefined;
	const [version, code, inquiryId, ownerId, hop, expires] = fields as unknown[];
	if (version !== VERSION || typeof code !== 'string' || !ACTION_OF_CODE[code]) return undefined;
	if (typeof inquiryId !== 'string' || typeof ownerId !== 'string' || !inquiryId || !ownerId)
		return undefined;
	if (!Number.isInteger(hop) || (hop as number) < 0 || !Number.isInteger(expires)) return undefined;
	return {
		action: ACTION_OF_CODE[code],
		inquiryId,
		ownerId,
		hop: hop as number,
		expiresAt: new Date((expires as number) * 1000).toISOString(),
	};
}

/**
 * Checks a token from a clicked link. The signature is checked first (in constant time), so an
 * unsigned token reveals nothing about expiry; then the action the webhook expects, then expiry.
 */
export function verifyLink(
	token: unknown,
	secret: string,
	now: Date,
	expected?: LinkAction,
): LinkCheck {
	if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH)
		return { ok: false, reason: 'malformed' };
	const [payload, signature, extra] = token.trim().split('.');
	if (
		!payload ||
		!signature ||
		extra !== undefined ||
		!/^[A-Za-z0-9_-]+$/.test(payload + signature)
	)
		return { ok: false, reason: 'malformed' };
	// Compared as text: base64url decoding ignores the last character's spare bits, so a changed
	// character could otherwise decode to the same bytes.
	const given = Buffer.from(signature);
	const wanted = Buffer.from(mac(payload, checkLinkSecret(secret)).toString('base64url'));
	if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
		return { ok: false, reason: 'forged' };
	const link = decode(payload);
	if (!link) return { ok: false, reason: 'malformed' };
	if (expected && link.action !== expected) return { ok: false, reason: 'wrong_action', link };
	if (now.getTime() >= Date.parse(link.expiresAt)) return { ok: false, reason: 'expired', link };
	return { ok: true, link };
}
