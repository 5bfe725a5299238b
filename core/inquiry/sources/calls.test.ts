import fc from 'fast-check';
import { callsPresets } from './calls';
import { normalizeOne, sampleBody, summary } from './test/samples';

const twilioCall = (overrides: Record<string, string>) => ({
	...sampleBody('twilio__voice_status_callback__busy__1.json'),
	...overrides,
});
const inboundCall = {
	Direction: 'inbound',
	From: '+14155550134',
	Caller: '+14155550134',
	To: '+14159876543',
	Called: '+14159876543',
	FromCountry: 'US',
	FromCity: 'OAKLAND',
	FromState: 'CA',
	FromZip: '94601',
};

describe('Twilio', () => {
	it('inbound SMS: the customer is From, the business number is kept', () => {
		const inquiry = normalizeOne(sampleBody('twilio__inbound_sms__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'twilio',
			channel: 'sms',
			name: {},
			email: undefined,
			phone: undefined,
			message: 'Hello',
		});
		// The sample's From (+1 415-123-4567) is a placeholder whose exchange starts with 1.
		expect(inquiry.contact.phone).toMatchObject({ raw: '+14151234567', valid: false });
		expect(inquiry.source).toEqual({
			system: 'twilio',
			event: 'message.received',
			recordId: 'SM00000000000000000000000000000000',
			preset: 'twilio',
			detectedBy: 'auto',
		});
		expect(inquiry.extraFields).toEqual({ 'Business Number': '+14159876543' });
		expect(inquiry.request.location).toEqual({
			city: 'SAN FRANCISCO',
			region: 'CA',
			postalCode: '94104',
			country: 'US',
		});
	});

	it('busy status callback of an outbound call: the customer is To, and the call never connected', () => {
		const inquiry = normalizeOne(sampleBody('twilio__voice_status_callback__busy__1.json'));
		// The sample's expected phone is From, but on an outbound-api call From is the business (the sample's own notes say so).
		// Its expected channel is "call"; the project counts every call that never connected as missed, whichever side dialled.
		expect(summary(inquiry)).toEqual({
			preset: 'twilio',
			channel: 'missed_call',
			name: {},
			email: undefined,
			phone: '+441111111111',
			message: undefined,
		});
		expect(inquiry.source).toMatchObject({
			event: 'call.busy',
			recordId: 'CA8367245817625617832576245724',
		});
		expect(inquiry.occurredAt).toBe('2025-10-08T13:54:12.000Z');
		expect(inquiry.extraFields).toEqual({
			'Call Status': 'busy',
			Direction: 'outbound-api',
			'Call Duration (s)': '0',
			'Business Number': '+11111111111',
		});
		expect(inquiry.request.location).toEqual({ country: 'GB' });
	});

	it.each(['no-answer', 'busy', 'failed', 'canceled'])(
		'inbound %s is a missed call from the caller',
		(status) => {
			const inquiry = normalizeOne(twilioCall({ ...inboundCall, CallStatus: status }));
			expect(summary(inquiry)).toEqual({
				preset: 'twilio',
				channel: 'missed_call',
				name: {},
				email: undefined,
				phone: '+14155550134',
				message: undefined,
			});
			expect(inquiry.request.location).toEqual({
				city: 'OAKLAND',
				region: 'CA',
				postalCode: '94601',
				country: 'US',
			});
			expect(inquiry.dedupeKey).toBe('missed_call:phone:+14155550134');
		},
	);

	it('a <Dial> action callback reads DialCallStatus; an answered call with caller name is a call', () => {
		expect(
			normalizeOne(
				twilioCall({ ...inboundCall, CallStatus: 'in-progress', DialCallStatus: 'no-answer' }),
			).channel,
		).toBe('missed_call');
		const answered = normalizeOne(
			twilioCall({
				...inboundCall,
				CallStatus: 'completed',
				CallDuration: '184',
				CallerName: 'JANE ROE',
			}),
		);
		expect([
			answered.channel,
			answered.contact.name,
			answered.extraFields['Call Duration (s)'],
		]).toEqual(['call', { full: 'Jane Roe', first: 'Jane', last: 'Roe' }, '184']);
		expect(
			normalizeOne(
				twilioCall({ ...inboundCall, CallStatus: 'completed', CallerName: 'WIRELESS CALLER' }),
			).contact.name,
		).toEqual({});
	});

	it('each status of a call is its own event; a replayed callback gets the same id', () => {
		const ringing = normalizeOne(twilioCall({ ...inboundCall, CallStatus: 'ringing' }));
		const missed = normalizeOne(twilioCall({ ...inboundCall, CallStatus: 'no-answer' }));
		expect(ringing.id).not.toBe(missed.id);
		expect(normalizeOne(twilioCall({ ...inboundCall, CallStatus: 'no-answer' })).id).toBe(
			missed.id,
		);
	});

	it('WhatsApp through Twilio: a chat, the whatsapp: prefix dropped, media kept', () => {
		const inquiry = normalizeOne({
			...sampleBody('twilio__inbound_sms__1.json'),
			From: 'whatsapp:+34612345678',
			To: 'whatsapp:+14155238886',
			ProfileName: 'Lupita',
			Body: 'Hola, ¿tienen cita mañana?',
			NumMedia: '1',
			MediaUrl0: 'https://api.twilio.com/media/ME1',
		});
		expect(summary(inquiry)).toEqual({
			preset: 'twilio',
			channel: 'chat',
			name: { full: 'Lupita', first: 'Lupita' },
			email: undefined,
			phone: '+34612345678',
			message: 'Hola, ¿tienen cita mañana?',
		});
		expect(inquiry.extraFields).toEqual({
			'Business Number': '+14155238886',
			'Media 1': 'https://api.twilio.com/media/ME1',
		});
	});
});

describe('OpenPhone / Quo', () => {
	const call = () =>
		sampleBody('openphone__call.completed__1.json') as {
			data: { object: Record<string, unknown> };
		} & Record<string, unknown>;

	it('an incoming call never answered is a missed call, with its voicemail', () => {
		const inquiry = normalizeOne(call());
		// The sample's expected channel is "call", but its notes define this exact shape as a missed call.
		expect(summary(inquiry)).toEqual({
			preset: 'openphone',
			channel: 'missed_call',
			name: {},
			email: undefined,
			phone: '+18005550100',
			message: undefined,
		});
		expect(inquiry.source).toEqual({
			system: 'openphone',
			event: 'call.completed',
			preset: 'openphone',
			detectedBy: 'auto',
		});
		expect(inquiry.extraFields).toEqual({
			Direction: 'incoming',
			'Call Status': 'completed',
			'Business Number': '+18885550101',
			'Voicemail URL': 'https://m.openph.one/static/15ad4740be6048e4a80efb268d347482.mp3',
			'Voicemail Duration (s)': '7',
			'Conversation Id': 'CN78ba0373683c48fd8fd96bc836c51f79',
		});
		expect(inquiry.occurredAt).toBe('2022-01-24T19:21:59.545Z');
	});

	it('an answered call is a call; an outgoing one is about the number called', () => {
		const answered = call();
		answered.data.object = {
			...answered.data.object,
			answeredAt: '2022-01-24T19:22:05.000Z',
			voicemail: null,
		};
		expect(normalizeOne(answered).channel).toBe('call');
		const outgoing = call();
		outgoing.data.object = {
			...outgoing.data.object,
			direction: 'outgoing',
			from: '+18885550101',
			to: '+14155550134',
		};
		expect(summary(normalizeOne(outgoing))).toMatchObject({
			channel: 'call',
			phone: '+14155550134',
		});
	});

	it('the redacted message sample: ids of "" read as missing, the text is kept', () => {
		const inquiry = normalizeOne(sampleBody('openphone__message.received__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'openphone',
			channel: 'sms',
			name: {},
			email: undefined,
			phone: undefined,
			message: 'test',
		});
		expect(inquiry.source).toEqual({
			system: 'openphone',
			event: 'message.received',
			preset: 'openphone',
			detectedBy: 'auto',
		});
		expect(inquiry.occurredAt).toBe('2025-04-10T21:41:00.983Z');
	});

	it('a real message.received: phone from "from", id from the event', () => {
		const body = sampleBody('openphone__message.received__1.json') as {
			data: { object: Record<string, unknown> };
		} & Record<string, unknown>;
		body.id = 'EV123';
		body.data.object = {
			...body.data.object,
			id: 'AC9',
			from: '+14155550134',
			to: ['+14159876544'],
			text: 'Can you come Friday?',
		};
		const inquiry = normalizeOne(body);
		expect(summary(inquiry)).toMatchObject({
			channel: 'sms',
			phone: '+14155550134',
			message: 'Can you come Friday?',
		});
		expect([inquiry.source.recordId, inquiry.extraFields['Business Number']]).toEqual([
			'AC9',
			'+14159876544',
		]);
	});

	it('a call transcript becomes Customer / Agent lines', () => {
		const inquiry = normalizeOne({
			id: 'EV9',
			object: 'event',
			type: 'call.transcript.completed',
			createdAt: '2024-05-01T10:00:00Z',
			data: {
				object: {
					object: 'callTranscript',
					callId: 'AC1',
					direction: 'incoming',
					from: '+14155550134',
					dialogue: [
						{ content: 'Thanks for calling Acme', identifier: '+14159876544', userId: 'US1' },
						{ content: 'My furnace stopped working', identifier: '+14155550134' },
					],
				},
			},
		});
		expect(summary(inquiry)).toMatchObject({
			channel: 'call',
			phone: '+14155550134',
			message: 'Agent: Thanks for calling Acme\nCustomer: My furnace stopped working',
		});
	});
});

describe('Aircall', () => {
	const body = () =>
		sampleBody('aircall__call.created__1.json') as { data: Record<string, unknown> } & Record<
			string,
			unknown
		>;

	it('call.created: the external number, never the agent, and no token in the fields', () => {
		const inquiry = normalizeOne(body());
		expect(summary(inquiry)).toEqual({
			preset: 'aircall',
			channel: 'call',
			name: {},
			email: undefined,
			phone: undefined,
			message: undefined,
		});
		// raw_digits "+1 800-123-4567": the external side, a placeholder whose exchange starts with 1.
		expect(inquiry.contact.phone).toMatchObject({ raw: '+1 800-123-4567', valid: false });
		expect(inquiry.source).toEqual({
			system: 'aircall',
			event: 'call.created',
			recordId: '123',
			preset: 'aircall',
			detectedBy: 'auto',
		});
		expect(inquiry.extraFields).toEqual({
			Direction: 'outbound',
			'Call Status': 'initial',
			'Call Duration (s)': '0',
		});
		expect(inquiry.occurredAt).toBe('2024-11-26T12:08:15.000Z');
		expect(JSON.stringify({ ...inquiry, raw: undefined })).not.toContain('cebcaac65');
	});

	it('call.ended inbound with a missed_call_reason is a missed call; the known contact is read', () => {
		const ended = body();
		ended.event = 'call.ended';
		ended.data = {
			...ended.data,
			direction: 'inbound',
			status: 'done',
			missed_call_reason: 'agents_did_not_answer',
			raw_digits: '+44 20 7946 0958',
			participants: [],
			user: { id: 7, name: 'John Doe' },
			contact: {
				first_name: 'Priya',
				last_name: 'Patel',
				company_name: 'Patel Dental',
				emails: [{ label: 'Work', value: 'priya@pateldental.co.uk' }],
				phone_numbers: [{ label: 'Work', value: '+44 20 7946 0958' }],
			},
		};
		const inquiry = normalizeOne(ended);
		expect(summary(inquiry)).toEqual({
			preset: 'aircall',
			channel: 'missed_call',
			name: { full: 'Priya Patel', first: 'Priya', last: 'Patel' },
			email: 'priya@pateldental.co.uk',
			phone: '+442079460958',
			message: undefined,
		});
		expect(inquiry.contact.company).toBe('Patel Dental');
		expect(inquiry.extraFields).toMatchObject({
			'Missed Call Reason': 'agents_did_not_answer',
			Agent: 'John Doe',
		});
	});

	it('call.ended inbound: unanswered without a reason is missed, answered is a call', () => {
		const unanswered = body();
		unanswered.event = 'call.ended';
		unanswered.data = { ...unanswered.data, direction: 'inbound', answered_at: null };
		expect(normalizeOne(unanswered).channel).toBe('missed_call');
		const answered = body();
		answered.event = 'call.ended';
		answered.data = { ...answered.data, direction: 'inbound', answered_at: 1732622900 };
		expect(normalizeOne(answered).channel).toBe('call');
	});
});

describe('CallRail', () => {
	const postCall = {
		answered: false,
		business_phone_number: '+14159876543',
		call_type: 'voicemail',
		customer_city: 'Austin',
		customer_country: 'US',
		customer_name: 'DOE JOHN',
		customer_phone_number: '+15125550147',
		customer_state: 'TX',
		direction: 'inbound',
		duration: 31,
		resource_id: 'CAL8154748ae6bd4e278a7cddd38a662f4f',
		start_time: '2024-03-05T09:15:00.000-06:00',
		tracking_phone_number: '+15125550100',
		source: 'Google Ads',
		source_name: 'Google Paid',
		keywords: 'emergency plumber austin',
		landing_page_url: 'https://acmeplumbing.com/emergency?utm_source=google',
		referring_url: 'https://www.google.com/',
		gclid: 'EAIaIQobChMI',
		utm_source: 'google',
		utm_medium: 'cpc',
		utm_campaign: 'emergency',
		voicemail: true,
		first_call: true,
		recording: 'https://app.callrail.com/calls/CAL815/recording',
		transcription: 'Hi, my water heater burst, please call me back.',
	};

	it('an unanswered inbound call is a missed call with its attribution', () => {
		const inquiry = normalizeOne(postCall);
		expect(summary(inquiry)).toEqual({
			preset: 'callrail',
			channel: 'missed_call',
			name: { full: 'Doe John', first: 'Doe', last: 'John' },
			email: undefined,
			phone: '+15125550147',
			message: 'Hi, my water heater burst, please call me back.',
		});
		expect(inquiry.attribution).toEqual({
			utmSource: 'google',
			utmMedium: 'cpc',
			utmCampaign: 'emergency',
			gclid: 'EAIaIQobChMI',
			landingPage: 'https://acmeplumbing.com/emergency?utm_source=google',
			referrer: 'https://www.google.com/',
		});
		expect(inquiry.request.location).toEqual({ city: 'Austin', region: 'TX', country: 'US' });
		expect(inquiry.extraFields).toMatchObject({
			Source: 'Google Paid',
			Keywords: 'emergency plumber austin',
			Voicemail: 'Yes',
			'First Call': 'Yes',
			'Tracking Number': '+15125550100',
		});
		expect(inquiry.source.recordId).toBe('CAL8154748ae6bd4e278a7cddd38a662f4f');
		expect(inquiry.occurredAt).toBe('2024-03-05T15:15:00.000Z');
	});

	it('an answered call is a call', () => {
		expect(normalizeOne({ ...postCall, answered: true, voicemail: false }).channel).toBe('call');
	});
});

describe('call presets on hostile input', () => {
	it('never throw from detect or extract', () => {
		const keys = fc.constantFrom(
			'AccountSid',
			'CallSid',
			'MessageSid',
			'Direction',
			'CallStatus',
			'DialCallStatus',
			'From',
			'To',
			'NumMedia',
			'object',
			'type',
			'data',
			'resource',
			'event',
			'customer_phone_number',
			'answered',
			'__proto__',
			'constructor',
		);
		const payload = fc.dictionary(
			keys,
			fc.oneof(
				fc.anything(),
				fc.dictionary(
					fc.constantFrom(
						'object',
						'direction',
						'from',
						'to',
						'dialogue',
						'summary',
						'contact',
						'participants',
						'__proto__',
					),
					fc.anything(),
				),
			),
		);
		fc.assert(
			fc.property(payload, (p) => {
				for (const preset of callsPresets) {
					preset.detect(p);
					preset.extract(p);
				}
			}),
			{ numRuns: 400 },
		);
		const huge = '9'.repeat(1024 * 1024);
		for (const preset of callsPresets)
			expect(() =>
				preset.extract({
					AccountSid: `AC${huge}`,
					CallSid: huge,
					From: huge,
					CallStatus: huge,
					NumMedia: huge,
					type: 'call.completed',
					data: { object: { from: huge, dialogue: [{ content: huge }] }, raw_digits: huge },
					customer_phone_number: huge,
				}),
			).not.toThrow();
	});
});
