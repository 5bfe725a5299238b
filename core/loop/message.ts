import { DateTime } from 'luxon';
import type { AssignmentFacts, InquiryFacts } from './facts';
import { CHANNEL_WORDS } from './facts';
import { escapeHtml, plainText, slackText } from './safeText';

/** The three one-click links of an owner's message. */
export interface MessageLinks {
	claim: string;
	pass: string;
	contacted: string;
}

export const MESSAGE_KINDS = ['new', 'reassigned', 'reminder'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface OwnerMessageInput {
	inquiry: InquiryFacts;
	assignment: AssignmentFacts;
	links: MessageLinks;
	/** The business's name; empty gives neutral wording. */
	businessName: string;
	/** Where the deadline is shown (the business's time zone). */
	timezone: string;
	kind: MessageKind;
}

export interface OwnerMessage {
	email: { to: string; subject: string; text: string; html: string };
	sms: { to: string; text: string };
	chat: { to: string; text: string };
}

export const LINK_LABELS = {
	claim: "I've got it",
	pass: 'Pass it on',
	contacted: "I've contacted them",
} as const;

const HEADLINES: Record<MessageKind, string> = {
	new: 'New inquiry for you',
	reassigned: 'Inquiry passed to you',
	reminder: 'Reminder: inquiry waiting for you',
};

function when(iso: string, timezone: string): string {
	const at = DateTime.fromISO(iso, { zone: timezone });
	return at.isValid ? `${at.toFormat('ccc d LLL, HH:mm')} (${timezone})` : iso;
}

/** Every customer-provided line of the message, cleaned once; each channel then escapes its own way. */
function lines(input: OwnerMessageInput) {
	const { inquiry, assignment } = input;
	const who = plainText(inquiry.contactName, 80) || 'Someone';
	const reach = [
		inquiry.contactPhone && `phone ${plainText(inquiry.contactPhone, 40)}`,
		inquiry.contactEmail && `e-mail ${plainText(inquiry.contactEmail, 120)}`,
	]
		.filter(Boolean)
		.join(', ');
	return {
		who,
		via: CHANNEL_WORDS[inquiry.channel],
		reach,
		request: plainText(inquiry.request, 400),
		why: plainText(assignment.why, 300),
		by: when(assignment.respondBy, input.timezone),
		question: plainText(inquiry.followUpQuestion, 300),
		urgent: inquiry.urgency === 'emergency' || inquiry.urgency === 'high',
		ownerName: plainText(assignment.owner.name, 60),
	};
}

export function ownerMessage(input: OwnerMessageInput): OwnerMessage {
	const l = lines(input);
	const business = plainText(input.businessName, 80);
	const headline = `${l.urgent ? 'Urgent – ' : ''}${HEADLINES[input.kind]}`;
	const subject = `${business ? `[${business}] ` : ''}${headline}: ${l.who} (${l.via}), reply by ${l.by}`;
	const signOff = business ? `${business} inquiry desk` : 'Your inquiry workflow';
	const facts: Array<[string, string]> = [
		['Who', `${l.who}, by ${l.via}`],
		...(l.reach ? [['Reach them', l.reach] as [string, string]] : []),
		...(l.request ? [['They wrote', `"${l.request}"`] as [string, string]] : []),
		...(l.why ? [['Why you', l.why] as [string, string]] : []),
		['Reply by', l.by],
		...(l.question ? [['We asked them', `"${l.question}"`] as [string, string]] : []),
	];
	const { links } = input;
	const text = [
		`Hi ${l.ownerName},`,
		'',
		`${headline}.`,
		...facts.map(([label, value]) => `${label}: ${value}`),
		'',
		`${LINK_LABELS.claim}: ${links.claim}`,
		`${LINK_LABELS.pass}: ${links.pass}`,
		`${LINK_LABELS.contacted}: ${links.contacted}`,
		'',
		`— ${signOff}`,
	].join('\n');
	return {
		email: {
			to: input.assignment.owner.email,
			subject,
			text,
			html: emailHtml(l.ownerName, headline, facts, links, signOff),
		},
		sms: {
			to: input.assignment.owner.phone,
			text: `${headline}: ${plainText(l.who, 30)} (${l.via}), reply by ${l.by}. ${LINK_LABELS.claim}: ${links.claim} ${LINK_LABELS.pass}: ${links.pass}`,
		},
		chat: {
			to: input.assignment.owner.chat,
			text: [
				`*${headline}*`,
				...facts.map(([label, value]) => `*${label}:* ${slackText(value, 400)}`),
				`<${links.claim}|${LINK_LABELS.claim}>  ·  <${links.pass}|${LINK_LABELS.pass}>  ·  <${links.contacted}|${LINK_LABELS.contacted}>`,
			].join('\n'),
		},
	};
}

const FONT = 'Helvetica,Arial,sans-serif';

function button(href: string, label: string, colour: string): string {
	return `<a href="${escapeHtml(href)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 18px;border-radius:6px;background:${colour};color:#FFFFFF;font-family:${FONT};font-size:15px;font-weight:bold;text-decoration:none;">${escapeHtml(label)}</a>`;
}

function emailHtml(
	ownerName: string,
	headline: string,
	facts: Array<[string, string]>,
	links: MessageLinks,
	signOff: string,
): string {
	const rows = facts
		.map(
			([label, value]) =>
				`<tr><td style="padding:4px 12px 4px 0;color:#57606A;vertical-align:top;white-space:nowrap;">${escapeHtml(label)}</td><td style="padding:4px 0;color:#24292F;">${escapeHtml(value)}</td></tr>`,
		)
		.join('');
	return (
		`<!DOCTYPE html><html><body style="margin:0;padding:24px;background:#F6F8FA;">` +
		`<div style="max-width:560px;margin:0 auto;padding:24px;background:#FFFFFF;border-radius:8px;font-family:${FONT};font-size:15px;">` +
		`<p style="margin:0 0 12px 0;color:#24292F;">Hi ${escapeHtml(ownerName)},</p>` +
		`<h1 style="margin:0 0 16px 0;font-size:19px;color:#24292F;">${escapeHtml(headline)}</h1>` +
		`<table role="presentation" style="border-collapse:collapse;font-family:${FONT};font-size:15px;margin-bottom:20px;">${rows}</table>` +
		`<div>${button(links.claim, LINK_LABELS.claim, '#1A7F37')}${button(links.pass, LINK_LABELS.pass, '#57606A')}</div>` +
		`<p style="margin:8px 0 0 0;"><a href="${escapeHtml(links.contacted)}" style="color:#0969DA;">${escapeHtml(LINK_LABELS.contacted)}</a></p>` +
		`<p style="margin:20px 0 0 0;color:#57606A;font-size:13px;">— ${escapeHtml(signOff)}</p>` +
		`</div></body></html>`
	);
}
