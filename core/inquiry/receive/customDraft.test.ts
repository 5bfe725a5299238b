import { InquiryError } from '../../shared/errors';
import { normalizeInquiry } from '../normalizeInquiry';
import { customDraftFrom } from './customDraft';

describe('customDraftFrom', () => {
	it('turns mapping rows into a draft, grouping name, location and attribution fields', () => {
		const draft = customDraftFrom([
			{ field: 'name.first', value: 'Seán' },
			{ field: 'name.last', value: "O'Brien" },
			{ field: 'email', value: 'sean@obrien.ie' },
			{ field: 'location.city', value: 'Cork' },
			{ field: 'location.country', value: 'IE' },
			{ field: 'attribution.utmSource', value: 'google' },
			{ field: 'channel', value: 'Missed Call' },
			{ field: 'recordId', value: 1001 },
			{ field: 'phone', value: '' },
		]);
		expect(draft).toEqual({
			name: { first: 'Seán', last: "O'Brien" },
			email: 'sean@obrien.ie',
			location: { city: 'Cork', country: 'IE' },
			attribution: { utmSource: 'google' },
			channel: 'missed_call',
			recordId: '1001',
		});
	});

	it('feeds normalizeInquiry like any preset', () => {
		const customDraft = customDraftFrom([
			{ field: 'phone', value: '087 123 4567' },
			{ field: 'recordId', value: 'R-1' },
		]);
		const [result] = normalizeInquiry(
			{ any: 'payload' },
			{ source: 'custom', customDraft, defaultCountry: 'IE', now: new Date(0) },
		);
		expect(result).toMatchObject({
			status: 'normalized',
			inquiry: { contact: { phone: { e164: '+353871234567' } }, source: { recordId: 'R-1' } },
		});
	});

	it('refuses unknown fields (including prototype keys) and unknown channels, naming the row from 1', () => {
		expect(() => customDraftFrom([{ field: 'emial', value: 'x' }])).toThrow(InquiryError);
		expect(() =>
			customDraftFrom([
				{ field: 'email', value: 'a@b.co' },
				{ field: '__proto__', value: 'x' },
			]),
		).toThrow('The custom field mapping is not valid: row 2: unknown inquiry field "__proto__"');
		expect(() =>
			customDraftFrom([
				{ field: 'email', value: '' },
				{ field: 'name.full', value: 'A' },
				{ field: 'channel', value: 'fax' },
			]),
		).toThrow('The custom field mapping is not valid: row 3: channel "fax" is not one of form,');
	});
});
