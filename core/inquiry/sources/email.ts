import type { InquiryDraft, SourcePreset } from '../draft';
import type { LabeledAnswer } from '../generic';
import { draftFromAnswers } from '../generic';
import type { Mailbox } from './sourceParts';
import { asArray, asRecord, at, firstText, isRecord, parseJsonText, text } from './read';
import { mailDomain, parseMailbox } from './sourceParts';

/** Senders that are systems, not people: a form plugin, a website, a no-reply address. */
const SYSTEM_SENDER =
	/^(no-?reply|do-?not-?reply|wordpress|forms?|notifications?|notify|mailer|webmaster|website|wix|squarespace)\b/i;
const FIELD_LINE = /^([^:\n]{1,40}):[ \t]*(\S.{0,500})$/;
const MAX_FIELD_LINES = 100;

/** What every email source gives, read from its own field names. */
interface EmailParts {
	system: string;
	event: string;
	recordId?: string;
	occurredAt?: string | number;
	from: Mailbox;
	replyTo: Mailbox;
	subject?: unknown;
	text?: string;
	html?: string;
	extraFields?: Record<string, unknown>;
}

/**
 * One draft for every email source. The customer is the sender, except in a web-form
 * notification (a Reply-To on another domain than From, or a system sender such as
 * wordpress@ or no-reply@): there the customer is the Reply-To, and the "Label: value" lines of
 * the body (Name:, Phone:, Message:) fill in what the form collected.
 */
function emailDraft(parts: EmailParts): InquiryDraft {
	const { from, replyTo } = parts;
	const fromSystem = SYSTEM_SENDER.test(from.address ?? '');
	const differentReplyTo =
		replyTo.address !== undefined && replyTo.address.toLowerCase() !== from.address?.toLowerCase();
	const notification =
		fromSystem || (differentReplyTo && mailDomain(replyTo.address) !== mailDomain(from.address));
	const customer = notification ? replyTo : from.address ? from : replyTo;
	const body = parts.text ?? parts.html;
	const base: InquiryDraft = {
		channel: 'email',
		system: parts.system,
		event: parts.event,
		recordId: parts.recordId,
		occurredAt: parts.occurredAt,
		name: { full: customer.name },
		email: customer.address,
		subject: parts.subject,
		messageFormat: parts.text ? 'email' : 'email_html',
		extraFields: {
			...parts.extraFields,
			'Sent Via': notification ? from.address : undefined,
			'Reply-To': differentReplyTo && !notification ? replyTo.address : undefined,
		},
	};
	if (!notification || !parts.text) return { ...base, message: body };
	const draft = draftFromAnswers(fieldLines(parts.text), base);
	draft.message ??= body;
	return draft;
}

/** "Phone: 555 0100" lines of a form notification, as labeled answers. */
function fieldLines(body: string): LabeledAnswer[] {
	const answers: LabeledAnswer[] = [];
	for (const line of body.split('\n', MAX_FIELD_LINES)) {
		const match = FIELD_LINE.exec(line.trim().slice(0, 600));
		if (match) answers.push({ label: match[1], value: match[2] });
	}
	return answers;
}

/** The mailparser address object n8n emits: `{ text, html, value: [{ address, name }] }`. */
function parsedMailbox(value: unknown): Mailbox {
	const first = asArray(at(value, 'value'))[0];
	if (isRecord(first)) return { address: text(first.address), name: text(first.name) };
	return parseMailbox(typeof value === 'string' ? value : at(value, 'text'));
}

/**
 * n8n Gmail Trigger with Simplify off (and the Email Trigger's "resolved" format): the mailparser
 * shape. With Simplify on, the Gmail Trigger gives header strings (From, Subject) and a snippet.
 */
const n8nGmail: SourcePreset = {
	key: 'n8n_gmail',
	label: 'n8n Gmail Trigger (or Email Trigger, Resolved)',
	family: 'email',
	detect: (p) =>
		(isRecord(p.from) && Array.isArray(p.from.value)) ||
		(typeof p.From === 'string' && typeof p.threadId === 'string'),
	extract(p): InquiryDraft {
		const gmail = 'threadId' in p || 'labelIds' in p;
		const simplified = typeof p.From === 'string';
		return emailDraft({
			system: gmail ? 'gmail' : 'imap',
			event: 'message.received',
			recordId: firstText(p, 'id', 'messageId'),
			occurredAt: firstText(p, 'date', 'internalDate'),
			from: simplified ? parseMailbox(p.From) : parsedMailbox(p.from),
			replyTo: simplified ? parseMailbox(p['Reply-To']) : parsedMailbox(p.replyTo),
			subject: simplified ? p.Subject : p.subject,
			text: simplified ? text(p.snippet) : text(p.text),
			html: text(p.html),
			extraFields: { 'Thread Id': p.threadId },
		});
	},
};

/** n8n Email Trigger (IMAP), format "simple": header strings, bodies in textPlain / textHtml. */
const n8nImap: SourcePreset = {
	key: 'n8n_imap',
	label: 'n8n Email Trigger (IMAP, Simple)',
	family: 'email',
	detect: (p) => typeof p.from === 'string' && ('textPlain' in p || 'textHtml' in p),
	extract(p): InquiryDraft {
		const metadata = asRecord(p.metadata) ?? {};
		return emailDraft({
			system: 'imap',
			event: 'message.received',
			recordId: text(metadata['message-id']) ?? text(at(p, 'attributes.uid')),
			occurredAt: text(p.date),
			from: parseMailbox(p.from),
			replyTo: parseMailbox(metadata['reply-to']),
			subject: p.subject,
			text: text(p.textPlain),
			html: text(p.textHtml),
		});
	},
};

/**
 * Postmark inbound webhook. FromFull beats the legacy From/FromName strings; Cc/Bcc strings are
 * never parsed. TextBody comes first, cleaned of quoted history here; StrippedTextReply (only
 * set on replies) stands in when there is no text body.
 */
const postmark: SourcePreset = {
	key: 'postmark',
	label: 'Postmark (Inbound Email)',
	family: 'email',
	detect: (p) => isRecord(p.FromFull) && ('MessageID' in p || 'TextBody' in p || 'HtmlBody' in p),
	extract(p): InquiryDraft {
		const headers = asArray(p.Headers);
		const header = (name: string) =>
			firstText(
				headers.find((h) => at(h, 'Name') === name),
				'Value',
			);
		return emailDraft({
			system: 'postmark',
			event: 'inbound',
			recordId: text(p.MessageID),
			occurredAt: text(p.Date),
			from: {
				address: firstText(p, 'FromFull.Email', 'From'),
				name: firstText(p, 'FromFull.Name', 'FromName'),
			},
			replyTo: parseMailbox(p.ReplyTo),
			subject: p.Subject,
			text: text(p.TextBody) ?? text(p.StrippedTextReply),
			html: text(p.HtmlBody),
			extraFields: {
				To: p.OriginalRecipient,
				'Mailbox Hash': p.MailboxHash,
				'Spam Score': header('X-Spam-Score'),
				Attachments: asArray(p.Attachments)
					.map((a) => firstText(a, 'Name'))
					.filter(Boolean)
					.join(', '),
			},
		});
	},
};

/**
 * Mailgun inbound routes (form-encoded): lower-case Mailgun fields mixed with the raw headers.
 * stripped-text is Mailgun's own reply-and-signature stripping. timestamp/token/signature only
 * serve the signature check, so none of them is copied.
 */
const mailgun: SourcePreset = {
	key: 'mailgun',
	label: 'Mailgun (Inbound Route)',
	family: 'email',
	detect: (p) => ('body-plain' in p || 'stripped-text' in p) && ('sender' in p || 'recipient' in p),
	extract(p): InquiryDraft {
		const headers = asArray(parseJsonText(p['message-headers']));
		const header = (name: string) =>
			text(
				at(
					headers.find((pair) => text(at(pair, '0'))?.toLowerCase() === name),
					'1',
				),
			);
		return emailDraft({
			system: 'mailgun',
			event: 'inbound',
			recordId: firstText(p, 'Message-Id', 'message-id') ?? header('message-id'),
			occurredAt: text(p.timestamp),
			from: parseMailbox(firstText(p, 'from', 'From', 'sender')),
			replyTo: parseMailbox(firstText(p, 'Reply-To', 'reply-to') ?? header('reply-to')),
			subject: firstText(p, 'subject', 'Subject'),
			text: firstText(p, 'stripped-text', 'body-plain'),
			html: firstText(p, 'stripped-html', 'body-html'),
			extraFields: { To: p.recipient },
		});
	},
};

/** SendGrid Inbound Parse (multipart): header strings, `headers` as one raw block. */
const sendgridInbound: SourcePreset = {
	key: 'sendgrid_inbound',
	label: 'SendGrid (Inbound Parse)',
	family: 'email',
	detect: (p) =>
		typeof p.from === 'string' &&
		typeof p.headers === 'string' &&
		('envelope' in p || 'charsets' in p || 'sender_ip' in p),
	extract(p): InquiryDraft {
		const headers = text(p.headers) ?? '';
		return emailDraft({
			system: 'sendgrid',
			event: 'inbound_parse',
			recordId: rawHeader(headers, 'message-id'),
			occurredAt: rawHeader(headers, 'date'),
			from: parseMailbox(p.from),
			replyTo: parseMailbox(rawHeader(headers, 'reply-to')),
			subject: p.subject,
			text: text(p.text),
			html: text(p.html),
			extraFields: { To: p.to, 'Spam Score': p.spam_score },
		});
	},
};

const MAX_HEADER_LINES = 300;

/** One header's value from a raw header block ("Reply-To: Jane <jane@example.com>"). */
function rawHeader(block: string, name: string): string | undefined {
	const prefix = `${name}:`;
	for (const line of block.split('\n', MAX_HEADER_LINES)) {
		if (line.slice(0, prefix.length).toLowerCase() === prefix)
			return text(line.slice(prefix.length));
	}
	return undefined;
}

export const emailPresets: SourcePreset[] = [n8nGmail, n8nImap, postmark, mailgun, sendgridInbound];
