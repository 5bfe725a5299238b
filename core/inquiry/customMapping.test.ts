import { InquiryError } from '../shared/errors';
import { CustomMapping, customMappingToDraft } from './customMapping';
import { normalizeOne, summary } from './sources/test/samples';
import { normalizeInquiry } from './normalizeInquiry';

describe('CustomMapping schema', () => {
	it('accepts canonical field keys with text or numeric values', () => {
		const parsed = CustomMapping.parse([
			{ field: 'email', value: 'a@b.co' },
			{ field: 'recordId', value: 42 },
			{ field: 'phone', value: null },
		]);
		expect(parsed).toEqual([
			{ field: 'email', value: 'a@b.co' },
			{ field: 'recordId', value: '42' },
			{ field: 'phone', value: null },
		]);
	});

	it('rejects unknown fields and object values', () => {
		expect(CustomMapping.safeParse([{ field: 'zip', value: '1' }]).success).toBe(false);
		expect(CustomMapping.safeParse([{ field: 'email', value: { a: 1 } }]).success).toBe(false);
	});
});

describe('customMappingToDraft', () => {
	it('builds the draft the node hands to normalizeInquiry', () => {
		const draft = customMappingToDraft([
			{ field: 'name.full', value: 'Zoë de la Cruz' },
			{ field: 'phone', value: '(415) 555-2671' },
			{ field: 'message', value: 'Leaking tap' },
			{ field: 'location.postalCode', value: 94110 },
			{ field: 'channel', value: 'sms' },
			{ field: 'company', value: '' },
		]);
		expect(draft).toEqual({
			name: { full: 'Zoë de la Cruz' },
			phone: '(415) 555-2671',
			message: 'Leaking tap',
			location: { postalCode: '94110' },
			channel: 'sms',
		});
		const [result] = normalizeInquiry(
			{ anything: true },
			{ source: 'custom', customDraft: draft, defaultCountry: 'US', now: new Date(0) },
		);
		expect(result.status === 'normalized' && summary(result.inquiry)).toEqual({
			preset: 'custom',
			channel: 'sms',
			name: { full: 'Zoë de la Cruz', first: 'Zoë', last: 'de la Cruz' },
			email: undefined,
			phone: '+14155552671',
			message: 'Leaking tap',
		});
	});

	it('names the row that is wrong, counted from 1', () => {
		const bad = (rows: unknown) => {
			try {
				customMappingToDraft(rows);
			} catch (error) {
				return error instanceof InquiryError
					? [error.code, error.message]
					: ['other', String(error)];
			}
			return ['no error'];
		};
		expect(
			bad([
				{ field: 'email', value: 'a@b.co' },
				{ field: 'emial', value: 'x' },
			]),
		).toEqual([
			'INVALID_CUSTOM_MAPPING',
			expect.stringContaining('row 2: unknown inquiry field "emial"'),
		]);
		expect(bad([{ field: 'channel', value: 'carrier pigeon' }])).toEqual([
			'INVALID_CUSTOM_MAPPING',
			'The custom field mapping is not valid: row 1: channel "carrier pigeon" is not one of form, chat, call, missed_call, sms, email, booking, ad_lead, marketplace, other',
		]);
		expect(bad([{ field: 'phone', value: ['1', '2'] }])).toEqual([
			'INVALID_CUSTOM_MAPPING',
			expect.stringContaining('row 1: the value for "phone" must be text or a number, not a list'),
		]);
		expect(bad([null])).toEqual([
			'INVALID_CUSTOM_MAPPING',
			expect.stringContaining('row 1: expected { field, value }'),
		]);
		expect(bad('email=a')).toEqual([
			'INVALID_CUSTOM_MAPPING',
			expect.stringContaining('must be a list'),
		]);
	});

	it('keeps generic detection out of custom mode', () => {
		const inquiry = normalizeOne({ email: 'ignored@example.com' }, 'generic');
		expect(inquiry.contact.email?.address).toBe('ignored@example.com');
		const [custom] = normalizeInquiry(
			{ email: 'ignored@example.com' },
			{
				source: 'custom',
				customDraft: customMappingToDraft([{ field: 'email', value: 'used@example.com' }]),
				now: new Date(0),
			},
		);
		expect(custom.status === 'normalized' && custom.inquiry.contact.email?.address).toBe(
			'used@example.com',
		);
	});
});
