import type { InquiryDraft, SourcePreset } from '../draft';
import { callCenterPresets } from './callCenters';
import { asArray, asRecord, at, firstText, isRecord, text } from './read';
import { NO_CALLER_NAME, ringcentralPresets } from './ringcentral';
import { transcript } from './sourceParts';

/** Twilio call outcomes that mean nobody picked up. */
const TWILIO_MISSED = new Set(['busy', 'no-answer', 'failed', 'canceled']);

/**
 * Twilio: inbound SMS (and WhatsApp through Twilio), message status callbacks and voice status
 * callbacks (form-encoded, every value a string). The customer is From on inbound traffic, and To
 * on calls the business placed (outbound-api/-dial) and on messages it sent. Any call that never connected (busy, no-answer, failed,
 * canceled) is a missed call, whichever side dialled: the customer has still not been reached.
 */
const twilio: SourcePreset = {
	key: 'twilio',
	label: 'Twilio (SMS or Voice Status Callback)',
	family: 'calls',
	detect: (p) =>
		typeof p.AccountSid === 'string' &&
		p.AccountSid.startsWith('AC') &&
		(typeof p.CallSid === 'string' ||
			typeof p.MessageSid === 'string' ||
			typeof p.SmsSid === 'string'),
	extract(p): InquiryDraft {
		const isCall = typeof p.CallSid === 'string' && !p.MessageSid;
		const outbound = isCall
			? text(p.Direction)?.startsWith('outbound') === true
			: isOutboundMessage(p);
		const customerRaw = outbound ? firstText(p, 'To', 'Called') : firstText(p, 'From', 'Caller');
		const business = outbound ? firstText(p, 'From', 'Caller') : firstText(p, 'To', 'Called');
		const whatsapp = customerRaw?.startsWith('whatsapp:') ?? false;
		const customer = whatsapp ? customerRaw?.slice('whatsapp:'.length) : customerRaw;
		const prefix = outbound ? 'To' : 'From';
		const location = {
			city: p[`${prefix}City`],
			region: p[`${prefix}State`],
			postalCode: p[`${prefix}Zip`],
			country: p[`${prefix}Country`],
		};
		const callerName = outbound ? undefined : text(p.CallerName);
		const name = { full: callerName && !NO_CALLER_NAME.test(callerName) ? callerName : undefined };
		if (!isCall) {
			const sid = firstText(p, 'MessageSid', 'SmsMessageSid', 'SmsSid');
			return {
				channel: whatsapp ? 'chat' : 'sms',
				system: 'twilio',
				event: outbound
					? `message.${text(p.MessageStatus ?? p.SmsStatus)?.toLowerCase()}`
					: 'message.received',
				recordId: sid,
				name: { full: text(p.ProfileName) },
				phone: customer,
				message: p.Body,
				location,
				extraFields: { 'Business Number': business?.replace(/^whatsapp:/, ''), ...twilioMedia(p) },
			};
		}
		const status = (firstText(p, 'DialCallStatus', 'CallStatus') ?? '').toLowerCase();
		const missed = TWILIO_MISSED.has(status);
		return {
			channel: missed ? 'missed_call' : 'call',
			system: 'twilio',
			event: `call.${status || 'status'}`,
			recordId: text(p.CallSid),
			eventId: `${text(p.CallSid)}:${status}`,
			occurredAt: text(p.Timestamp),
			name,
			phone: customer,
			message: p.TranscriptionText,
			location,
			extraFields: {
				'Call Status': status,
				Direction: p.Direction,
				'Call Duration (s)': p.CallDuration ?? p.DialCallDuration,
				'Business Number': business,
				'Recording URL': p.RecordingUrl,
			},
		};
	},
};

/**
 * A message the business sent: its status callback reports queued, sent, delivered, failed…
 * (MessageStatus, or the legacy SmsStatus), while an incoming message reads "received". Message
 * webhooks carry no Direction, so the status is the only sign of which side the customer is.
 */
function isOutboundMessage(p: Record<string, unknown>): boolean {
	const status = (firstText(p, 'MessageStatus', 'SmsStatus') ?? 'received').toLowerCase();
	return status !== 'received' && status !== 'receiving';
}

/** MediaUrl0..N of an MMS or WhatsApp message, bounded by NumMedia. */
function twilioMedia(p: Record<string, unknown>): Record<string, unknown> {
	const count = Math.min(Number(text(p.NumMedia) ?? 0) || 0, 10);
	const media: Record<string, unknown> = {};
	for (let i = 0; i < count; i++) media[`Media ${i + 1}`] = p[`MediaUrl${i}`];
	return media;
}

/**
 * OpenPhone (Quo) webhooks: `{ id, type, createdAt, data: { object } }`. A call is missed when it
 * came in and was never answered (its status still reads "completed"). Recorded samples blank
 * ids to "", which read as missing.
 */
const openphone: SourcePreset = {
	key: 'openphone',
	label: 'OpenPhone / Quo (Calls and Messages)',
	family: 'calls',
	detect: (p) =>
		p.object === 'event' &&
		typeof p.type === 'string' &&
		/^(call|message)\./.test(p.type) &&
		isRecord(at(p, 'data.object')),
	extract(p): InquiryDraft {
		const item = asRecord(at(p, 'data.object')) ?? {};
		const type = text(p.type) ?? '';
		const incoming = item.direction !== 'outgoing';
		const to = text(item.to) ?? text(asArray(item.to)[0]);
		const customer = incoming ? text(item.from) : to;
		const business = incoming ? to : text(item.from);
		const base = {
			system: 'openphone',
			event: type,
			recordId: firstText(item, 'id', 'callId'),
			eventId: text(p.id),
			occurredAt: firstText(item, 'createdAt') ?? text(p.createdAt),
			phone: customer,
		};
		if (type.startsWith('message.')) {
			return {
				...base,
				channel: 'sms',
				message: firstText(item, 'text', 'body'),
				extraFields: { 'Business Number': business, 'Conversation Id': item.conversationId },
			};
		}
		const missed =
			type === 'call.completed' && item.direction === 'incoming' && !text(item.answeredAt);
		return {
			...base,
			channel: missed ? 'missed_call' : 'call',
			message: openphoneCallText(item),
			extraFields: {
				Direction: item.direction,
				'Call Status': item.status,
				'Business Number': business,
				'Voicemail URL': at(item, 'voicemail.url'),
				'Voicemail Duration (s)': at(item, 'voicemail.duration'),
				'Conversation Id': item.conversationId,
			},
		};
	},
};

/** call.transcript.completed carries the dialogue, call.summary.completed a summary: both are context. */
function openphoneCallText(item: Record<string, unknown>): string | undefined {
	const summary = asArray(item.summary).map(text).filter(Boolean);
	if (summary.length) return summary.join('\n');
	return transcript(
		asArray(item.dialogue)
			.slice(0, 200)
			.map((line) => ({
				speaker: firstText(line, 'userId') ? 'Agent' : 'Customer',
				text: at(line, 'content'),
			})),
	);
}

export const callsPresets: SourcePreset[] = [
	twilio,
	openphone,
	...callCenterPresets,
	...ringcentralPresets,
];
