import fc from 'fast-check';
import { bookingsPresets } from './bookings';
import { normalizeOne, sampleBody, summary } from './test/samples';

type Body = Record<string, unknown> & { payload: Record<string, unknown> };
const calendlySample = () => sampleBody('calendly__invitee.created__1.json') as Body;
const calcomSample = () => sampleBody('calcom__BOOKING_CREATED__1.json') as Body;

describe('Calendly', () => {
	it('reads the invitee, never the host or guests of the scheduled event', () => {
		const inquiry = normalizeOne(calendlySample());
		expect(summary(inquiry)).toEqual({
			preset: 'calendly',
			channel: 'booking',
			name: { full: 'John Doe', first: 'John', last: 'Doe' },
			email: 'test@example.com',
			phone: undefined,
			message: undefined,
		});
		expect(inquiry.source).toEqual({
			system: 'calendly',
			event: 'invitee.created',
			recordId:
				'https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA/invitees/AAAAAAAAAAAAAAAA',
			preset: 'calendly',
			detectedBy: 'auto',
		});
		expect(inquiry.request).toEqual({
			service: '15 Minute Meeting',
			preferredTime: '2019-08-24T14:15:22.123456Z',
			urgency: 'normal',
			location: {},
		});
		expect(inquiry.occurredAt).toBe('2020-11-23T17:51:18.327Z');
		expect(inquiry.sourceTimezone).toBe('America/New_York');
		expect(inquiry.extraFields).toEqual({ 'Meeting Location': 'string', Host: 'John Smith' });
		expect(inquiry.identityKeys).toEqual(['email:test@example.com']);
	});

	it('a replay of the same invitee gets the same id; another invitee another id', () => {
		const first = normalizeOne(calendlySample());
		const again = normalizeOne(calendlySample());
		const other = calendlySample();
		other.payload = {
			...other.payload,
			uri: 'https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA/invitees/BBBBBBBBBBBBBBBB',
		};
		expect(again.id).toBe(first.id);
		expect(normalizeOne(other).id).not.toBe(first.id);
	});

	it('reads populated questions and answers: phone, service, message by question text', () => {
		const body = calendlySample();
		body.payload = {
			...body.payload,
			name: 'María de la Cruz',
			first_name: null,
			last_name: null,
			text_reminder_number: null,
			tracking: {
				utm_source: 'google',
				utm_medium: 'cpc',
				utm_campaign: 'spring',
				utm_content: null,
				utm_term: null,
				salesforce_uuid: null,
			},
			questions_and_answers: [
				{ question: 'What number can we text you at?', answer: '+1 404-555-1234', position: 0 },
				{
					question: 'What type of work are you looking for?',
					answer: 'Water heater install',
					position: 1,
				},
				{
					question: 'Please share anything that will help prepare for our meeting.',
					answer: 'Old tank is leaking in the garage',
					position: 2,
				},
				{ question: 'How did you hear about us?', answer: 'Neighbor', position: 3 },
			],
		};
		const inquiry = normalizeOne(body);
		expect(summary(inquiry)).toEqual({
			preset: 'calendly',
			channel: 'booking',
			name: { full: 'María de la Cruz', first: 'María', last: 'de la Cruz' },
			email: 'test@example.com',
			phone: '+14045551234',
			message: 'Old tank is leaking in the garage',
		});
		expect(inquiry.request.service).toBe('Water heater install');
		expect(inquiry.attribution).toEqual({
			utmSource: 'google',
			utmMedium: 'cpc',
			utmCampaign: 'spring',
		});
		expect(inquiry.extraFields['How did you hear about us?']).toBe('Neighbor');
	});

	it('prefers the SMS reminder number over a phone answer', () => {
		const body = calendlySample();
		body.payload = {
			...body.payload,
			text_reminder_number: '+44 20 7946 0958',
			questions_and_answers: [{ question: 'Phone', answer: '(415) 555-2671' }],
		};
		expect(normalizeOne(body).contact.phone?.e164).toBe('+442079460958');
	});

	it('reads the legacy v1 shape (payload.invitee and payload.event)', () => {
		const inquiry = normalizeOne({
			event: 'invitee.created',
			time: '2018-03-14T19:16:01Z',
			payload: {
				event_type: { uuid: 'CCC', name: 'Roof Inspection', slug: 'roof' },
				event: { uuid: 'BBB', start_time: '2018-03-14T12:00:00-07:00', location: '123 Main St' },
				invitee: {
					uuid: 'AAA',
					first_name: 'Sean',
					last_name: "O'Brien",
					name: "Sean O'Brien",
					email: 'SEAN@example.ie',
					text_reminder_number: '+353 1 234 5678',
					timezone: 'Europe/Dublin',
					created_at: '2018-03-14T12:16:01-07:00',
				},
				questions_and_answers: [],
				tracking: { utm_campaign: 'roofs' },
			},
		});
		expect(summary(inquiry)).toEqual({
			preset: 'calendly',
			channel: 'booking',
			name: { full: "Sean O'Brien", first: 'Sean', last: "O'Brien" },
			email: 'sean@example.ie',
			phone: '+35312345678',
			message: undefined,
		});
		expect(inquiry.request).toMatchObject({
			service: 'Roof Inspection',
			preferredTime: '2018-03-14T12:00:00-07:00',
		});
		expect(inquiry.source.recordId).toBe('AAA');
		expect(inquiry.extraFields['Meeting Location']).toBe('123 Main St');
		expect(inquiry.attribution.utmCampaign).toBe('roofs');
	});

	it('a cancellation keeps the reason', () => {
		const body = calendlySample();
		body.event = 'invitee.canceled';
		body.payload = {
			...body.payload,
			status: 'canceled',
			cancellation: {
				canceled_by: 'John Doe',
				reason: 'Found someone closer',
				canceler_type: 'invitee',
			},
		};
		const inquiry = normalizeOne(body);
		expect([
			inquiry.channel,
			inquiry.source.event,
			inquiry.extraFields['Cancellation Reason'],
		]).toEqual(['booking', 'invitee.canceled', 'Found someone closer']);
	});
});

describe('Cal.com', () => {
	it('reads the first attendee, never the organizer', () => {
		const inquiry = normalizeOne(calcomSample());
		// The sample's expected message is "" (empty notes): an empty message is absent.
		expect(summary(inquiry)).toEqual({
			preset: 'calcom',
			channel: 'booking',
			name: { full: 'John Doe', first: 'John', last: 'Doe' },
			email: 'john.doe@example.com',
			phone: undefined,
			message: undefined,
		});
		expect(inquiry.source).toEqual({
			system: 'calcom',
			event: 'BOOKING_CREATED',
			recordId: 'bFJeNb2uX8ANpT3JL5EfXw',
			preset: 'calcom',
			detectedBy: 'auto',
		});
		expect(inquiry.request).toEqual({
			service: '60min',
			preferredTime: '2023-05-25T09:30:00Z',
			urgency: 'normal',
			location: {},
		});
		expect(inquiry.sourceTimezone).toBe('Asia/Kolkata');
		expect(inquiry.occurredAt).toBe('2023-05-24T09:30:00.538Z');
		expect(inquiry.extraFields).toEqual({
			Organizer: 'Pro Example',
			'Meeting Location': 'Calcom HQ',
			'Booking Status': 'ACCEPTED',
		});
		expect(JSON.stringify(inquiry.contact)).not.toContain('pro@example.com');
	});

	it('reads the phone, the attendee address, notes and custom questions', () => {
		const body = calcomSample();
		body.payload = {
			...body.payload,
			responses: {
				name: { label: 'your_name', value: { firstName: 'Ana', lastName: 'Silva' } },
				email: { label: 'email_address', value: 'ana@example.com' },
				attendeePhoneNumber: { label: 'phone_number', value: '+1 (416) 555-0199' },
				location: {
					label: 'location',
					value: { optionValue: '12 Queen St W, Toronto', value: 'attendeeInPerson' },
				},
				notes: { label: 'additional_notes', value: 'Basement flooding after the storm' },
				'what-service': { label: 'Which service do you need?', value: 'Sump pump repair' },
				'how-many-floors': { label: 'How many floors?', value: 2 },
				guests: { label: 'additional_guests', value: ['partner@example.com'] },
			},
			attendees: [{ email: 'ana@example.com', name: 'Ana Silva', timeZone: 'America/Toronto' }],
			metadata: { utm_source: 'facebook', utm_campaign: 'storm' },
		};
		const inquiry = normalizeOne(body);
		expect(summary(inquiry)).toEqual({
			preset: 'calcom',
			channel: 'booking',
			name: { full: 'Ana Silva', first: 'Ana', last: 'Silva' },
			email: 'ana@example.com',
			phone: '+14165550199',
			message: 'Basement flooding after the storm',
		});
		expect(inquiry.contact.phone?.country).toBe('CA');
		expect(inquiry.request).toMatchObject({
			service: 'Sump pump repair',
			location: { address: '12 Queen St W, Toronto' },
		});
		expect(inquiry.attribution).toEqual({ utmSource: 'facebook', utmCampaign: 'storm' });
		expect(inquiry.extraFields).toMatchObject({
			'How many floors?': '2',
			Guests: 'partner@example.com',
		});
	});

	it('a "phone call" location is the attendee\'s number; a postal code alone goes to postalCode', () => {
		const phoneBody = calcomSample();
		phoneBody.payload = {
			...phoneBody.payload,
			responses: {
				location: { label: 'location', value: { value: 'phone', optionValue: '415-555-2671' } },
			},
		};
		expect(normalizeOne(phoneBody).contact.phone?.e164).toBe('+14155552671');
		const zipBody = calcomSample();
		zipBody.payload = {
			...zipBody.payload,
			responses: {
				location: { label: 'location', value: { value: 'attendeeInPerson', optionValue: '94110' } },
			},
		};
		expect(normalizeOne(zipBody).request.location).toEqual({ postalCode: '94110' });
	});

	it('a routing form submission is a form inquiry', () => {
		const inquiry = normalizeOne({
			triggerEvent: 'FORM_SUBMITTED',
			createdAt: '2024-01-01T10:00:00Z',
			payload: {
				formId: 'f-1',
				formName: 'Intake',
				responses: {
					Email: { value: 'lee@example.com' },
					'Your name': { value: 'Lee Chen' },
					'Tell us about the project': { value: 'Kitchen remodel, 20 m2' },
				},
			},
		});
		expect(summary(inquiry)).toEqual({
			preset: 'calcom',
			channel: 'form',
			name: { full: 'Lee Chen', first: 'Lee', last: 'Chen' },
			email: 'lee@example.com',
			phone: undefined,
			message: 'Kitchen remodel, 20 m2',
		});
		expect(inquiry.source.recordId).toBe('f-1');
	});
});

describe('booking presets on hostile input', () => {
	it('never throw from detect or extract', () => {
		const keys = fc.constantFrom(
			'event',
			'payload',
			'triggerEvent',
			'invitee',
			'questions_and_answers',
			'responses',
			'attendees',
			'scheduled_event',
			'__proto__',
			'constructor',
			'tracking',
		);
		const payload = fc.dictionary(
			keys,
			fc.oneof(fc.anything(), fc.dictionary(keys, fc.anything())),
		);
		fc.assert(
			fc.property(payload, (p) => {
				for (const preset of bookingsPresets) {
					preset.detect(p);
					preset.extract(p);
				}
			}),
			{ numRuns: 500 },
		);
		const huge = 'x'.repeat(1024 * 1024);
		for (const preset of bookingsPresets)
			expect(() =>
				preset.extract({
					event: 'invitee.created',
					triggerEvent: huge,
					payload: {
						name: huge,
						questions_and_answers: [{ question: huge, answer: huge }],
						responses: { [huge]: { label: huge, value: huge } },
					},
				}),
			).not.toThrow();
	});
});
