import type { InquiryDraft, SourcePreset } from '../draft';
import type { LabeledAnswer } from '../generic';
import { draftFromAnswers } from '../generic';
import { gravityForms, wpForms } from './formsByField';
import { asArray, asRecord, at, firstText, isRecord, parseJsonText, text } from './read';

/** The n8n Form Trigger's item: keys are the field labels exactly as configured. */
const n8nForm: SourcePreset = {
	key: 'n8n_form',
	label: 'n8n Form Trigger',
	family: 'forms',
	detect: (p) => 'submittedAt' in p && 'formMode' in p,
	extract(p) {
		const query = asRecord(p.formQueryParameters) ?? {};
		const answers = Object.keys(p)
			.filter((key) => key !== 'submittedAt' && key !== 'formMode' && key !== 'formQueryParameters')
			.map((key) => ({ label: key, value: p[key] }));
		const draft = draftFromAnswers(answers, { channel: 'form', system: 'n8n_form', occurredAt: text(p.submittedAt) });
		return withQueryAttribution(draft, query);
	},
};

/** Typeform form_response: answers typed by `type`, titled by the form definition. */
const typeform: SourcePreset = {
	key: 'typeform',
	label: 'Typeform',
	family: 'forms',
	detect: (p) => p.event_type === 'form_response' && isRecord(p.form_response),
	extract(p) {
		const response = asRecord(p.form_response) ?? {};
		const titles = new Map<string, string>();
		for (const field of asArray(at(response, 'definition.fields'))) {
			const id = text(at(field, 'id'));
			if (id) titles.set(id, text(at(field, 'title')) ?? text(at(field, 'ref')) ?? id);
		}
		let email: string | undefined;
		let phone: string | undefined;
		let longText: string | undefined;
		const answers: LabeledAnswer[] = [];
		for (const answer of asArray(response.answers)) {
			const type = text(at(answer, 'type'));
			const fieldType = text(at(answer, 'field.type'));
			const label = titles.get(text(at(answer, 'field.id')) ?? '') ?? fieldType ?? '';
			if (type === 'email') email ??= text(at(answer, 'email'));
			else if (type === 'phone_number') phone ??= text(at(answer, 'phone_number'));
			else if (fieldType === 'long_text') longText ??= text(at(answer, 'text'));
			else answers.push({ label, value: typeformValue(answer) });
		}
		const hidden = asRecord(response.hidden) ?? {};
		const draft = draftFromAnswers(answers, {
			channel: 'form',
			system: 'typeform',
			event: 'form_response',
			recordId: text(response.token),
			eventId: text(p.event_id),
			occurredAt: text(response.submitted_at),
			email,
			phone,
			message: longText,
			attribution: { formId: text(response.form_id) },
		});
		return withQueryAttribution(draft, hidden);
	},
};

/** Jotform slugs carry field numbers around the label ("1Name69" → "Name"). */
function stripDigits(slug: string): string {
	let start = 0;
	let end = slug.length;
	while (start < end && slug[start] >= '0' && slug[start] <= '9') start++;
	while (end > start && slug[end - 1] >= '0' && slug[end - 1] <= '9') end--;
	return slug.slice(start, end);
}

function typeformValue(answer: unknown): unknown {
	const type = text(at(answer, 'type')) ?? '';
	if (type === 'choice') return at(answer, 'choice.label') ?? at(answer, 'choice.other');
	if (type === 'choices') return at(answer, 'choices.labels');
	return at(answer, type);
}

/** Jotform: the real answers are a JSON string in `rawRequest`, keyed q{N}_{label}. */
const jotform: SourcePreset = {
	key: 'jotform',
	label: 'Jotform',
	family: 'forms',
	detect: (p) => typeof p.rawRequest === 'string' && ('formID' in p || 'submissionID' in p),
	extract(p) {
		const raw = asRecord(parseJsonText(p.rawRequest)) ?? {};
		const answers: LabeledAnswer[] = [];
		let name: InquiryDraft['name'];
		for (const key of Object.keys(raw)) {
			const match = /^q\d+_(.+)$/.exec(key);
			if (!match) continue;
			const label = stripDigits(match[1]);
			const value = raw[key];
			if (isRecord(value)) {
				// Composite fields: name {first,last}, phone {area,phone} or {full}, address {addr_line1,…}.
				if ('first' in value || 'last' in value) name ??= { first: value.first, last: value.last };
				else if ('full' in value || 'area' in value) answers.push({ label: 'phone', value: text(value.full) ?? [value.area, value.phone].map(text).filter(Boolean).join(' ') });
				else answers.push(...Object.keys(value).map((part) => ({ label: part.replace(/^addr_line\d$/, 'address'), value: value[part] })));
			} else {
				answers.push({ label, value });
			}
		}
		return draftFromAnswers(answers, {
			channel: 'form',
			system: 'jotform',
			event: 'form_submission',
			recordId: text(p.submissionID),
			eventId: text(raw.event_id) ?? text(p.submissionID),
			name,
			attribution: { formId: text(p.formID) },
			extraFields: { Form: p.formTitle },
		});
	},
};

/** Webflow form_submission: v2 (`triggerType`) and the legacy v1 shape (`name`, `site`, `data`, `_id`). */
const webflow: SourcePreset = {
	key: 'webflow',
	label: 'Webflow',
	family: 'forms',
	detect: (p) => (p.triggerType === 'form_submission' && isRecord(p.payload)) || (isRecord(p.data) && typeof p.site === 'string' && '_id' in p),
	extract(p) {
		const v2 = p.triggerType === 'form_submission';
		const body = v2 ? (asRecord(p.payload) ?? {}) : p;
		const data = asRecord(body.data) ?? {};
		return draftFromAnswers(
			Object.keys(data).map((key) => ({ label: key, value: data[key] })),
			{
				channel: 'form',
				system: 'webflow',
				event: 'form_submission',
				recordId: firstText(body, 'id', '_id'),
				occurredAt: firstText(body, 'submittedAt', 'd'),
				attribution: { formId: firstText(body, 'formId', 'name') },
			},
		);
	},
};

/** Tally FORM_RESPONSE: typed fields; choice answers are option ids resolved to their text. */
const tally: SourcePreset = {
	key: 'tally',
	label: 'Tally',
	family: 'forms',
	detect: (p) => p.eventType === 'FORM_RESPONSE' && Array.isArray(at(p, 'data.fields')),
	extract(p) {
		const data = asRecord(p.data) ?? {};
		const answers: LabeledAnswer[] = [];
		const hidden: Record<string, unknown> = {};
		const typed: Partial<Record<'email' | 'phone' | 'message' | 'paymentName', string>> = {};
		for (const field of asArray(data.fields)) {
			const type = text(at(field, 'type')) ?? '';
			const label = text(at(field, 'label')) ?? '';
			const key = text(at(field, 'key')) ?? '';
			const value = at(field, 'value');
			if (type === 'HIDDEN_FIELDS') hidden[label] = value;
			else if (type === 'CALCULATED_FIELDS' || type === 'FILE_UPLOAD' || type === 'SIGNATURE' || type === 'MATRIX') continue;
			else if (type === 'CHECKBOXES' && typeof value === 'boolean') continue;
			else if (type === 'INPUT_EMAIL') typed.email ??= text(value);
			else if (type === 'INPUT_PHONE_NUMBER') typed.phone ??= text(value);
			else if (type === 'TEXTAREA') typed.message ??= text(value);
			else if (type === 'PAYMENT') {
				if (key.endsWith('_name')) typed.paymentName ??= text(value);
			} else answers.push({ label, value: Array.isArray(value) ? resolveOptions(field, value) : value });
		}
		const draft = draftFromAnswers(answers, {
			channel: 'form',
			system: 'tally',
			event: 'FORM_RESPONSE',
			recordId: firstText(data, 'responseId', 'submissionId'),
			eventId: text(p.eventId),
			occurredAt: firstText(data, 'createdAt') ?? text(p.createdAt),
			email: typed.email,
			phone: typed.phone,
			message: typed.message,
			attribution: { formId: text(data.formId) },
			extraFields: { Form: data.formName },
		});
		// With no name question, the payment's card-holder name is the best name there is.
		if (!draft.name?.full && !draft.name?.first && typed.paymentName) draft.name = { full: typed.paymentName };
		return withQueryAttribution(draft, hidden);
	},
};

function resolveOptions(field: unknown, ids: unknown[]): string[] {
	const options = new Map(asArray(at(field, 'options')).map((option) => [text(at(option, 'id')), text(at(option, 'text'))]));
	return ids.map((id) => options.get(text(id)) ?? text(id)).filter((value): value is string => value !== undefined);
}

/** HubSpot webhooks carry only ids (a JSON array of events, wrapped as `events` by the parser). */
const hubspotWebhook: SourcePreset = {
	key: 'hubspot',
	label: 'HubSpot (Webhook: Fetch Contact)',
	family: 'forms',
	detect: (p) => isHubspotEvent(p) || (Array.isArray(p.events) && p.events.length > 0 && p.events.every(isHubspotEvent)),
	split: (p) => (Array.isArray(p.events) ? p.events.filter(isRecord) : [p]),
	extract(p): InquiryDraft {
		const objectId = text(p.objectId) ?? '';
		return {
			channel: 'form',
			system: 'hubspot',
			event: text(p.subscriptionType),
			recordId: objectId,
			eventId: text(p.eventId),
			occurredAt: typeof p.occurredAt === 'number' ? p.occurredAt : text(p.occurredAt),
			needsLookup: {
				system: 'hubspot',
				ids: { objectId, portalId: text(p.portalId) ?? '', subscriptionType: text(p.subscriptionType) ?? '' },
				hint: 'GET /crm/v3/objects/contacts/{objectId}?properties=firstname,lastname,email,phone,message,company,zip,city',
			},
		};
	},
};

function isHubspotEvent(value: unknown): boolean {
	return isRecord(value) && typeof value.subscriptionType === 'string' && 'objectId' in value && 'portalId' in value;
}

/** A HubSpot CRM contact, as the lookup returns it: `{ id, properties: { firstname, … } }`. */
const hubspotContact: SourcePreset = {
	key: 'hubspot_contact',
	label: 'HubSpot (Contact from the CRM API)',
	family: 'forms',
	detect: (p) => isRecord(p.properties) && ('firstname' in p.properties || 'email' in p.properties || 'hs_object_id' in p.properties),
	extract(p) {
		const props = asRecord(p.properties) ?? {};
		return {
			channel: 'form',
			system: 'hubspot',
			event: 'contact',
			recordId: firstText(p, 'id') ?? text(props.hs_object_id),
			occurredAt: firstText(props, 'createdate') ?? text(p.createdAt),
			name: { first: props.firstname, last: props.lastname },
			email: props.email,
			phone: firstText(props, 'phone', 'mobilephone'),
			company: props.company,
			message: firstText(props, 'message', 'hs_content_membership_notes'),
			location: { address: props.address, city: props.city, region: props.state, postalCode: props.zip, country: props.country },
			attribution: { utmSource: props.hs_analytics_source, landingPage: props.hs_analytics_first_url, referrer: props.hs_analytics_first_referrer },
		};
	},
};

/** Hidden fields and query parameters that carry utm_*, gclid, fbclid, landing page or referrer. */
function withQueryAttribution(draft: InquiryDraft, fields: Record<string, unknown>): InquiryDraft {
	const found = draftFromAnswers(
		Object.keys(fields).map((key) => ({ label: key, value: fields[key] })),
		{ channel: draft.channel, system: draft.system },
	).attribution;
	const attribution = { ...draft.attribution };
	for (const [key, value] of Object.entries(found ?? {})) if (value !== undefined && attribution[key as keyof typeof attribution] === undefined) attribution[key as keyof typeof attribution] = value;
	attribution.landingPage ??= firstText(fields, 'landing_page', 'landingPage', 'page_url');
	attribution.referrer ??= firstText(fields, 'referrer', 'referer');
	return { ...draft, attribution };
}

export const formsPresets: SourcePreset[] = [n8nForm, typeform, jotform, webflow, tally, hubspotWebhook, hubspotContact, wpForms, gravityForms];
