import type { LinkAction, RefusalReason } from './token';
import { escapeHtml, plainText } from './safeText';

/**
 * The small page an owner sees after clicking a link. Self-contained (inline style, no script,
 * nothing fetched), with every name escaped.
 */

export const PAGE_KINDS = [
	'claimed',
	'passed',
	'contacted',
	'already_claimed',
	'already_passed',
	'already_contacted',
	'expired',
	'invalid',
	'wrong_action',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface AnswerPage {
	kind: PageKind;
	/** The HTTP status to answer with. */
	status: number;
	title: string;
	html: string;
}

export interface PageDetails {
	businessName?: string;
	/** Who the inquiry went to after a pass, when the workflow knows. */
	nextOwnerName?: string;
	inquiryId?: string;
}

const COPY: Record<
	PageKind,
	{
		status: number;
		title: string;
		body: (d: PageDetails) => string;
		tone: 'ok' | 'info' | 'refused';
	}
> = {
	claimed: {
		status: 200,
		tone: 'ok',
		title: "It's yours",
		body: () =>
			'Thanks — the inquiry is marked as yours. Please get in touch before the deadline in your message.',
	},
	passed: {
		status: 200,
		tone: 'ok',
		title: 'Passed on',
		body: (d) =>
			d.nextOwnerName
				? `Thanks — the inquiry now goes to ${d.nextOwnerName}.`
				: 'Thanks — the inquiry goes to the next available person, and you will not get it back.',
	},
	contacted: {
		status: 200,
		tone: 'ok',
		title: 'Marked as contacted',
		body: () =>
			'Thanks — the first contact is recorded, so nobody will be reminded about this inquiry.',
	},
	already_claimed: {
		status: 409,
		tone: 'info',
		title: 'Already taken care of',
		body: () => 'This inquiry was already claimed or has moved on. Nothing was changed.',
	},
	already_passed: {
		status: 409,
		tone: 'info',
		title: 'Already moved on',
		body: () => 'This inquiry was already passed on or claimed. Nothing was changed.',
	},
	already_contacted: {
		status: 409,
		tone: 'info',
		title: 'Already recorded',
		body: () => 'The first contact for this inquiry was already recorded. Nothing was changed.',
	},
	expired: {
		status: 410,
		tone: 'refused',
		title: 'This link has expired',
		body: () =>
			'Nothing was changed. If the inquiry is still open, ask your manager, or use the link in a newer message.',
	},
	invalid: {
		status: 403,
		tone: 'refused',
		title: 'This link is not valid',
		body: () =>
			'The link was changed or cut off, so nothing was changed. Open it from your message again, without editing it.',
	},
	wrong_action: {
		status: 403,
		tone: 'refused',
		title: 'This link is not for this page',
		body: () => 'Nothing was changed. Use the buttons in your message as they are.',
	},
};

const TONES = { ok: '#1A7F37', info: '#0969DA', refused: '#CF222E' } as const;

export function answerPage(kind: PageKind, details: PageDetails = {}): AnswerPage {
	const copy = COPY[kind];
	const safe: PageDetails = {
		nextOwnerName: details.nextOwnerName && plainText(details.nextOwnerName, 80),
	};
	const business = plainText(details.businessName ?? '', 80);
	const reference = details.inquiryId
		? `<p style="color:#57606A;font-size:13px;">Inquiry ${escapeHtml(plainText(details.inquiryId, 120))}</p>`
		: '';
	const html =
		`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
		`<meta name="robots" content="noindex"><title>${escapeHtml(copy.title)}</title></head>` +
		`<body style="margin:0;padding:40px 16px;background:#F6F8FA;font-family:Helvetica,Arial,sans-serif;">` +
		`<main style="max-width:480px;margin:0 auto;padding:28px;background:#FFFFFF;border-radius:8px;border-top:6px solid ${TONES[copy.tone]};">` +
		(business
			? `<p style="margin:0 0 8px 0;color:#57606A;font-size:13px;">${escapeHtml(business)}</p>`
			: '') +
		`<h1 style="margin:0 0 12px 0;font-size:22px;color:#24292F;">${escapeHtml(copy.title)}</h1>` +
		`<p style="margin:0;color:#24292F;font-size:16px;line-height:1.5;">${escapeHtml(copy.body(safe))}</p>${reference}` +
		`</main></body></html>`;
	return { kind, status: copy.status, title: copy.title, html };
}

export const DONE_PAGE: Record<LinkAction, PageKind> = {
	claim: 'claimed',
	pass: 'passed',
	contacted: 'contacted',
};
/** The page when the compare-and-set changed nothing: someone (or an earlier click) got there first. */
export const UNCHANGED_PAGE: Record<LinkAction, PageKind> = {
	claim: 'already_claimed',
	pass: 'already_passed',
	contacted: 'already_contacted',
};
export const REFUSED_PAGE: Record<RefusalReason, PageKind> = {
	malformed: 'invalid',
	forged: 'invalid',
	wrong_action: 'wrong_action',
	expired: 'expired',
};
