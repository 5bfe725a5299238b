import { adLeadsPresets } from './adLeads';
import { formsPresets } from './forms';
import { SOURCE_PRESETS, detectPreset } from './index';
import { SAMPLE_FILES, samplePayload } from './test/samples';

/** The form and ad-lead samples, each with the one preset that must claim it. */
const OURS: Record<string, string> = {
	'n8n__form_trigger_output__1.json': 'n8n_form',
	'typeform__form_response__1.json': 'typeform',
	'jotform__webhook_submission__1.json': 'jotform',
	'gravity_forms__webhooks_addon_all_fields__1.json': 'gravity_forms',
	'webflow__form_submission__1.json': 'webflow',
	'tally__FORM_RESPONSE__1.json': 'tally',
	'hubspot__contact.creation__1.json': 'hubspot',
	'facebook_lead_ads__leadgen_webhook__1.json': 'meta_leadgen',
	'facebook_lead_ads__lead_graph_lookup__2.json': 'meta_lead',
	'google_ads__lead_form_webhook__1.json': 'google_ads',
};
const FORM_AND_AD_KEYS = new Set([...formsPresets, ...adLeadsPresets].map((preset) => preset.key));
const SAMPLES = SAMPLE_FILES;
const payloadOf = samplePayload;

describe('auto-detect over every vendor sample', () => {
	it('knows every form and ad-lead sample in the fixtures', () => {
		const formOrAdVendors =
			/^(n8n__form|typeform|jotform|gravity|webflow|tally|hubspot|wpforms|facebook_lead|google_ads)/;
		expect(SAMPLES.filter((file) => formOrAdVendors.test(file)).sort()).toEqual(
			Object.keys(OURS).sort(),
		);
	});

	it.each(Object.entries(OURS))('%s → %s, and no other preset claims it', (file, key) => {
		const payload = payloadOf(file);
		expect(detectPreset(payload)?.key).toBe(key);
		expect(
			SOURCE_PRESETS.filter((preset) => preset.detect(payload)).map((preset) => preset.key),
		).toEqual([key]);
	});

	it.each(SAMPLES.filter((file) => !(file in OURS)))(
		'%s is left to its own vendor family',
		(file) => {
			const payload = payloadOf(file);
			expect(
				[...formsPresets, ...adLeadsPresets]
					.filter((preset) => preset.detect(payload))
					.map((preset) => preset.key),
			).toEqual([]);
			expect(FORM_AND_AD_KEYS.has(detectPreset(payload)?.key ?? '')).toBe(false);
		},
	);
});
