import type { Channel } from '../inquiry/schema';
import type { FollowUpAudience } from './followUp';
import { buildFollowUp, preferredChannel } from './followUp';
import type { MissingEntry } from './result';
import { smsSize } from './sms';
import type { FollowUpWordingInput } from './wording';
import { FollowUpWording } from './wording';

const ask = (...keys: string[]): MissingEntry[] =>
	keys.map((field) => ({ field, label: field, level: 'required' }));
const wording = (input: FollowUpWordingInput = {}) => FollowUpWording.parse(input);
const form: FollowUpAudience = { channel: 'form', hasEmail: true, hasTextablePhone: true };

/** Every SMS the generator produces must fit one segment. */
function expectOneSegment(sms: string | undefined): void {
	if (sms === undefined) return;
	const size = smsSize(sms);
	expect(size.units).toBeLessThanOrEqual(size.limit);
	expect(sms.length).toBeLessThanOrEqual(160);
}

describe('buildFollowUp wording', () => {
	it('combines missing fields into one natural question with the business name', () => {
		const followUp = buildFollowUp(
			ask('postalCode', 'preferredTime'),
			form,
			wording({ businessName: 'Acme Plumbing' }),
		);
		expect(followUp.sms).toBe(
			'Thanks for reaching out to Acme Plumbing! Could you share your postal code and the best time for us to come by?',
		);
		expectOneSegment(followUp.sms);
		expect(followUp.fields).toEqual(['postalCode', 'preferredTime']);
	});

	it('lists three or more fields as "a, b and c"', () => {
		const followUp = buildFollowUp(
			ask('name', 'service', 'location'),
			{ ...form, firstName: 'Jane' },
			wording(),
		);
		expect(followUp.chat).toBe(
			'Thanks, Jane! Could you share your name, which service you need and your address or postal code?',
		);
	});

	it('writes an email with a subject, a greeting by first name and a sign-off', () => {
		const followUp = buildFollowUp(
			ask('message'),
			{ ...form, firstName: 'Jane' },
			wording({ businessName: 'Acme Plumbing' }),
		);
		expect(followUp.email).toEqual({
			subject: 'A quick question about your request to Acme Plumbing',
			body: [
				'Hi Jane,',
				'',
				'Thanks for reaching out to Acme Plumbing! So we can help you quickly, could you share a few details about what you need?',
				'',
				'Just reply to this email with the details.',
				'',
				'Thanks,',
				'Acme Plumbing',
			].join('\n'),
		});
	});

	it('reads naturally without a business name', () => {
		const followUp = buildFollowUp(ask('service'), { ...form, hasEmail: false }, wording());
		expect(followUp.sms).toBe(
			'Thanks for reaching out to us! Could you share which service you need?',
		);
		expect(followUp.email.subject).toBe('A quick question about your request');
		expect(followUp.email.body).toMatch(/^Hi there,\n/);
		expect(followUp.email.body).toMatch(/\nThe team$/);
	});

	it('uses edited field phrases, greeting and subject, filling {business} everywhere', () => {
		const followUp = buildFollowUp(
			ask('postalCode', 'preferredTime'),
			form,
			wording({
				businessName: 'Bright Sparks',
				greeting: 'Hello from {business}!',
				fieldPhrases: {
					postalCode: 'the ZIP code of the job site',
					preferredTime: 'when {business} can stop by',
				},
				emailSubject: '{business} needs one more detail',
			}),
		);
		expect(followUp.sms).toBe(
			'Hello from Bright Sparks! Could you share the ZIP code of the job site and when Bright Sparks can stop by?',
		);
		expect(followUp.email.subject).toBe('Bright Sparks needs one more detail');
		expect(followUp.chat).toBe(
			'Thanks! Could you share the ZIP code of the job site and when Bright Sparks can stop by?',
		);
	});

	it('leaves the email readable when the greeting is blanked out', () => {
		const followUp = buildFollowUp(ask('city'), form, wording({ greeting: '' }));
		expect(followUp.sms).toBe('Could you share your city?');
		expect(followUp.email.body.split('\n')[2]).toBe(
			'So we can help you quickly, could you share your city?',
		);
	});

	it('asks for a group as alternatives', () => {
		const group: MissingEntry = {
			field: 'address_or_postalCode',
			anyOf: ['address', 'postalCode'],
			label: 'x',
			level: 'required',
		};
		expect(buildFollowUp([group], form, wording()).chat).toBe(
			'Thanks! Could you share your street address or postal code?',
		);
		const mixed: MissingEntry = {
			field: 'phone_or_email',
			anyOf: ['phone', 'email'],
			label: 'x',
			level: 'required',
		};
		expect(buildFollowUp([mixed], form, wording()).chat).toBe(
			'Thanks! Could you share the best number to reach you or your email address?',
		);
	});
});

describe('the SMS version fits one text', () => {
	const many = ask('name', 'email', 'service', 'message', 'preferredTime', 'address');

	it('drops the greeting first when the full question is too long', () => {
		const followUp = buildFollowUp(
			ask('service', 'location', 'preferredTime'),
			form,
			wording({ businessName: 'Northside Heating, Cooling & Emergency Plumbing Services' }),
		);
		expect(followUp.sms).toBe(
			'Could you share which service you need, your address or postal code and the best time for us to come by?',
		);
		expectOneSegment(followUp.sms);
	});

	it('then falls back to short phrases', () => {
		const followUp = buildFollowUp(many, form, wording({ businessName: 'Acme' }));
		expect(followUp.sms).toBe(
			'Could you send your name, your email, the service needed, what you need, a good time and your address?',
		);
		expectOneSegment(followUp.sms);
		expect(followUp.email.body).toContain(
			'your name, your email address, which service you need, a few details about what you need, the best time for us to come by and your street address?',
		);
	});

	it('is left out when even the short version does not fit, and the preferred version moves to email', () => {
		const long = 'the exact model and serial number printed on the label inside the unit door';
		const followUp = buildFollowUp(
			many,
			{ ...form, channel: 'missed_call' },
			wording({ fieldPhrases: { name: long, email: `${long} again` } }),
		);
		expect(followUp.sms).toBeUndefined();
		expect(followUp.preferred).toBe('email');
	});

	it('respects the 70-character Unicode limit when the text needs Unicode', () => {
		const followUp = buildFollowUp(
			ask('postalCode'),
			form,
			wording({ businessName: 'Rosa 🌹 Florist' }),
		);
		expect(followUp.sms).toBe('Could you share your postal code?');
		expectOneSegment(followUp.sms);
	});

	it('turns typographic quotes and dashes into plain ones instead of paying for Unicode', () => {
		const followUp = buildFollowUp(
			ask('postalCode'),
			form,
			wording({ businessName: 'Joe’s Plumbing — Est. 1982' }),
		);
		expect(followUp.sms).toBe(
			"Thanks for reaching out to Joe's Plumbing - Est. 1982! Could you share your postal code?",
		);
		expect(smsSize(followUp.sms ?? '').encoding).toBe('gsm7');
	});
});

describe('preferredChannel', () => {
	const cases: [Channel, Partial<FollowUpAudience>, string][] = [
		['missed_call', {}, 'sms'],
		['call', {}, 'sms'],
		['sms', {}, 'sms'],
		['missed_call', { hasTextablePhone: false }, 'email'],
		['missed_call', { hasTextablePhone: false, hasEmail: false }, 'chat'],
		['form', {}, 'email'],
		['booking', {}, 'email'],
		['email', {}, 'email'],
		['form', { hasEmail: false }, 'sms'],
		['ad_lead', { hasEmail: false, hasTextablePhone: false }, 'chat'],
		['chat', {}, 'chat'],
	];
	it.each(cases)('%s with %j prefers %s', (channel, audience, expected) => {
		expect(preferredChannel({ ...form, channel, ...audience }, true)).toBe(expected);
	});

	it('never prefers an SMS that does not fit', () => {
		expect(preferredChannel({ ...form, channel: 'sms' }, false)).toBe('email');
	});
});
