import aircallSample from '../../fixtures/vendor-payloads/aircall__call.created__1.json';
import openphoneCallSample from '../../fixtures/vendor-payloads/openphone__call.completed__1.json';
import openphoneMessageSample from '../../fixtures/vendor-payloads/openphone__message.received__1.json';
import twilioSmsSample from '../../fixtures/vendor-payloads/twilio__inbound_sms__1.json';
import twilioVoiceSample from '../../fixtures/vendor-payloads/twilio__voice_status_callback__busy__1.json';
import { makeText } from '../content';
import type { SimPhone } from '../people';
import { phoneKey } from '../people';
import type { BuildContext, Built, VendorSpec } from './spec';
import { HEX, iso, PATHS, sample, uniqueId } from './spec';

/** The business's own numbers: the customer is always the other party. */
const BUSINESS_NUMBER = '+14159876543';
const TWILIO_ACCOUNT = 'AC5ef8732a3c49700934481addd5ce1659';

/** RFC 2822, as Twilio dates its status callbacks: "Wed, 08 Oct 2025 13:54:12 +0000". */
const rfc2822 = (epochMs: number) => new Date(epochMs).toUTCString().replace('GMT', '+0000');

/** How Aircall writes raw_digits: international, grouped with spaces and dashes. */
function humanInternational(phone: SimPhone): string {
	const digits = phone.e164.slice(phone.country === 'GB' ? 3 : 2);
	if (phone.country !== 'GB')
		return `+1 ${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
	return digits.startsWith('7')
		? `+44 ${digits.slice(0, 4)} ${digits.slice(4)}`
		: `+44 ${digits.slice(0, 2)} ${digits.slice(2, 6)} ${digits.slice(6)}`;
}

/** Twilio Voice status callback for an inbound call: no-answer/busy when missed, completed when answered. */
function twilioVoice(context: BuildContext): Built {
	const { person, random } = context;
	const body = sample<Record<string, string>>(twilioVoiceSample);
	const callSid = `CA${uniqueId(context, 32, HEX)}`;
	const status = context.missed
		? random.weighted([
				['no-answer', 7],
				['busy', 3],
			] as const)
		: 'completed';
	const duration = context.missed ? '0' : String(random.int(35, 600));
	const country = person.phone.country;
	delete body.SipResponseCode;
	Object.assign(body, {
		Called: BUSINESS_NUMBER,
		To: BUSINESS_NUMBER,
		ToCountry: 'US',
		CalledCountry: 'US',
		From: person.phone.e164,
		Caller: person.phone.e164,
		FromCountry: country,
		CallerCountry: country,
		FromCity: '',
		CallerCity: '',
		FromState: '',
		CallerState: '',
		FromZip: '',
		CallerZip: '',
		Direction: 'inbound',
		CallbackSource: 'call-progress-events',
		Timestamp: rfc2822(context.atEpochMs),
		SequenceNumber: '0',
		CallSid: callSid,
		AccountSid: TWILIO_ACCOUNT,
		CallStatus: status,
		Duration: duration === '0' ? '0' : String(Math.ceil(Number(duration) / 60)),
		CallDuration: duration,
	});
	return {
		body,
		sourceEventId: `${callSid}:${status}`,
		channel: context.missed ? 'missed_call' : 'call',
		identityKey: phoneKey(person.phone),
	};
}

/** Twilio inbound SMS: every value a string, the customer in From. */
function twilioSms(context: BuildContext): Built {
	const { person } = context;
	const body = sample<Record<string, string>>(twilioSmsSample);
	const sid = `SM${uniqueId(context, 32, HEX)}`;
	Object.assign(body, {
		From: person.phone.e164,
		FromCountry: person.phone.country,
		FromCity: '',
		FromState: '',
		FromZip: '',
		To: BUSINESS_NUMBER,
		Body: makeText(context.random),
		SmsMessageSid: sid,
		SmsSid: sid,
		MessageSid: sid,
		AccountSid: TWILIO_ACCOUNT,
	});
	return { body, sourceEventId: sid, channel: 'sms', identityKey: phoneKey(person.phone) };
}

/** OpenPhone call.completed: missed when an incoming call was never answered (maybe with a voicemail). */
function openphoneCall(context: BuildContext): Built {
	const { person, random } = context;
	const body = sample<{ id: string; createdAt: string; data: { object: Record<string, unknown> } }>(
		openphoneCallSample,
	);
	const id = `EV${uniqueId(context, 32, HEX)}`;
	const started = context.atEpochMs - random.int(20, 300) * 1000;
	body.id = id;
	body.createdAt = iso(context.atEpochMs);
	Object.assign(body.data.object, {
		from: person.phone.e164,
		to: '+14159876544',
		direction: 'incoming',
		createdAt: iso(started),
		answeredAt: context.missed ? null : iso(started + 9000),
		completedAt: iso(context.atEpochMs),
		conversationId: `CN${uniqueId(context, 32, HEX)}`,
		voicemail:
			context.missed && random.chance(0.5)
				? {
						duration: random.int(4, 50),
						type: 'audio/mpeg',
						url: `https://m.openph.one/static/${random.hex(32)}.mp3`,
					}
				: null,
	});
	return {
		body,
		sourceEventId: id,
		channel: context.missed ? 'missed_call' : 'call',
		identityKey: phoneKey(person.phone),
	};
}

/** OpenPhone message.received (the same webhook URL receives call and message events). */
function openphoneMessage(context: BuildContext): Built {
	const { person } = context;
	const body = sample<{ id: string; createdAt: string; data: { object: Record<string, unknown> } }>(
		openphoneMessageSample,
	);
	const id = `EV${uniqueId(context, 32, HEX)}`;
	body.id = id;
	body.createdAt = iso(context.atEpochMs);
	Object.assign(body.data.object, {
		id: `AC${uniqueId(context, 32, HEX)}`,
		from: person.phone.e164,
		to: '+14159876544',
		text: makeText(context.random),
		createdAt: iso(context.atEpochMs - 200),
		userId: 'USu5AsEHuQ',
		phoneNumberId: 'PNtoDbDhuz',
	});
	return { body, sourceEventId: id, channel: 'sms', identityKey: phoneKey(person.phone) };
}

const MISSED_REASONS = [
	'agents_did_not_answer',
	'no_available_agent',
	'short_abandoned',
	'out_of_opening_hours',
];

/** Aircall call.ended: inbound, answered_at null and a missed_call_reason when nobody picked up. */
function aircall(context: BuildContext): Built {
	const { person, random } = context;
	const body = sample<{ data: Record<string, unknown> } & Record<string, unknown>>(aircallSample);
	const callId = 900_000_000 + context.seq;
	const seconds = Math.floor(context.atEpochMs / 1000);
	const started = seconds - random.int(20, 300);
	const digits = humanInternational(person.phone);
	Object.assign(body, { event: 'call.ended', timestamp: seconds, token: context.token });
	Object.assign(body.data, {
		id: callId,
		direct_link: `https://api.aircall.io/v1/calls/${callId}`,
		direction: 'inbound',
		call_uuid: `CA${uniqueId(context, 32, HEX)}`,
		status: 'done',
		missed_call_reason: context.missed ? random.pick(MISSED_REASONS) : null,
		started_at: started,
		answered_at: context.missed ? null : started + 8,
		ended_at: seconds,
		duration: seconds - started,
		raw_digits: digits,
		participants: [{ phone_number: digits, type: 'external' }],
	});
	return {
		body,
		sourceEventId: `${callId}:call.ended`,
		channel: context.missed ? 'missed_call' : 'call',
		identityKey: phoneKey(person.phone),
	};
}

/** One phone line, one webhook: calls and texts alike go to the missed-call template (OpenPhone sends both to one URL). */
const CALLS = { path: PATHS.phone, canStrip: false, calls: true } as const;
const TEXTS = { path: PATHS.phone, canStrip: false, calls: false } as const;

export const phoneVendors: VendorSpec[] = [
	{
		...CALLS,
		key: 'twilio_voice',
		scheme: 'twilio',
		encoding: 'form',
		weight: 10,
		build: twilioVoice,
	},
	{ ...TEXTS, key: 'twilio_sms', scheme: 'twilio', encoding: 'form', weight: 8, build: twilioSms },
	{
		...CALLS,
		key: 'openphone_call',
		scheme: 'openphone',
		encoding: 'json',
		weight: 5,
		build: openphoneCall,
	},
	{
		...TEXTS,
		key: 'openphone_message',
		scheme: 'openphone',
		encoding: 'json',
		weight: 4,
		build: openphoneMessage,
	},
	{ ...CALLS, key: 'aircall', scheme: 'aircall', encoding: 'json', weight: 5, build: aircall },
];
