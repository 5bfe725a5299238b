import fc from 'fast-check';
import { adLeadsPresets } from './adLeads';
import { normalizeAll, normalizeOne, sampleBody, summary } from './test/samples';

describe('ad lead presets on real vendor samples', () => {
	it('Meta leadgen webhook: one needs-lookup inquiry per batched lead, ids kept as strings', () => {
		const inquiries = normalizeAll(sampleBody('facebook_lead_ads__leadgen_webhook__1.json'));
		expect(inquiries.map((i) => i.needsLookup?.ids)).toEqual([
			{ leadgenId: '123123123123', pageId: '123123123', formId: '12312312312' },
			{ leadgenId: '123123123124', pageId: '123123123', formId: '12312312312' },
		]);
		expect(inquiries.map((i) => [i.channel, i.source.preset, i.contact.email])).toEqual([
			['ad_lead', 'meta_leadgen', undefined],
			['ad_lead', 'meta_leadgen', undefined],
		]);
		expect(inquiries[0].id).not.toBe(inquiries[1].id);
		expect(inquiries[0].attribution).toEqual({
			adId: '12312312312',
			formId: '12312312312',
			campaignId: '12312312312',
		});
	});

	it('Meta Graph lead lookup: field_data answers, custom questions kept', () => {
		const inquiry = normalizeOne(sampleBody('facebook_lead_ads__lead_graph_lookup__2.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'meta_lead',
			channel: 'ad_lead',
			name: { full: 'Joe Example', first: 'Joe', last: 'Example' },
			email: 'joe@example.com',
			phone: undefined,
			message: undefined,
		});
		expect(inquiry.occurredAt).toBe('2015-02-28T08:49:14.000Z');
		expect(inquiry.extraFields).toEqual({ 'car make': 'Honda', 'selected dealer': '99213450' });
		expect(inquiry.attribution).toEqual({ adId: '<AD_ID>', formId: '<FORM_ID>' });
		expect(inquiry.source.recordId).toBe('<LEAD_ID>');
	});

	it('Meta Graph lead: phone, location, custom questions and consent checkboxes', () => {
		const inquiry = normalizeOne({
			id: '1234567890',
			created_time: '2026-02-28T08:49:14-0500',
			ad_id: '111',
			form_id: '222',
			campaign_id: '333',
			platform: 'ig',
			field_data: [
				{ name: 'first_name', values: ['Chloé'] },
				{ name: 'last_name', values: ["O'Brien"] },
				{ name: 'phone_number', values: ['+15145550199'] },
				{ name: 'zip_code', values: ['H2X 1Y4'] },
				{ name: 'city', values: ['Montréal'] },
				{ name: 'what_service_do_you_need?', values: ['Kitchen remodel'] },
				{ name: 'which_rooms?', values: ['Kitchen', 'Pantry'] },
			],
			custom_disclaimer_responses: [{ checkbox_key: 'sms_optin', is_checked: '1' }],
		});
		expect(summary(inquiry)).toEqual({
			preset: 'meta_lead',
			channel: 'ad_lead',
			name: { full: "Chloé O'Brien", first: 'Chloé', last: "O'Brien" },
			email: undefined,
			phone: '+15145550199',
			message: undefined,
		});
		expect(inquiry.contact.phone?.country).toBe('CA');
		expect(inquiry.request).toMatchObject({
			service: 'Kitchen remodel',
			location: { postalCode: 'H2X 1Y4', city: 'Montréal' },
		});
		expect(inquiry.extraFields).toEqual({ 'which rooms?': 'Kitchen, Pantry', Platform: 'ig' });
		expect(inquiry.attribution).toEqual({ adId: '111', formId: '222', campaignId: '333' });
		expect(inquiry.consent).toEqual({ sms: true });
		expect(inquiry.occurredAt).toBe('2026-02-28T13:49:14.000Z');
	});

	it('Google Ads lead form: columns by id, gclid and test flag', () => {
		const inquiry = normalizeOne(sampleBody('google_ads__lead_form_webhook__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'google_ads',
			channel: 'ad_lead',
			name: { full: 'FirstName LastName', first: 'FirstName', last: 'LastName' },
			email: 'test@example.com',
			phone: '+16505550123',
			message: undefined,
		});
		expect(inquiry.request).toMatchObject({
			service: 'Roofing',
			location: { postalCode: '94043' },
		});
		const gclid =
			'TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-AaBbCcDdEeFfGgHhIiJjKkLl';
		expect(inquiry.attribution).toEqual({
			gclid,
			campaignId: '991214827',
			formId: '18698608977',
			adId: '30000000000',
		});
		expect(inquiry.source.recordId).toBe(gclid);
		// google_key is the shared secret the signature check compares; it never lands in the record.
		expect(inquiry.extraFields).toEqual({ 'Test Lead': 'Yes' });
	});

	it('Google Ads: submit time, custom questions by column name, no test flag on real leads', () => {
		const inquiry = normalizeOne({
			lead_id: 'L-1',
			lead_submit_time: '2026-05-01 14:03:22.123456+00:00',
			google_key: 'secret',
			is_test: false,
			user_column_data: [
				{ column_id: 'FIRST_NAME', string_value: 'Mia' },
				{ column_id: 'LAST_NAME', string_value: 'Wong' },
				{ column_id: 'WORK_EMAIL', string_value: 'mia@wong.co' },
				{ column_id: 'CITY', string_value: 'Seattle' },
				{
					column_id: 'question_7',
					column_name: 'How soon do you need it?',
					string_value: 'This week',
				},
			],
		});
		expect(summary(inquiry)).toEqual({
			preset: 'google_ads',
			channel: 'ad_lead',
			name: { full: 'Mia Wong', first: 'Mia', last: 'Wong' },
			email: 'mia@wong.co',
			phone: undefined,
			message: undefined,
		});
		expect(inquiry.occurredAt).toBe('2026-05-01T14:03:22.123Z');
		expect(inquiry.request.location).toEqual({ city: 'Seattle' });
		expect(inquiry.extraFields).toEqual({ 'How soon do you need it?': 'This week' });
	});
});

describe('ad lead presets on hostile input', () => {
	it('never throw from detect, extract or split', () => {
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom(
						'object',
						'entry',
						'field_data',
						'user_column_data',
						'lead_id',
						'id',
						'__proto__',
						'changes',
					),
					fc.anything(),
				),
				(payload) => {
					for (const preset of adLeadsPresets) {
						preset.detect(payload);
						preset.extract(payload);
						preset.split?.(payload);
					}
				},
			),
			{ numRuns: 500 },
		);
	});

	it('stay whole on 1 MB strings, nulls, arrays and prototype keys', () => {
		const huge = `${'x'.repeat(500_000)}:${'9'.repeat(500_000)}, ,`;
		const keys = [
			'object',
			'entry',
			'field_data',
			'custom_disclaimer_responses',
			'user_column_data',
			'lead_id',
			'lead_submit_time',
			'id',
			'created_time',
		];
		const payloads: Record<string, unknown>[] = [
			{},
			JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'),
			Object.fromEntries(keys.map((key) => [key, huge])),
			Object.fromEntries(keys.map((key) => [key, null])),
			Object.fromEntries(keys.map((key) => [key, [huge, null, [], {}]])),
			Object.fromEntries(keys.map((key) => [key, { [key]: huge, __proto__: huge }])),
		];
		// Speed on long input is the ReDoS probe's job (test/unit/redos.test.ts), not a timed assertion.
		for (const payload of payloads) {
			for (const preset of adLeadsPresets) {
				preset.detect(payload);
				preset.extract(payload);
				preset.split?.(payload);
			}
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('a Meta lead looked up after its leadgen webhook', () => {
	it('keeps the id of the inquiry the webhook announced, so the ledger row and replays line up', () => {
		const [announced] = normalizeAll(sampleBody('facebook_lead_ads__leadgen_webhook__1.json'));
		const looked = normalizeOne(
			{ ...sampleBody('facebook_lead_ads__lead_graph_lookup__2.json'), id: '123123123123' },
			'meta_lead',
		);
		expect(announced.needsLookup).toBeDefined();
		expect(looked.contact.email?.address).toBe('joe@example.com');
		expect(looked.id).toBe(announced.id);
	});
});
