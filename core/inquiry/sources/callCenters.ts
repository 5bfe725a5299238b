import type { InquiryDraft, SourcePreset } from '../draft';
import { asArray, asRecord, at, firstText, isRecord, text } from './read';
import { trackingAttribution } from './sourceParts';

/**
 * Hosted call platforms: Aircall (a cloud call center) and CallRail (call tracking). Both post
 * finished calls with the caller's number; part of the calls family (see calls.ts).
 */

/** Aircall resources that carry a customer: calls and SMS/WhatsApp messages. */
const AIRCALL_RESOURCES = new Set(['call', 'message']);

/** Aircall events after which an unanswered call stays unanswered. */
const AIRCALL_CALL_ENDS = new Set(['call.ended', 'call.hungup', 'call.voicemail_left']);

/**
 * Aircall webhooks: `{ resource, event, timestamp, token, data }`. The external party is
 * `raw_digits`; `data.user` and participants of type "user" are agents. An inbound call is
 * missed when Aircall gives a missed_call_reason, or it ended unanswered. The token only proves
 * the sender (the signature check reads it), so it never lands in extraFields.
 */
const aircall: SourcePreset = {
	key: 'aircall',
	label: 'Aircall (Call Events)',
	family: 'calls',
	detect: (p) =>
		typeof p.resource === 'string' &&
		AIRCALL_RESOURCES.has(p.resource) &&
		typeof p.event === 'string' &&
		p.event.startsWith(`${p.resource}.`) &&
		isRecord(p.data),
	extract(p): InquiryDraft {
		const data = asRecord(p.data) ?? {};
		const event = text(p.event) ?? '';
		const contact = asRecord(data.contact) ?? {};
		const external = asArray(data.participants).find(
			(participant) => at(participant, 'type') === 'external',
		);
		const inbound = data.direction === 'inbound';
		const base = {
			system: 'aircall',
			event,
			recordId: text(data.id),
			occurredAt: firstText(data, 'started_at') ?? text(p.timestamp),
			name: {
				first: contact.first_name,
				last: contact.last_name,
				full: firstText(external, 'name'),
			},
			email: firstText(asArray(contact.emails)[0], 'value') ?? text(asArray(contact.emails)[0]),
			phone:
				firstText(data, 'raw_digits', 'external_number') ??
				firstText(external, 'phone_number') ??
				firstText(asArray(contact.phone_numbers)[0], 'value'),
			company: contact.company_name,
		};
		if (p.resource === 'message') {
			return {
				...base,
				channel: 'sms',
				message: firstText(data, 'body', 'content'),
				extraFields: { 'Business Line': firstText(data, 'number.name', 'number.digits') },
			};
		}
		const missedReason = text(data.missed_call_reason);
		const endedUnanswered = AIRCALL_CALL_ENDS.has(event) && !text(data.answered_at);
		const missed = inbound && (missedReason !== undefined || endedUnanswered);
		return {
			...base,
			channel: missed ? 'missed_call' : 'call',
			extraFields: {
				Direction: data.direction,
				'Call Status': data.status,
				'Missed Call Reason': missedReason,
				'Call Duration (s)': data.duration,
				Agent: firstText(data, 'user.name'),
				'Business Line': firstText(data, 'number.name', 'number.digits'),
				'Voicemail URL': text(data.voicemail),
				'Recording URL': text(data.recording),
			},
		};
	},
};

/**
 * CallRail post-call (and pre-call) webhooks: flat call fields with the caller, tracking source and
 * attribution. An inbound call that was not answered is a missed call.
 */
const callrail: SourcePreset = {
	key: 'callrail',
	label: 'CallRail (Post-Call Webhook)',
	family: 'calls',
	detect: (p) =>
		'customer_phone_number' in p &&
		('tracking_phone_number' in p || 'answered' in p || 'resource_id' in p),
	extract(p): InquiryDraft {
		const unanswered = p.answered === false || p.answered === 'false';
		const inbound = (text(p.direction) ?? 'inbound') === 'inbound';
		return {
			channel: inbound && unanswered ? 'missed_call' : 'call',
			system: 'callrail',
			event: 'answered' in p ? 'post_call' : 'pre_call',
			recordId: firstText(p, 'resource_id', 'id'),
			occurredAt: firstText(p, 'start_time', 'created_at'),
			name: { full: p.customer_name },
			phone: p.customer_phone_number,
			message: firstText(p, 'transcription', 'note'),
			location: { city: p.customer_city, region: p.customer_state, country: p.customer_country },
			attribution: {
				...trackingAttribution(p),
				referrer: firstText(p, 'referring_url', 'referrer_domain'),
			},
			extraFields: {
				Source: firstText(p, 'source_name', 'source'),
				Keywords: p.keywords,
				'Call Type': p.call_type,
				'Call Duration (s)': p.duration,
				Voicemail: p.voicemail === true ? 'Yes' : undefined,
				'First Call': p.first_call === true ? 'Yes' : p.first_call === false ? 'No' : undefined,
				'Tracking Number': p.tracking_phone_number,
				'Recording URL': p.recording,
			},
		};
	},
};

export const callCenterPresets: SourcePreset[] = [aircall, callrail];
