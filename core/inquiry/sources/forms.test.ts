import fc from 'fast-check';
import { formsPresets } from './forms';
import { NOW, normalizeAll, normalizeOne, sampleBody, summary } from './test/samples';
import { normalizeInquiry } from '../normalizeInquiry';

describe('form presets on real vendor samples', () => {
	it('n8n Form Trigger: labels as configured', () => {
		expect(summary(normalizeOne(sampleBody('n8n__form_trigger_output__1.json')))).toEqual({
			preset: 'n8n_form',
			channel: 'form',
			name: { full: 'John Doe', first: 'John', last: 'Doe' },
			email: undefined,
			phone: undefined,
			message: undefined,
		});
	});

	it('n8n Form Trigger: other answers kept, query parameters as attribution', () => {
		const body = {
			...sampleBody('n8n__form_trigger_output__1.json'),
			formQueryParameters: { utm_source: 'flyer', gclid: 'G-1' },
			'Your Email': 'john@doe.dev',
		};
		const inquiry = normalizeOne(body);
		expect(inquiry.extraFields).toEqual({ Age: '30', Date: '31 Jan' });
		expect(inquiry.attribution).toEqual({ utmSource: 'flyer', gclid: 'G-1' });
		expect(inquiry.contact.email?.address).toBe('john@doe.dev');
	});

	it('Typeform: typed answers, titles from the definition, event id for replays', () => {
		const inquiry = normalizeOne(sampleBody('typeform__form_response__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'typeform',
			channel: 'form',
			name: { full: 'Laura', first: 'Laura' },
			email: 'laura@example.com',
			phone: undefined,
			message:
				"It's cold right now! I live in an older medium-sized city with a university. Geographically, the area is hilly.",
		});
		expect(inquiry.source).toMatchObject({
			system: 'typeform',
			recordId: 'a3a12ec67a1365927098a606107fac15',
			event: 'form_response',
		});
		expect(inquiry.occurredAt).toBe('2018-01-18T18:17:02.000Z');
		expect(inquiry.attribution).toEqual({ formId: 'lT4Z3j' });
		// The legal answer ("…you understand and accept…") is consent, not a city.
		expect(inquiry.consent).toEqual({ terms: true });
		expect(inquiry.request.location).toEqual({});
		expect(inquiry.extraFields['Which of these cities is your favorite?']).toBe('London');
	});

	it('Typeform: a phone_number answer and utm hidden fields', () => {
		const body = sampleBody('typeform__form_response__1.json') as {
			form_response: Record<string, unknown>;
		};
		const response = {
			...body.form_response,
			hidden: { utm_source: 'google', utm_campaign: 'spring' },
			answers: [
				{
					type: 'phone_number',
					phone_number: '+16135550199',
					field: { id: 'p', type: 'phone_number' },
				},
			],
		};
		const inquiry = normalizeOne({ ...body, form_response: response });
		expect(inquiry.contact.phone).toMatchObject({ e164: '+16135550199', country: 'CA' });
		expect(inquiry.attribution).toMatchObject({
			utmSource: 'google',
			utmCampaign: 'spring',
			formId: 'lT4Z3j',
		});
	});

	it('Jotform: answers parsed from the rawRequest JSON string', () => {
		const inquiry = normalizeOne(sampleBody('jotform__webhook_submission__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'jotform',
			channel: 'form',
			name: { full: 'Britney', first: 'Britney' },
			email: undefined,
			phone: undefined,
			message: undefined,
		});
		expect(inquiry.source.recordId).toBe('3835009994173346677');
		expect(inquiry.contact.company).toBe('a');
		// Full labels come from `pretty`; the rawRequest keys only carry a word or two.
		expect(inquiry.extraFields).toEqual({
			Form: 'Development Support',
			'Is this an issue, a feature idea/request, or a new ISM?': 'New ISM',
			'Venue Name': 'a',
			'Does this venue use the same ISM as another venue?': 'No',
		});
	});

	it('Jotform: composite name, email and phone fields', () => {
		const rawRequest = JSON.stringify({
			q3_name: { first: 'María', last: 'de la Cruz' },
			q4_email: 'MARIA@Example.com',
			q5_phoneNumber: { full: '(415) 555-2671' },
			q6_message: 'Boiler is making noise',
		});
		const inquiry = normalizeOne({ formID: '1', submissionID: '2', rawRequest });
		expect(summary(inquiry)).toEqual({
			preset: 'jotform',
			channel: 'form',
			name: { full: 'María de la Cruz', first: 'María', last: 'de la Cruz' },
			email: 'maria@example.com',
			phone: '+14155552671',
			message: 'Boiler is making noise',
		});
	});

	it('Gravity Forms: unlabeled fields read by shape, phone in the form’s country', () => {
		const inquiry = normalizeOne(sampleBody('gravity_forms__webhooks_addon_all_fields__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'gravity_forms',
			channel: 'form',
			name: { full: 'REDACTED Name', first: 'REDACTED', last: 'Name' },
			email: 'redacted@example.co.za',
			// The sample's local ZA number, read with the form's own country field (ZA).
			phone: '+27610000000',
			message: 'test',
		});
		// Check-in date first, room type as the service; check-out and guest counts kept by field id.
		expect(inquiry.request).toMatchObject({
			preferredTime: '2026-02-21',
			service: 'Standard',
			location: { country: 'ZA' },
		});
		expect(inquiry.extraFields).toEqual({
			'Field 7': '2026-02-25',
			'Field 8': '2',
			'Field 9': '0',
		});
		expect(inquiry.attribution).toEqual({
			formId: '1',
			landingPage: 'https://www.turbinehotel.co.za/contact/',
		});
		expect(inquiry.occurredAt).toBe('2026-02-06T13:37:20.000Z');
	});

	it('Gravity Forms: name and address sub-fields (1.3 / 1.6, 2.1–2.6)', () => {
		const inquiry = normalizeOne({
			id: '9',
			form_id: '2',
			date_created: '2026-01-01 10:00:00',
			source_url: 'https://x.example/quote',
			'1.3': 'Ana',
			'1.6': 'Pérez',
			'2.1': '1 Main St',
			'2.3': 'Austin',
			'2.4': 'TX',
			'2.5': '78701',
			'3': 'ana@example.com',
			'4': '(512) 555-0143',
			'5': 'Need my AC looked at before the summer',
		});
		expect(summary(inquiry)).toEqual({
			preset: 'gravity_forms',
			channel: 'form',
			name: { full: 'Ana Pérez', first: 'Ana', last: 'Pérez' },
			email: 'ana@example.com',
			phone: '+15125550143',
			message: 'Need my AC looked at before the summer',
		});
		expect(inquiry.request.location).toEqual({
			address: '1 Main St',
			city: 'Austin',
			region: 'TX',
			postalCode: '78701',
		});
	});

	it('WPForms: typed name, email and phone fields', () => {
		const inquiry = normalizeOne({
			form_id: '12',
			entry_id: '345',
			fields: {
				1: {
					id: 1,
					type: 'name',
					name: 'Name',
					value: 'Sean O’Neill',
					first: 'Sean',
					last: 'O’Neill',
				},
				2: { id: 2, type: 'email', name: 'Email', value: 'sean@example.ie' },
				3: { id: 3, type: 'phone', name: 'Phone', value: '+353 1 234 5678' },
				4: {
					id: 4,
					type: 'textarea',
					name: 'How can we help?',
					value: 'Need a quote for a new roof',
				},
			},
		});
		expect(summary(inquiry)).toEqual({
			preset: 'wpforms',
			channel: 'form',
			name: { full: 'Sean O’Neill', first: 'Sean', last: 'O’Neill' },
			email: 'sean@example.ie',
			phone: '+35312345678',
			message: 'Need a quote for a new roof',
		});
	});

	it('Webflow v2: designer field names, numeric phone', () => {
		const inquiry = normalizeOne(sampleBody('webflow__form_submission__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'webflow',
			channel: 'form',
			name: { full: 'Zaphod Beeblebrox', first: 'Zaphod', last: 'Beeblebrox' },
			email: 'zaphod@heartofgold.ai',
			phone: undefined,
			message: undefined,
		});
		// The JSON number 15550000000 reaches the phone cleaner, which finds exchange 000 impossible.
		expect(inquiry.contact.phone).toMatchObject({ raw: '15550000000', valid: false });
		expect(inquiry.source.recordId).toBe('6321ca84df3949bfc6752327');
	});

	it('Webflow v2: a text area is the message whatever its designer name', () => {
		const body = sampleBody('webflow__form_submission__1.json') as {
			payload: Record<string, unknown>;
		};
		const payload = {
			...body.payload,
			data: { 'First Name': 'Zaphod', 'Tell us more': 'Towel delivery' },
			schema: [{ fieldName: 'Tell us more', fieldType: 'FormTextarea' }],
		};
		expect(normalizeOne({ ...body, payload }).request.message).toBe('Towel delivery');
	});

	it('Webflow legacy (v1) shape', () => {
		const inquiry = normalizeOne({
			name: 'Contact',
			site: 'abc',
			_id: 'w1',
			d: '2022-09-14T12:35:16.117Z',
			data: { Name: 'Ana Silva', Email: 'ana@example.com', Message: 'Hello there' },
		});
		expect(summary(inquiry)).toEqual({
			preset: 'webflow',
			channel: 'form',
			email: 'ana@example.com',
			phone: undefined,
			message: 'Hello there',
			name: { full: 'Ana Silva', first: 'Ana', last: 'Silva' },
		});
		expect(inquiry.source.recordId).toBe('w1');
		expect(inquiry.occurredAt).toBe('2022-09-14T12:35:16.117Z');
	});

	it('Tally: typed fields, option ids resolved, hidden utm fields', () => {
		const inquiry = normalizeOne(sampleBody('tally__FORM_RESPONSE__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'tally',
			channel: 'form',
			// The form has no name question: the payment's card-holder name stands in.
			name: { full: 'Alice Smith', first: 'Alice', last: 'Smith' },
			email: 'alice@example.com',
			phone: '+32491223344',
			message: 'Hello world',
		});
		expect(inquiry.attribution).toEqual({ formId: 'VwbNEw', utmCampaign: 'newsletter' });
		expect(inquiry.request.preferredTime).toBe('2023-06-28 12:00');
		expect(inquiry.extraFields).toMatchObject({
			'Multiple choice': 'In progress',
			Checkboxes: 'Swimming, Skiing',
			Ranking: 'Pear, Apple, Banana',
		});
		expect(inquiry.extraFields).not.toHaveProperty('Checkboxes (Swimming)');
	});

	it('HubSpot webhook: ids only, one inquiry per batched event', () => {
		const [inquiry] = normalizeAll(sampleBody('hubspot__contact.creation__1.json'));
		expect(inquiry.needsLookup).toEqual({
			system: 'hubspot',
			ids: { objectId: '106314056576', portalId: '49547190', subscriptionType: 'contact.creation' },
			hint: expect.stringContaining('/crm/v3/objects/contacts/'),
		});
		const batch = normalizeInquiry(
			[
				{ subscriptionType: 'contact.creation', objectId: 1, portalId: 2, eventId: 10 },
				{ subscriptionType: 'contact.creation', objectId: 3, portalId: 2, eventId: 11 },
			],
			{ now: NOW },
		);
		expect(batch.map((r) => r.status)).toEqual(['needs_lookup', 'needs_lookup']);
	});

	it('HubSpot contact lookup result normalizes with the same node', () => {
		const inquiry = normalizeOne({
			id: '106314056576',
			properties: {
				firstname: 'Jane',
				lastname: 'Roe',
				email: 'jane@roe.com',
				phone: '415-555-2671',
				message: 'Quote please',
				zip: '94110',
			},
		});
		expect(summary(inquiry)).toEqual({
			preset: 'hubspot_contact',
			channel: 'form',
			name: { full: 'Jane Roe', first: 'Jane', last: 'Roe' },
			email: 'jane@roe.com',
			phone: '+14155552671',
			message: 'Quote please',
		});
		expect(inquiry.request.location.postalCode).toBe('94110');
	});
});

describe('form presets on hostile input', () => {
	it('never throw from detect, extract or split', () => {
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom(
						'fields',
						'data',
						'payload',
						'form_response',
						'rawRequest',
						'events',
						'__proto__',
						'constructor',
						'properties',
						'formMode',
						'submittedAt',
						'triggerType',
						'event_type',
						'eventType',
					),
					fc.anything(),
				),
				(payload) => {
					for (const preset of formsPresets) {
						preset.detect(payload);
						preset.extract(payload);
						preset.split?.(payload);
					}
				},
			),
			{ numRuns: 500 },
		);
	});

	it('stay quick and whole on 1 MB strings, nulls, arrays and prototype keys', () => {
		const huge = `${'x'.repeat(500_000)}:${'9'.repeat(500_000)}, ,`;
		const keys = [
			'fields',
			'data',
			'payload',
			'form_response',
			'rawRequest',
			'pretty',
			'events',
			'properties',
			'submittedAt',
			'formMode',
			'formQueryParameters',
			'triggerType',
			'event_type',
			'eventType',
			'form_id',
			'date_created',
			'source_url',
			'1',
			'1.3',
			'site',
			'_id',
		];
		const payloads: Record<string, unknown>[] = [
			{},
			JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'),
			Object.fromEntries(keys.map((key) => [key, huge])),
			Object.fromEntries(keys.map((key) => [key, null])),
			Object.fromEntries(keys.map((key) => [key, [huge, null, [], {}]])),
			Object.fromEntries(keys.map((key) => [key, { [key]: huge, __proto__: huge }])),
		];
		for (const payload of payloads) {
			for (const preset of formsPresets) {
				expect(() => [
					preset.detect(payload),
					preset.extract(payload),
					preset.split?.(payload),
				]).not.toThrow();
			}
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
