import calendlySample from '../../fixtures/vendor-payloads/calendly__invitee.created__1.json';
import intercomSample from '../../fixtures/vendor-payloads/intercom__conversation.user.created__1.json';
import calcomSample from '../../fixtures/vendor-payloads/calcom__BOOKING_CREATED__1.json';
import googleAdsSample from '../../fixtures/vendor-payloads/google_ads__lead_form_webhook__1.json';
import whatsappSample from '../../fixtures/vendor-payloads/whatsapp_cloud__messages_text__1.json';
import { emailKey, phoneKey } from '../people';
import type { BuildContext, Built, VendorSpec } from './spec';
import { BASE62, HEX, iso, PATHS, sample, uniqueId } from './spec';

const HOUR = 3_600_000;

/** Calendly invitee.created: the invitee, an SMS reminder number and booking questions. */
function calendly(context: BuildContext): Built {
	const { person, request, random } = context;
	const body = sample<{
		created_at: string;
		payload: Record<string, unknown> & { scheduled_event: Record<string, unknown> };
	}>(calendlySample);
	const eventUuid = uniqueId(context, 16, BASE62).toUpperCase();
	const inviteeUuid = uniqueId(context, 16, BASE62).toUpperCase();
	const uri = `https://api.calendly.com/scheduled_events/${eventUuid}/invitees/${inviteeUuid}`;
	const start = context.atEpochMs + random.int(20, 72) * HOUR;
	const questions = [
		{ question: 'What do you need help with?', answer: request.message, position: 0 },
	];
	if (!context.strip)
		questions.push({
			question: 'Service address ZIP code',
			answer: request.postalCode,
			position: 1,
		});
	body.created_at = iso(context.atEpochMs);
	Object.assign(body.payload, {
		created_at: iso(context.atEpochMs),
		updated_at: iso(context.atEpochMs),
		email: person.email,
		name: person.full,
		first_name: person.first,
		last_name: person.last,
		questions_and_answers: questions,
		text_reminder_number: context.strip ? null : person.phone.written,
		timezone: 'America/New_York',
		uri,
		event: `https://api.calendly.com/scheduled_events/${eventUuid}`,
		tracking: { ...(body.payload.tracking as object), utm_source: random.pick(['google', null]) },
	});
	Object.assign(body.payload.scheduled_event, {
		uri: `https://api.calendly.com/scheduled_events/${eventUuid}`,
		name: context.strip ? 'Consultation' : `${request.service} estimate`,
		start_time: iso(start),
		end_time: iso(start + HOUR / 2),
	});
	return { body, sourceEventId: uri, channel: 'booking', identityKey: emailKey(person.email) };
}

/** Cal.com BOOKING_CREATED: the attendee (not the organizer) is the customer. */
function calcom(context: BuildContext): Built {
	const { person, request, random } = context;
	const body = sample<{ createdAt: string; payload: Record<string, unknown> }>(calcomSample);
	const uid = uniqueId(context, 22, BASE62);
	const start = context.atEpochMs + random.int(20, 72) * HOUR;
	const responses: Record<string, unknown> = {
		name: { label: 'your_name', value: person.full },
		email: { label: 'email_address', value: person.email },
		notes: { label: 'additional_notes', value: request.message },
		guests: { label: 'additional_guests' },
	};
	if (!context.strip) {
		responses.attendeePhoneNumber = { label: 'phone_number', value: person.phone.e164 };
		responses.location = {
			label: 'location',
			value: { optionValue: request.postalCode, value: 'attendeeInPerson' },
		};
	}
	body.createdAt = iso(context.atEpochMs);
	Object.assign(body.payload, {
		type: context.strip ? 'consultation' : request.service.toLowerCase(),
		title: `${request.service} visit between Pro Example and ${person.full}`,
		additionalNotes: request.message,
		startTime: iso(start).replace('.000', ''),
		endTime: iso(start + HOUR).replace('.000', ''),
		responses,
		attendees: [
			{
				email: person.email,
				name: person.full,
				timeZone: 'America/Chicago',
				language: { locale: 'en' },
			},
		],
		uid,
		bookingId: 1000 + context.seq,
	});
	return { body, sourceEventId: uid, channel: 'booking', identityKey: emailKey(person.email) };
}

/** Intercom conversation.user.created: the notification envelope around the first message. */
function intercom(context: BuildContext): Built {
	const { person, request, random } = context;
	const body = sample<
		{ id: string; data: { item: Record<string, unknown> } } & Record<string, unknown>
	>(intercomSample);
	const seconds = Math.floor(context.atEpochMs / 1000);
	const user = {
		type: random.pick(['user', 'lead']),
		id: uniqueId(context, 24, HEX),
		name: person.full,
		email: person.email,
	};
	body.id = `notif_${uniqueId(context, 8, HEX)}-${random.hex(4)}-${random.hex(4)}`;
	Object.assign(body, { created_at: seconds, first_sent_at: seconds, delivered_at: seconds });
	Object.assign(body.data.item, {
		id: String(100_000_000 + context.seq),
		created_at: String(seconds),
		updated_at: String(seconds),
		user,
		conversation_message: {
			type: 'conversation_message',
			id: String(300_000 + context.seq),
			subject: '',
			body: `<p>${request.message}</p>`,
			author: user,
			attachments: [],
		},
	});
	return { body, sourceEventId: body.id, channel: 'chat', identityKey: emailKey(person.email) };
}

/** WhatsApp Cloud API text message: digits-only numbers, sender profile matched by wa_id. */
function whatsapp(context: BuildContext): Built {
	const { person, request } = context;
	const body = sample<{ entry: { changes: { value: Record<string, unknown> }[] }[] }>(
		whatsappSample,
	);
	const waId = person.phone.e164.slice(1);
	const messageId = `wamid.${uniqueId(context, 40, BASE62)}=`;
	Object.assign(body.entry[0].changes[0].value, {
		contacts: [{ profile: { name: person.full }, wa_id: waId }],
		messages: [
			{
				from: waId,
				id: messageId,
				timestamp: String(Math.floor(context.atEpochMs / 1000)),
				type: 'text',
				text: { body: request.message },
			},
		],
	});
	return { body, sourceEventId: messageId, channel: 'chat', identityKey: phoneKey(person.phone) };
}

/** Google Ads lead form webhook: answers by column id; google_key proves the sender. */
function googleAds(context: BuildContext): Built {
	const { person, request, random } = context;
	const body = sample<Record<string, unknown>>(googleAdsSample);
	const leadId = uniqueId(context, 40, BASE62);
	const columns: { column_name?: string; string_value: string; column_id: string }[] = [
		{ column_name: 'Full Name', string_value: person.full, column_id: 'FULL_NAME' },
		{ column_name: 'User Email', string_value: person.email, column_id: 'EMAIL' },
	];
	if (!context.strip) {
		columns.push(
			{ column_name: 'User Phone', string_value: person.phone.e164, column_id: 'PHONE_NUMBER' },
			{ column_name: 'Postal Code', string_value: request.postalCode, column_id: 'POSTAL_CODE' },
			// Google omits column_name on some rows (the sample's SERVICE row has none).
			{ string_value: request.service, column_id: 'SERVICE' },
		);
	}
	Object.assign(body, {
		lead_id: leadId,
		user_column_data: columns,
		google_key: context.token,
		is_test: false,
		gcl_id: `Cj0K${random.chars(40, BASE62)}`,
		form_id: Number(`1869860${random.digits(4)}`),
		campaign_id: Number(`99121${random.digits(4)}`),
		lead_submit_time: iso(context.atEpochMs),
		adgroup_id: Number(`2000000${random.digits(4)}`),
		creative_id: Number(`3000000${random.digits(4)}`),
	});
	return { body, sourceEventId: leadId, channel: 'ad_lead', identityKey: emailKey(person.email) };
}

const BOOKING = { path: PATHS.booking, canStrip: true, calls: false } as const;
/** Chats carry no service or location fields to strip; WhatsApp's only identity is the phone. */
const CHAT = { path: PATHS.chat, canStrip: false, calls: false } as const;
const AD_LEAD = { path: PATHS.adLead, canStrip: true, calls: false } as const;

export const conversationVendors: VendorSpec[] = [
	{ ...BOOKING, key: 'calendly', scheme: 'calendly', encoding: 'json', weight: 7, build: calendly },
	{ ...BOOKING, key: 'calcom', scheme: 'calcom', encoding: 'json', weight: 5, build: calcom },
	{ ...CHAT, key: 'intercom', scheme: 'intercom', encoding: 'json', weight: 6, build: intercom },
	{ ...CHAT, key: 'whatsapp', scheme: 'meta', encoding: 'json', weight: 8, build: whatsapp },
	{
		...AD_LEAD,
		key: 'google_ads',
		scheme: 'googleAds',
		encoding: 'json',
		weight: 12,
		build: googleAds,
	},
];
