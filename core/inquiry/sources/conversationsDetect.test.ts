import { bookingsPresets } from './bookings';
import { callsPresets } from './calls';
import { chatPresets } from './chat';
import { emailPresets } from './email';
import { SOURCE_PRESETS, detectPreset } from './index';
import { marketplacesPresets } from './marketplaces';
import { normalizeAll, SAMPLE_FILES, samplePayload } from './test/samples';

/** The booking, call, chat, email and marketplace samples, each with the one preset that must claim it. */
const OURS: Record<string, string> = {
	'aircall__call.created__1.json': 'aircall',
	'calcom__BOOKING_CREATED__1.json': 'calcom',
	'calendly__invitee.created__1.json': 'calendly',
	'intercom__conversation.user.created__1.json': 'intercom',
	'jobber__webhook_CLIENT_CREATE__1.json': 'jobber',
	'mailgun__inbound_route_forward__1.json': 'mailgun',
	'n8n__email_imap_trigger_output_simple__1.json': 'n8n_imap',
	'n8n__gmail_trigger_output_raw__1.json': 'n8n_gmail',
	'openphone__call.completed__1.json': 'openphone',
	'openphone__message.received__1.json': 'openphone',
	'postmark__inbound__1.json': 'postmark',
	'ringcentral__telephony_session_inbound__1.json': 'ringcentral',
	'ringcentral__telephony_session_inbound__4.json': 'ringcentral',
	'ringcentral__telephony_session_inbound__5.json': 'ringcentral',
	'ringcentral__telephony_session_outbound__2.json': 'ringcentral',
	'ringcentral__telephony_session_outbound__3.json': 'ringcentral',
	'twilio__inbound_sms__1.json': 'twilio',
	'twilio__voice_status_callback__busy__1.json': 'twilio',
	'whatsapp_cloud__messages_text__1.json': 'whatsapp',
	'yelp__leads_webhook_NEW_EVENT__1.json': 'yelp',
	'yelp__leads_webhook_phone_opt_in__2.json': 'yelp',
};
const OUR_PRESETS = [
	...bookingsPresets,
	...callsPresets,
	...chatPresets,
	...emailPresets,
	...marketplacesPresets,
];
const OUR_KEYS = new Set(OUR_PRESETS.map((preset) => preset.key));
const SAMPLES = SAMPLE_FILES;
const payloadOf = samplePayload;

describe('auto-detect over every booking, call, chat, email and marketplace sample', () => {
	it('knows every such sample in the fixtures', () => {
		const ourVendors =
			/^(aircall|calcom|calendly|intercom|jobber|mailgun|n8n__email|n8n__gmail|openphone|postmark|ringcentral|twilio|whatsapp|yelp|crisp|callrail|sendgrid|thumbtack)/;
		expect(SAMPLES.filter((file) => ourVendors.test(file)).sort()).toEqual(
			Object.keys(OURS).sort(),
		);
	});

	it.each(Object.entries(OURS))('%s → %s, and no other preset claims it', (file, key) => {
		const payload = payloadOf(file);
		expect(detectPreset(payload)?.key).toBe(key);
		expect(
			SOURCE_PRESETS.filter((preset) => preset.detect(payload)).map((preset) => preset.key),
		).toEqual([key]);
		expect(
			new Set(
				normalizeAll(payload).map(
					(inquiry) => `${inquiry.source.preset} via ${inquiry.source.detectedBy}`,
				),
			),
		).toEqual(new Set([`${key} via auto`]));
	});

	it.each(SAMPLES.filter((file) => !(file in OURS)))(
		'%s is left to its own vendor family',
		(file) => {
			const payload = payloadOf(file);
			expect(
				OUR_PRESETS.filter((preset) => preset.detect(payload)).map((preset) => preset.key),
			).toEqual([]);
			expect(OUR_KEYS.has(detectPreset(payload)?.key ?? '')).toBe(false);
		},
	);

	it('every preset key is unique', () => {
		const keys = SOURCE_PRESETS.map((preset) => preset.key);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
