import type { InquiryDraft, SourcePreset } from '../draft';
import type { LabeledAnswer } from '../generic';
import { draftFromAnswers } from '../generic';
import { gravityForms, jotform, wpForms } from './formsByField';
import { hubspotContact, hubspotWebhook } from './formsHubspot';
import { asArray, asRecord, at, firstText, isRecord, text } from './read';

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
		const draft = draftFromAnswers(answers, {
			channel: 'form',
			system: 'n8n_form',
			occurredAt: text(p.submittedAt),
		});
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

function typeformValue(answer: unknown): unknown {
	const type = text(at(answer, 'type')) ?? '';
	if (type === 'choice') return at(answer, 'choice.label') ?? at(answer, 'choice.other');
	if (type === 'choices') return at(answer, 'choices.labels');
	return at(answer, type);
}

/** Webflow form_submission: v2 (`triggerType`) and the legacy v1 shape (`name`, `site`, `data`, `_id`). */
const webflow: SourcePreset = {
	key: 'webflow',
	label: 'Webflow',
	family: 'forms',
	detect: (p) =>
		(p.triggerType === 'form_submission' && isRecord(p.payload)) ||
		(isRecord(p.data) && typeof p.site === 'string' && '_id' in p),
	extract(p) {
		const v2 = p.triggerType === 'form_submission';
		const body = v2 ? (asRecord(p.payload) ?? {}) : p;
		const data = asRecord(body.data) ?? {};
		// v2 lists each field's input type: a text area is the message whatever its designer name.
		const textArea = asArray(body.schema).find((field) =>
			/textarea/i.test(text(at(field, 'fieldType')) ?? ''),
		);
		const messageKey = text(at(textArea, 'fieldName'));
		return draftFromAnswers(
			Object.keys(data).map((key) => ({ label: key, value: data[key] })),
			{
				channel: 'form',
				system: 'webflow',
				event: 'form_submission',
				recordId: firstText(body, 'id', '_id'),
				occurredAt: firstText(body, 'submittedAt', 'd'),
				message: messageKey === undefined ? undefined : text(data[messageKey]),
				attribution: { formId: firstText(body, 'formId', 'name') },
				extraFields: { Form: firstText(body, 'name') },
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
		const typed: Partial<
			Record<'email' | 'phone' | 'message' | 'paymentName' | 'date' | 'time', string>
		> = {};
		for (const field of asArray(data.fields)) {
			const type = text(at(field, 'type')) ?? '';
			const label = text(at(field, 'label')) ?? '';
			const key = text(at(field, 'key')) ?? '';
			const value = at(field, 'value');
			if (type === 'HIDDEN_FIELDS') hidden[label] = value;
			else if (
				type === 'CALCULATED_FIELDS' ||
				type === 'FILE_UPLOAD' ||
				type === 'SIGNATURE' ||
				type === 'MATRIX'
			)
				continue;
			else if (type === 'CHECKBOXES' && typeof value === 'boolean') continue;
			else if (type === 'INPUT_EMAIL') typed.email ??= text(value);
			else if (type === 'INPUT_PHONE_NUMBER') typed.phone ??= text(value);
			else if (type === 'TEXTAREA') typed.message ??= text(value);
			else if (type === 'INPUT_DATE' && !typed.date) typed.date = text(value);
			else if (type === 'INPUT_TIME' && !typed.time) typed.time = text(value);
			else if (type === 'PAYMENT') {
				if (key.endsWith('_name')) typed.paymentName ??= text(value);
			} else
				answers.push({ label, value: Array.isArray(value) ? resolveOptions(field, value) : value });
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
			// A date and a time question: the slot the person asked for, in the form's local time.
			preferredTime:
				typed.date && typed.time ? `${typed.date} ${typed.time}` : (typed.date ?? typed.time),
			attribution: { formId: text(data.formId) },
			extraFields: { Form: data.formName },
		});
		// With no name question, the payment's card-holder name is the best name there is.
		if (!draft.name?.full && !draft.name?.first && typed.paymentName)
			draft.name = { full: typed.paymentName };
		return withQueryAttribution(draft, hidden);
	},
};

function resolveOptions(field: unknown, ids: unknown[]): string[] {
	const options = new Map(
		asArray(at(field, 'options')).map((option) => [
			text(at(option, 'id')),
			text(at(option, 'text')),
		]),
	);
	return ids
		.map((id) => options.get(text(id)) ?? text(id))
		.filter((value): value is string => value !== undefined);
}

/** Hidden fields and query parameters that carry utm_*, gclid, fbclid, ad ids, landing page or referrer. */
function withQueryAttribution(draft: InquiryDraft, fields: Record<string, unknown>): InquiryDraft {
	const labeled = Object.keys(fields).map((key) => ({ label: key, value: fields[key] }));
	const { attribution } = draftFromAnswers(labeled, {
		channel: draft.channel,
		system: draft.system,
		attribution: draft.attribution,
	});
	return { ...draft, attribution };
}

export const formsPresets: SourcePreset[] = [
	n8nForm,
	typeform,
	jotform,
	webflow,
	tally,
	hubspotWebhook,
	hubspotContact,
	wpForms,
	gravityForms,
];
