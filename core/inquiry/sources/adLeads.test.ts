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
		expect(inquiries[0].attribution).toEqual({ adId: '12312312312', formId: '12312312312', campaignId: '12312312312' });
	});

	it('Meta Graph lead lookup: field_data answers, custom questions kept', () => {
		const inquiry = normalizeOne(sampleBody('facebook_lead_ads__lead_graph_lookup__2.json'));
		expect(summary(inquiry)).toEqual({ preset: 'meta_lead', channel: 'ad_lead', name: { full: 'Joe Example', first: 'Joe', last: 'Example' }, email: 'joe@example.com', phone: undefined, message: undefined });
		expect(inquiry.occurredAt).toBe('2015-02-28T08:49:14.000Z');
		expect(inquiry.extraFields).toMatchObject({ 'car make': 'Honda', 'selected dealer': '99213450' });
	});

	it('Google Ads lead form: columns by id, gclid and test flag', () => {
		const inquiry = normalizeOne(sampleBody('google_ads__lead_form_webhook__1.json'));
		expect(summary(inquiry)).toEqual({ preset: 'google_ads', channel: 'ad_lead', name: { full: 'FirstName LastName', first: 'FirstName', last: 'LastName' }, email: 'test@example.com', phone: '+16505550123', message: undefined });
		expect(inquiry.request).toMatchObject({ service: 'Roofing', location: { postalCode: '94043' } });
		expect(inquiry.attribution).toMatchObject({ gclid: expect.stringMatching(/^TeSter-123/), campaignId: '991214827', formId: '18698608977' });
		expect(inquiry.extraFields['Test Lead']).toBe('Yes');
		expect(JSON.stringify(inquiry.extraFields)).not.toContain('bakerGoogleWebHookValue');
	});
});

describe('ad lead presets on hostile input', () => {
	it('never throw from detect, extract or split', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom('object', 'entry', 'field_data', 'user_column_data', 'lead_id', 'id', '__proto__', 'changes'), fc.anything()), (payload) => {
				for (const preset of adLeadsPresets) {
					preset.detect(payload);
					preset.extract(payload);
					preset.split?.(payload);
				}
			}),
			{ numRuns: 500 },
		);
	});
});
