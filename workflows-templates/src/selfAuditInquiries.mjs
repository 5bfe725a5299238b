// The self-audit's synthetic inquiries: one per entry template, shaped like the vendor samples in
// test/fixtures/vendor-payloads, and plainly synthetic (named "Self Audit", addresses on the
// reserved .invalid domain, fictional 555-01xx numbers, "[self-audit]" in every message). Each run
// gets its own ids, so an entry never mistakes a new audit for a replay of the last one. Each
// payload carries the hub's test mark, so the hub takes it down the test path.
import { TEST_MARK } from './chain.mjs';
import { SELF_AUDIT_NAME } from './scorecardSections.mjs';

/** Stand-ins replaced by n8n expressions when the template is built. */
export const TOKEN = {
	run: '__RUN__',
	nowIso: '__NOW_ISO__',
	nowUnix: '__NOW_UNIX__',
	nowRfc2822: '__NOW_RFC2822__',
	tomorrowIso: '__TOMORROW_ISO__',
};

const note = (what) =>
	`[self-audit] Synthetic ${what} sent by the continuity self-audit to test this entry. Please ignore.`;
const POSTAL_CODE = '94110';

/**
 * `contextMayAsk`: the entry cannot carry what a Route-Ready profile needs (a missed call or a
 * chat does not say which service, or where), so a follow-up question counts as a working Context stage.
 */
const SHAPES = [
	{
		entry: 'Web form (webhook)',
		template: '01b-form-webhook-to-verified-record',
		path: 'inquiry-form',
		contentType: 'application/json',
		signed: false,
		contextMayAsk: false,
		body: {
			event_id: `self-audit-${TOKEN.run}-form`,
			event_type: 'form_response',
			form_response: {
				form_id: 'self-audit',
				token: `self-audit-${TOKEN.run}-form`,
				submitted_at: TOKEN.nowIso,
				definition: {
					id: 'self-audit',
					title: 'Self-audit',
					fields: [
						{ id: 'name', title: 'What is your name?', type: 'short_text' },
						{ id: 'email', title: 'Email', type: 'email' },
						{ id: 'phone', title: 'Phone', type: 'phone_number' },
						{ id: 'service', title: 'Which service do you need?', type: 'multiple_choice' },
						{ id: 'postal', title: 'Postal code', type: 'short_text' },
						{ id: 'message', title: 'How can we help?', type: 'long_text' },
					],
				},
				answers: [
					{ type: 'text', text: SELF_AUDIT_NAME, field: { id: 'name', type: 'short_text' } },
					{
						type: 'email',
						email: 'self-audit+form@self-audit.invalid',
						field: { id: 'email', type: 'email' },
					},
					{
						type: 'phone_number',
						phone_number: '+14155550199',
						field: { id: 'phone', type: 'phone_number' },
					},
					{
						type: 'choice',
						choice: { label: 'Repair' },
						field: { id: 'service', type: 'multiple_choice' },
					},
					{ type: 'text', text: POSTAL_CODE, field: { id: 'postal', type: 'short_text' } },
					{
						type: 'text',
						text: note('form submission'),
						field: { id: 'message', type: 'long_text' },
					},
				],
			},
		},
	},
	{
		entry: 'Missed call (Twilio)',
		template: '02-missed-call-text-back',
		path: 'inquiry-missed-call',
		contentType: 'application/x-www-form-urlencoded',
		signed: true,
		contextMayAsk: true,
		body: {
			AccountSid: 'ACself-audit',
			ApiVersion: '2010-04-01', // fixed-date: Twilio's API version name, not a time
			CallSid: `CAself-audit-${TOKEN.run}`,
			CallStatus: 'no-answer',
			CallDuration: '0',
			Direction: 'inbound',
			From: '+14155550198',
			Caller: '+14155550198',
			CallerName: SELF_AUDIT_NAME,
			FromCity: 'SAN FRANCISCO',
			FromState: 'CA',
			FromZip: POSTAL_CODE,
			FromCountry: 'US',
			To: '+14155550100',
			Called: '+14155550100',
			Timestamp: TOKEN.nowRfc2822,
			TranscriptionText: note('missed call'),
		},
	},
	{
		entry: 'Chat (Intercom)',
		template: '03-chat-to-owner',
		path: 'inquiry-chat',
		contentType: 'application/json',
		signed: false,
		contextMayAsk: true,
		body: {
			type: 'notification_event',
			id: `notif_self-audit-${TOKEN.run}`,
			topic: 'conversation.user.created',
			app_id: 'self-audit',
			created_at: TOKEN.nowUnix,
			data: {
				type: 'notification_event_data',
				item: {
					type: 'conversation',
					id: `self-audit-${TOKEN.run}`,
					created_at: TOKEN.nowUnix,
					user: {
						type: 'user',
						id: 'self-audit',
						name: SELF_AUDIT_NAME,
						email: 'self-audit+chat@self-audit.invalid',
					},
					conversation_message: {
						type: 'conversation_message',
						id: `self-audit-${TOKEN.run}`,
						subject: '',
						body: `<p>${note('chat')}</p>`,
						author: {
							type: 'user',
							id: 'self-audit',
							name: SELF_AUDIT_NAME,
							email: 'self-audit+chat@self-audit.invalid',
						},
						attachments: [],
					},
				},
			},
		},
	},
	{
		entry: 'Booking (Calendly)',
		template: '04-booking-to-owner',
		path: 'inquiry-booking',
		contentType: 'application/json',
		signed: false,
		contextMayAsk: false,
		body: {
			event: 'invitee.created',
			created_at: TOKEN.nowIso,
			payload: {
				uri: `https://api.calendly.com/scheduled_events/self-audit/invitees/${TOKEN.run}`,
				name: SELF_AUDIT_NAME,
				email: 'self-audit+booking@self-audit.invalid',
				text_reminder_number: '+14155550196',
				timezone: 'UTC',
				status: 'active',
				created_at: TOKEN.nowIso,
				questions_and_answers: [
					{ question: 'Which service do you need?', answer: 'Repair' },
					{ question: 'Postal code', answer: POSTAL_CODE },
					{ question: 'Anything that will help us prepare?', answer: note('booking') },
				],
				scheduled_event: {
					name: 'Self-audit visit',
					status: 'active',
					start_time: TOKEN.tomorrowIso,
				},
			},
		},
	},
	{
		entry: 'Ad lead (Google Ads)',
		template: '05-ad-lead-to-owner',
		path: 'inquiry-ad-lead',
		contentType: 'application/json',
		signed: false,
		contextMayAsk: false,
		body: {
			lead_id: `self-audit-${TOKEN.run}-ad`,
			api_version: '1.0',
			form_id: 0,
			campaign_id: 0,
			is_test: true,
			user_column_data: [
				{ column_name: 'Full Name', string_value: SELF_AUDIT_NAME, column_id: 'FULL_NAME' },
				{
					column_name: 'User Email',
					string_value: 'self-audit+ad@self-audit.invalid',
					column_id: 'EMAIL',
				},
				{ column_name: 'User Phone', string_value: '+14155550197', column_id: 'PHONE_NUMBER' },
				{ column_name: 'Postal Code', string_value: POSTAL_CODE, column_id: 'POSTAL_CODE' },
				{ string_value: 'Repair', column_id: 'SERVICE' },
				{ column_name: 'Message', string_value: note('ad lead') },
			],
		},
	},
];

export const SYNTHETIC_INQUIRIES = SHAPES.map((inquiry) => ({
	...inquiry,
	body: { ...inquiry.body, [TEST_MARK]: `self-audit-${TOKEN.run}` },
}));
