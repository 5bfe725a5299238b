import type { InquiryDraft, SourcePreset } from '../draft';
import type { LabeledAnswer } from '../generic';
import { draftFromAnswers } from '../generic';
import { labelWords } from '../labels';
import { asRecord, firstText, isRecord, parseJsonText, text } from './read';

const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,255}\.[a-z]{2,63}$/i;
const PHONE = /^\+?[\d\s().-]{7,24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}/;
const FIELD_ID = /^(\d+)(?:\.(\d+))?$/;

/**
 * Gravity Forms (Webhooks Add-On, "All Fields"): answers keyed by field id ("1", "3", "1.3"), with
 * no labels. Values are read by shape: email, phone, country code, dates, and free text in form
 * order — the first text is the name, the last the message. Name and address sub-fields follow
 * Gravity's numbering (name .3 first / .6 last; address .1 street, .3 city, .4 state, .5 zip, .6 country).
 */
export const gravityForms: SourcePreset = {
	key: 'gravity_forms',
	label: 'Gravity Forms',
	family: 'forms',
	detect: (p) =>
		'form_id' in p &&
		'date_created' in p &&
		'source_url' in p &&
		Object.keys(p).some((key) => FIELD_ID.test(key)),
	extract(p): InquiryDraft {
		const groups = new Map<number, Map<number, string>>();
		for (const key of Object.keys(p)) {
			const match = FIELD_ID.exec(key);
			const value = text(p[key]);
			if (!match || value === undefined) continue;
			const field = Number(match[1]);
			if (!groups.has(field)) groups.set(field, new Map());
			groups.get(field)!.set(match[2] === undefined ? 0 : Number(match[2]), value);
		}
		const draft: InquiryDraft = {
			channel: 'form',
			system: 'gravity_forms',
			event: 'form_submission',
			recordId: text(p.id),
			eventId: text(p.id),
			occurredAt: toUtc(text(p.date_created)),
			attribution: { formId: text(p.form_id), landingPage: text(p.source_url) },
			location: {},
			extraFields: {},
		};
		const texts: { field: number; value: string }[] = [];
		const extra = draft.extraFields as Record<string, unknown>;
		for (const [field, parts] of [...groups].sort((a, b) => a[0] - b[0])) {
			const whole = parts.get(0);
			if (whole === undefined) {
				readSubFields(draft, parts);
				continue;
			}
			if (!draft.email && EMAIL.test(whole)) draft.email = whole;
			else if (
				!draft.phone &&
				!DATE.test(whole) &&
				PHONE.test(whole) &&
				whole.replace(/\D/g, '').length >= 7
			)
				draft.phone = whole;
			else if (/^[A-Z]{2}$/.test(whole)) draft.location = { ...draft.location, country: whole };
			else if (DATE.test(whole) && draft.preferredTime === undefined) draft.preferredTime = whole;
			else if (/\p{L}/u.test(whole) && !DATE.test(whole)) texts.push({ field, value: whole });
			else extra[`Field ${field}`] = whole;
		}
		// Form order: the name comes first and the message last; a short answer between them (a
		// dropdown such as a room type or a trade) is the service asked for.
		if (texts.length && !draft.name) draft.name = { full: texts.shift()!.value };
		if (texts.length) draft.message = texts.pop()!.value;
		const serviceAt = texts.findIndex(({ value }) => value.length <= 60);
		if (serviceAt >= 0) draft.service = texts.splice(serviceAt, 1)[0].value;
		for (const { field, value } of texts) extra[`Field ${field}`] = value;
		const country = text(draft.location?.country);
		if (country) draft.phoneCountry = country;
		return draft;
	},
};

function readSubFields(draft: InquiryDraft, parts: Map<number, string>): void {
	if (parts.has(1) || parts.has(5)) {
		draft.location = {
			...draft.location,
			address: parts.get(1),
			city: parts.get(3),
			region: parts.get(4),
			postalCode: parts.get(5),
			country: parts.get(6),
		};
	} else if (parts.has(3) || parts.has(6)) {
		draft.name = { first: parts.get(3), last: parts.get(6) };
	}
}

/** "2026-02-06 13:37:20" (Gravity stores UTC without a zone) → ISO. */
function toUtc(value: string | undefined): string | undefined {
	return value && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)
		? `${value.replace(' ', 'T')}Z`
		: value;
}

/** WPForms (Webhooks addon): `fields` keyed by id, each `{ name, value, type }`, names split into first/last. */
export const wpForms: SourcePreset = {
	key: 'wpforms',
	label: 'WPForms',
	family: 'forms',
	detect: (p) =>
		isRecord(p.fields) &&
		('form_id' in p || 'entry_id' in p) &&
		Object.values(p.fields).some((field) => isRecord(field) && 'value' in field && 'name' in field),
	extract(p): InquiryDraft {
		const fields = asRecord(p.fields) ?? {};
		const answers: LabeledAnswer[] = [];
		let name: InquiryDraft['name'];
		let email: string | undefined;
		let phone: string | undefined;
		for (const field of Object.values(fields)) {
			if (!isRecord(field)) continue;
			const type = text(field.type);
			if (type === 'name' && !name)
				name = { full: field.value, first: field.first, last: field.last };
			else if (type === 'email') email ??= text(field.value);
			else if (type === 'phone') phone ??= text(field.value);
			else answers.push({ label: text(field.name) ?? '', value: field.value });
		}
		return draftFromAnswers(answers, {
			channel: 'form',
			system: 'wpforms',
			event: 'form_submission',
			recordId: firstText(p, 'entry_id'),
			eventId: firstText(p, 'entry_id'),
			name,
			email,
			phone,
			attribution: { formId: firstText(p, 'form_id') },
		});
	},
};

/**
 * Jotform: the real answers are a JSON string in `rawRequest`, keyed q{N}_{slug} where the slug is
 * the label cut to a word or two ("q69_1Name69", "q72_venueName"). The full labels are in `pretty`
 * ("1. Name:Britney, Venue Name:a"), so each answer takes the label `pretty` shows for its value.
 */
export const jotform: SourcePreset = {
	key: 'jotform',
	label: 'Jotform',
	family: 'forms',
	detect: (p) => typeof p.rawRequest === 'string' && ('formID' in p || 'submissionID' in p),
	extract(p): InquiryDraft {
		const raw = asRecord(parseJsonText(p.rawRequest)) ?? {};
		const pretty = typeof p.pretty === 'string' ? p.pretty.slice(0, 20_000) : '';
		const answers: LabeledAnswer[] = [];
		let name: InquiryDraft['name'];
		for (const key of Object.keys(raw)) {
			const match = /^q\d+_(.+)$/.exec(key);
			if (!match) continue;
			const slug = stripDigits(match[1]);
			const value = raw[key];
			if (isRecord(value)) {
				// Composite fields: name {first,last}, phone {area,phone} or {full}, address {addr_line1,…}.
				if ('first' in value || 'last' in value) name ??= { first: value.first, last: value.last };
				else if ('full' in value || 'area' in value)
					answers.push({
						label: 'phone',
						value:
							text(value.full) ?? [value.area, value.phone].map(text).filter(Boolean).join(' '),
					});
				else
					answers.push(
						...Object.keys(value).map((part) => ({
							label: part.replace(/^addr_line\d$/, 'address'),
							value: value[part],
						})),
					);
			} else {
				const answer = text(value);
				answers.push({ label: (answer && prettyLabel(pretty, slug, answer)) ?? slug, value });
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

/** Jotform slugs carry field numbers around the label ("1Name69" → "Name"). */
function stripDigits(slug: string): string {
	let start = 0;
	let end = slug.length;
	while (start < end && slug[start] >= '0' && slug[start] <= '9') start++;
	while (end > start && slug[end - 1] >= '0' && slug[end - 1] <= '9') end--;
	return slug.slice(start, end);
}

/**
 * The label `pretty` shows before ":{answer}" that starts with the slug's words. Labels may hold
 * commas themselves ("Is this an issue, a feature idea, or a new ISM?"), so each ", " boundary before
 * the answer is tried, nearest first, until one starts like the slug.
 */
function prettyLabel(pretty: string, slug: string, answer: string): string | undefined {
	const slugWords = labelWords(slug);
	if (slugWords.length === 0) return undefined;
	let end = pretty.indexOf(`:${answer}`);
	for (let tries = 0; end > 0 && tries < 20; tries++) {
		const after = pretty.slice(end + answer.length + 1, end + answer.length + 3);
		if (after === '' || after === ', ') {
			let start = pretty.lastIndexOf(', ', end);
			for (let hops = 0; hops < 10; hops++) {
				const label = pretty.slice(start < 0 ? 0 : start + 2, end).replace(/^\d+\. /, '');
				const words = labelWords(label);
				if (slugWords.every((word, i) => words[i] === word)) return label.trim();
				if (start <= 0) break;
				start = pretty.lastIndexOf(', ', start - 1);
			}
		}
		end = pretty.indexOf(`:${answer}`, end + 1);
	}
	return undefined;
}
