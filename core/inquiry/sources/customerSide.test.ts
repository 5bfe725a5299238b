import { normalizeInquiry } from '../normalizeInquiry';
import { NOW, normalizeOne, sampleBody } from './test/samples';

/**
 * Which side of a call or message is the customer, for every call and SMS vendor, inbound and
 * outbound, on each vendor's published sample (test/fixtures/vendor-payloads, sources in each
 * file). Where a vendor published only one direction, the other is that sample with the
 * vendor-documented fields for the other direction set, as noted. The business's own line must
 * never become the customer's phone.
 */

function sides(file: string, body: Record<string, unknown> = sampleBody(file)) {
	const inquiry = normalizeOne(body);
	return {
		customer: inquiry.contact.phone?.raw,
		business: inquiry.extraFields['Business Number'],
		channel: inquiry.channel,
	};
}

describe('Twilio', () => {
	it('inbound SMS: the customer is From, the business To', () => {
		expect(sides('twilio__inbound_sms__1.json')).toEqual({
			customer: '+14151234567',
			business: '+14159876543',
			channel: 'sms',
		});
	});

	// Twilio Messaging docs, "Outbound Message Status in Status Callbacks": a status callback for a
	// message the business sent carries MessageStatus (queued, sent, delivered, …) with From = the
	// business's sender and To = the recipient.
	it('status callback of a message the business sent: the customer is To', () => {
		const inbound = sampleBody('twilio__inbound_sms__1.json');
		const sent = {
			...inbound,
			From: inbound.To,
			To: inbound.From,
			SmsStatus: 'delivered',
			MessageStatus: 'delivered',
		};
		expect(sides('', sent)).toEqual({
			customer: '+14151234567',
			business: '+14159876543',
			channel: 'sms',
		});
	});

	it('outbound-api call: the customer is To, the business From', () => {
		expect(sides('twilio__voice_status_callback__busy__1.json')).toMatchObject({
			customer: '+441111111111',
			business: '+11111111111',
		});
	});

	it('inbound call: the customer is From', () => {
		const outbound = sampleBody('twilio__voice_status_callback__busy__1.json');
		const inbound = {
			...outbound,
			Direction: 'inbound',
			From: outbound.To,
			Caller: outbound.Called,
			To: outbound.From,
			Called: outbound.Caller,
		};
		expect(sides('', inbound)).toMatchObject({
			customer: '+441111111111',
			business: '+11111111111',
		});
	});
});

describe('OpenPhone', () => {
	it('incoming call: the customer is from, the business to', () => {
		expect(sides('openphone__call.completed__1.json')).toMatchObject({
			customer: '+18005550100',
			business: '+18885550101',
		});
	});

	// OpenPhone webhooks docs: on an outgoing call `from` is the workspace number and `to` the contact.
	it('outgoing call: the customer is to', () => {
		const body = sampleBody('openphone__call.completed__1.json') as {
			data: { object: Record<string, unknown> };
		};
		const object = {
			...body.data.object,
			direction: 'outgoing',
			from: '+18885550101',
			to: '+18005550100',
		};
		expect(sides('', { ...body, data: { object } })).toMatchObject({
			customer: '+18005550100',
			business: '+18885550101',
			channel: 'call',
		});
	});
});

describe('Aircall', () => {
	it('outbound call: the customer is the external raw_digits, never the agent', () => {
		const inquiry = normalizeOne(sampleBody('aircall__call.created__1.json'));
		expect(inquiry.contact.phone?.raw).toBe('+1 800-123-4567');
		expect(inquiry.contact.name).toEqual({});
	});
});

describe('CallRail', () => {
	// A CallRail API v3 call object, the example of CallRail's API reference (customer "Jimmy
	// Pesto, Sr."), as quoted in the pycallrail client's tests; post-call webhooks carry these fields.
	const call = {
		answered: false,
		business_phone_number: null,
		customer_city: 'New York City',
		customer_country: 'US',
		customer_name: 'Jimmy Pesto, Sr.',
		customer_phone_number: '+13036231131',
		customer_state: 'NY',
		direction: 'inbound',
		duration: 4,
		id: 'CAL8154748ae6bd4e278a7cddd38a662f4f',
		start_time: '2017-01-24T11:27:48.119-05:00',
		tracking_phone_number: '+13038163491',
		voicemail: false,
	};

	it('the customer is customer_phone_number, never the tracking number; the suffix stays a suffix', () => {
		const inquiry = normalizeOne(call);
		expect(inquiry.contact.phone).toMatchObject({ raw: '+13036231131', e164: '+13036231131' });
		expect(inquiry.extraFields['Tracking Number']).toBe('+13038163491');
		expect(inquiry.contact.name).toEqual({
			full: 'Jimmy Pesto, Sr.',
			first: 'Jimmy',
			last: 'Pesto',
			suffix: 'Sr.',
		});
		expect(inquiry.channel).toBe('missed_call');
	});

	it('an outbound call keeps the customer', () => {
		expect(
			normalizeOne({ ...call, direction: 'outbound', answered: true }).contact.phone?.raw,
		).toBe('+13036231131');
	});
});

describe('WhatsApp Cloud API', () => {
	it('the customer is messages[].from, not the business display number', () => {
		const inquiry = normalizeOne(sampleBody('whatsapp_cloud__messages_text__1.json'));
		// wa_id digits carry the country code; the preset writes them with "+".
		expect(inquiry.contact.phone).toMatchObject({ raw: '+16505551234', e164: '+16505551234' });
	});
});

describe('RingCentral telephony sessions', () => {
	it.each([
		// Inbound PSTN → extension: the extension's party (docs sample) and the caller's own party.
		['ringcentral__telephony_session_inbound__1.json', '+19043014558', 'inbound'],
		['ringcentral__telephony_session_inbound__4.json', '+18003151571', 'inbound'],
		['ringcentral__telephony_session_inbound__5.json', '+18003151571', 'inbound'],
		// Outbound extension → PSTN: the extension's party and the called PSTN party.
		['ringcentral__telephony_session_outbound__2.json', '+18003151571', 'outbound'],
		['ringcentral__telephony_session_outbound__3.json', '+18003151571', 'outbound'],
	])(
		'%s: the customer is the external +14083388064, the business %s',
		(file, business, direction) => {
			const inquiry = normalizeOne(sampleBody(file));
			expect(inquiry.contact.phone).toMatchObject({ raw: '+14083388064', e164: '+14083388064' });
			expect(inquiry.extraFields).toMatchObject({
				'Business Number': business,
				Direction: direction,
			});
			expect(inquiry.channel).toBe('call');
		},
	);

	// ringcentral/ringcentral-api-docs docs/voice/telephony-session-notifications.md, "Call Status
	// Codes": an Inbound party's `Voicemail` means the call was forwarded to voicemail.
	it('an inbound call sent to voicemail, or marked missed, is a missed call', () => {
		const body = sampleBody('ringcentral__telephony_session_inbound__1.json') as {
			body: { parties: Record<string, unknown>[] };
		};
		const withParty = (change: Record<string, unknown>) => ({
			...body,
			body: { ...body.body, parties: [{ ...body.body.parties[0], ...change }] },
		});
		expect(normalizeOne(withParty({ status: { code: 'Voicemail' } })).channel).toBe('missed_call');
		expect(normalizeOne(withParty({ missedCall: true })).channel).toBe('missed_call');
	});

	it('an internal call between two extensions has no customer, so no inquiry', () => {
		const body = sampleBody('ringcentral__telephony_session_inbound__1.json') as {
			body: { parties: Record<string, unknown>[] };
		};
		const party = {
			...body.body.parties[0],
			from: { phoneNumber: '+19043014559', extensionId: '809646017' },
		};
		const [result] = normalizeInquiry(
			{ ...body, body: { ...body.body, parties: [party] } },
			{ now: NOW, source: 'ringcentral' },
		);
		expect(result).toMatchObject({ status: 'invalid', reasons: ['no_contact_details'] });
	});
});
