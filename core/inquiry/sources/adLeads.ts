import type { InquiryDraft, SourcePreset } from '../draft';
import { draftFromAnswers } from '../generic';
import { asArray, asRecord, at, isRecord, text } from './read';

/**
 * Meta Lead Ads `leadgen` webhook: ids only. One delivery can batch several entries and changes,
 * so it is split into one payload per lead; each asks the template to fetch the lead.
 */
const metaLeadgen: SourcePreset = {
	key: 'meta_leadgen',
	label: 'Meta Lead Ads (Webhook: Fetch Lead)',
	family: 'adLeads',
	detect: (p) =>
		p.object === 'page' &&
		asArray(p.entry).some((entry) =>
			asArray(at(entry, 'changes')).some((change) => at(change, 'field') === 'leadgen'),
		),
	split(p) {
		return asArray(p.entry).flatMap((entry) =>
			asArray(at(entry, 'changes'))
				.filter((change) => at(change, 'field') === 'leadgen')
				.map((change) => ({
					object: 'page',
					entry: [{ id: at(entry, 'id'), time: at(entry, 'time'), changes: [change] }],
				})),
		);
	},
	extract(p): InquiryDraft {
		const entry = asArray(p.entry)[0];
		const value = asRecord(at(asArray(at(entry, 'changes'))[0], 'value')) ?? {};
		const leadgenId = text(value.leadgen_id) ?? '';
		return {
			channel: 'ad_lead',
			system: 'meta_lead_ads',
			event: 'leadgen',
			recordId: leadgenId,
			eventId: leadgenId,
			occurredAt:
				typeof value.created_time === 'number' ? value.created_time : text(value.created_time),
			attribution: {
				adId: text(value.ad_id),
				formId: text(value.form_id),
				campaignId: text(value.adgroup_id),
			},
			needsLookup: {
				system: 'meta_lead_ads',
				ids: {
					leadgenId,
					pageId: text(value.page_id) ?? text(at(entry, 'id')) ?? '',
					formId: text(value.form_id) ?? '',
				},
				hint: 'GET https://graph.facebook.com/v21.0/{leadgenId} with a Page access token (leads_retrieval)',
			},
		};
	},
};

/** Standard Meta lead-form question keys; everything else is an advertiser's custom question. */
const META_FIELDS: Record<string, string> = {
	full_name: 'Full name',
	first_name: 'First name',
	last_name: 'Last name',
	email: 'Email',
	phone_number: 'Phone',
	city: 'City',
	state: 'State',
	province: 'Province',
	country: 'Country',
	zip_code: 'Zip code',
	post_code: 'Post code',
	street_address: 'Street address',
	company_name: 'Company',
};

/** A Meta lead as the Graph API returns it: `field_data: [{ name, values: [...] }]`. */
const metaLead: SourcePreset = {
	key: 'meta_lead',
	label: 'Meta Lead Ads (Lead from the Graph API)',
	family: 'adLeads',
	detect: (p) => Array.isArray(p.field_data) && ('id' in p || 'created_time' in p),
	extract(p) {
		const answers = asArray(p.field_data).flatMap((field) => {
			const name = text(at(field, 'name'));
			return name
				? [
						{
							label: META_FIELDS[name] ?? name.replace(/_/g, ' '),
							value: asArray(at(field, 'values')),
						},
					]
				: [];
		});
		// Custom disclaimer checkboxes: [{ checkbox_key: 'marketing_optin', is_checked: '1' }].
		const consentAnswers = asArray(p.custom_disclaimer_responses).map((box) => ({
			label: `${text(at(box, 'checkbox_key')) ?? ''} consent`,
			value: text(at(box, 'is_checked')),
		}));
		return draftFromAnswers([...answers, ...consentAnswers], {
			channel: 'ad_lead',
			system: 'meta_lead_ads',
			// The same event as the leadgen webhook that announced it: the looked-up lead keeps that inquiry's id.
			event: 'leadgen',
			recordId: text(p.id),
			eventId: text(p.id),
			occurredAt: metaTime(text(p.created_time)),
			attribution: {
				adId: text(p.ad_id),
				formId: text(p.form_id),
				campaignId: text(p.campaign_id),
			},
			extraFields: {
				Platform: text(p.platform),
				Organic: p.is_organic === true ? 'Yes' : undefined,
				Campaign: text(p.campaign_name),
				Ad: text(p.ad_name),
			},
		});
	},
};

/** "2015-02-28T08:49:14+0000" → "2015-02-28T08:49:14+00:00", which every parser accepts. */
function metaTime(value: string | undefined): string | undefined {
	return value?.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

const GOOGLE_COLUMNS: Record<string, string> = {
	FULL_NAME: 'Full name',
	FIRST_NAME: 'First name',
	LAST_NAME: 'Last name',
	EMAIL: 'Email',
	PHONE_NUMBER: 'Phone',
	POSTAL_CODE: 'Postal code',
	CITY: 'City',
	REGION: 'Region',
	COUNTRY: 'Country',
	STREET_ADDRESS: 'Street address',
	COMPANY_NAME: 'Company',
	SERVICE: 'Service',
	WORK_EMAIL: 'Email',
	WORK_PHONE: 'Phone',
	PREFERRED_CONTACT_TIME: 'Preferred time',
};

/** Google Ads lead form webhook: `user_column_data` keyed by column_id; `google_key` is the shared secret. */
const googleAds: SourcePreset = {
	key: 'google_ads',
	label: 'Google Ads Lead Form',
	family: 'adLeads',
	detect: (p) => Array.isArray(p.user_column_data) && 'lead_id' in p,
	extract(p) {
		const answers = asArray(p.user_column_data)
			.filter(isRecord)
			.map((column) => {
				const id = text(column.column_id) ?? '';
				return {
					label: GOOGLE_COLUMNS[id] ?? text(column.column_name) ?? id,
					value: column.string_value,
				};
			});
		const draft = draftFromAnswers(answers, {
			channel: 'ad_lead',
			system: 'google_ads',
			event: 'lead_form',
			recordId: text(p.lead_id),
			eventId: text(p.lead_id),
			occurredAt: googleTime(text(p.lead_submit_time)),
			attribution: {
				gclid: text(p.gcl_id),
				campaignId: text(p.campaign_id),
				formId: text(p.form_id),
				adId: text(p.creative_id),
			},
		});
		if (p.is_test === true) draft.extraFields = { ...draft.extraFields, 'Test Lead': 'Yes' };
		return draft;
	},
};

/** "2024-05-01 14:03:22.123456+00:00" (newer payloads) → ISO with milliseconds. */
function googleTime(value: string | undefined): string | undefined {
	const match =
		value &&
		/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,3})?\d*([+-]\d{2}:?\d{2}|Z)?$/.exec(value);
	return match ? `${match[1]}T${match[2]}${match[3] ?? ''}${match[4] ?? 'Z'}` : value;
}

export const adLeadsPresets: SourcePreset[] = [metaLeadgen, metaLead, googleAds];
