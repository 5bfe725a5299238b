import type { InquiryDraft, SourcePreset } from '../draft';
import { firstText, text } from './read';

/** Twilio call outcomes that mean nobody picked up. */
const TWILIO_MISSED = new Set(['busy', 'no-answer', 'failed', 'canceled']);

/**
 * Twilio: inbound SMS and voice status callbacks (form-encoded, every value a string).
 * The customer is From on inbound traffic and To on calls the business placed (outbound-api/-dial).
 */
const twilio: SourcePreset = {
	key: 'twilio',
	label: 'Twilio (SMS or Voice Status Callback)',
	family: 'calls',
	detect: (p) => typeof p.AccountSid === 'string' && p.AccountSid.startsWith('AC') && (typeof p.CallSid === 'string' || typeof p.MessageSid === 'string' || typeof p.SmsSid === 'string'),
	extract(p): InquiryDraft {
		const isCall = typeof p.CallSid === 'string' && !p.MessageSid;
		const outbound = String(p.Direction ?? '').startsWith('outbound');
		const customer = outbound ? firstText(p, 'To', 'Called') : firstText(p, 'From', 'Caller');
		const prefix = outbound ? 'To' : 'From';
		const location = { city: p[`${prefix}City`], region: p[`${prefix}State`], postalCode: p[`${prefix}Zip`], country: p[`${prefix}Country`] };
		if (!isCall) {
			const sid = firstText(p, 'MessageSid', 'SmsMessageSid', 'SmsSid');
			return { channel: 'sms', system: 'twilio', event: 'message.received', recordId: sid, phone: customer, message: p.Body, location };
		}
		const status = String(p.DialCallStatus ?? p.CallStatus ?? '').toLowerCase();
		const missed = TWILIO_MISSED.has(status);
		return {
			channel: missed ? 'missed_call' : 'call',
			system: 'twilio',
			event: `call.${status || 'status'}`,
			recordId: text(p.CallSid),
			eventId: `${text(p.CallSid)}:${status}`,
			occurredAt: toIsoFromRfc2822(text(p.Timestamp)),
			phone: customer,
			location,
			extraFields: { 'Call Status': status, Direction: p.Direction, 'Call Duration (s)': p.CallDuration },
		};
	},
};

function toIsoFromRfc2822(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export const callsPresets: SourcePreset[] = [twilio];
