import { SOURCE_PRESETS } from '../sources';
import { SIGNATURE_FAILURE_HINTS, SIGNATURE_FAILURES, SIGNATURE_SCHEMES } from './types';
import { detectScheme, SIGNATURE_SCHEME_INFO, verifySignature } from './verifySignature';

const NOW = { now: new Date('2026-03-02T15:04:05.000Z') };

describe('verifySignature', () => {
	it('has a verifier and a label for every scheme, and a hint for every failure', () => {
		expect(Object.keys(SIGNATURE_SCHEME_INFO).sort()).toEqual([...SIGNATURE_SCHEMES].sort());
		for (const reason of SIGNATURE_FAILURES)
			expect(SIGNATURE_FAILURE_HINTS[reason].length).toBeGreaterThan(40);
	});

	it('fails closed for vendors that sign nothing, whatever the request holds', () => {
		const request = { rawBody: '{}', headers: { 'X-Anything': 'sha256=abc' }, body: {} };
		expect(verifySignature('none', request, 'secret', NOW)).toMatchObject({
			ok: false,
			reason: 'unsigned_source',
		});
	});

	it('never throws on hostile input', () => {
		const hostile = {
			rawBody: '\u0000'.repeat(10),
			headers: { ['__proto__']: 'x', 'X-Twilio-Signature': ['a', 'b'] },
			body: [1, 2],
			url: 'not a url',
		};
		for (const scheme of SIGNATURE_SCHEMES) {
			const result = verifySignature(scheme, hostile, 'secret', NOW);
			expect(result.ok).toBe(false);
		}
	});
});

describe('detectScheme', () => {
	it.each([
		['typeform', 'typeform'],
		['calendly', 'calendly'],
		['cal_com', 'calcom'],
		['calcom', 'calcom'],
		['meta_lead_ads', 'meta'],
		['facebook_lead_ads', 'meta'],
		['whatsapp_cloud', 'meta'],
		['twilio', 'twilio'],
		['tally', 'tally'],
		['webflow', 'webflow'],
		['hubspot', 'hubspot'],
		['intercom', 'intercom'],
		['tawkto', 'tawkto'],
		['openphone', 'openphone'],
		['quo', 'openphone'],
		['jobber', 'jobber'],
		['mailgun', 'mailgun'],
		['google_ads', 'googleAds'],
		['aircall', 'aircall'],
		['callrail', 'callrail'],
		['crisp', 'crisp'],
		['jotform', 'none'],
		['gravity_forms', 'none'],
		['postmark', 'none'],
		['yelp', 'none'],
		['n8n_form', 'none'],
		['n8n_gmail', 'none'],
		['generic', 'none'],
	])('maps preset %s to %s', (preset, scheme) => {
		expect(detectScheme(preset)).toBe(scheme);
	});

	it("gives every registered preset of a signing vendor that vendor's scheme", () => {
		const signing: [RegExp, string][] = [
			[/typeform/i, 'typeform'],
			[/calendly/i, 'calendly'],
			[/twilio/i, 'twilio'],
			[/tally/i, 'tally'],
			[/hubspot/i, 'hubspot'],
			[/mailgun/i, 'mailgun'],
		];
		for (const preset of SOURCE_PRESETS) {
			const vendor = signing.find(([pattern]) => pattern.test(preset.label));
			if (vendor) expect([preset.key, detectScheme(preset.key)]).toEqual([preset.key, vendor[1]]);
		}
	});
});
