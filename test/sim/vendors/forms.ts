import gravityFormsSample from '../../fixtures/vendor-payloads/gravity_forms__webhooks_addon_all_fields__1.json';
import jotformSample from '../../fixtures/vendor-payloads/jotform__webhook_submission__1.json';
import tallySample from '../../fixtures/vendor-payloads/tally__FORM_RESPONSE__1.json';
import typeformSample from '../../fixtures/vendor-payloads/typeform__form_response__1.json';
import webflowSample from '../../fixtures/vendor-payloads/webflow__form_submission__1.json';
import { emailKey } from '../people';
import type { BuildContext, Built, VendorSpec } from './spec';
import { BASE62, DIGITS, HEX, iso, PATHS, sample, uniqueId } from './spec';

/** Typeform: the documented envelope, with a service-request form's definition and typed answers. */
function typeform(context: BuildContext): Built {
	const { person, request, random } = context;
	const body = sample<{ event_id: string; form_response: Record<string, unknown> }>(typeformSample);
	const token = uniqueId(context, 32, HEX);
	const fields = [
		{ id: 'fnAme01', ref: 'first_name', type: 'short_text', title: 'What is your first name?' },
		{ id: 'lnAme02', ref: 'last_name', type: 'short_text', title: 'And your last name?' },
		{ id: 'eMail03', ref: 'email', type: 'email', title: 'Your email address?' },
		{ id: 'pHone04', ref: 'phone', type: 'phone_number', title: 'Best number to reach you?' },
		{ id: 'sErv05', ref: 'service', type: 'multiple_choice', title: 'Which service do you need?' },
		{ id: 'zIp06', ref: 'zip', type: 'short_text', title: 'ZIP / postal code of the job' },
		{ id: 'mSg07', ref: 'details', type: 'long_text', title: 'Tell us what is going on' },
	];
	const answers: Record<string, unknown>[] = [
		{
			type: 'text',
			text: person.first,
			field: { id: 'fnAme01', type: 'short_text', ref: 'first_name' },
		},
		{
			type: 'text',
			text: person.last,
			field: { id: 'lnAme02', type: 'short_text', ref: 'last_name' },
		},
		{ type: 'email', email: person.email, field: { id: 'eMail03', type: 'email', ref: 'email' } },
	];
	if (!context.strip) {
		answers.push(
			{
				type: 'phone_number',
				phone_number: person.phone.e164,
				field: { id: 'pHone04', type: 'phone_number', ref: 'phone' },
			},
			{
				type: 'choice',
				choice: { label: request.service },
				field: { id: 'sErv05', type: 'multiple_choice', ref: 'service' },
			},
			{
				type: 'text',
				text: request.postalCode,
				field: { id: 'zIp06', type: 'short_text', ref: 'zip' },
			},
		);
	}
	answers.push({
		type: 'text',
		text: request.message,
		field: { id: 'mSg07', type: 'long_text', ref: 'details' },
	});
	body.event_id = uniqueId(context, 10, BASE62);
	Object.assign(body.form_response, {
		form_id: 'sVcReQ',
		token,
		landed_at: iso(context.atEpochMs - random.int(60, 600) * 1000).replace('.000', ''),
		submitted_at: iso(context.atEpochMs).replace(/\.\d{3}/, ''),
		hidden: {
			utm_source: random.pick(['google', 'facebook', 'newsletter']),
			utm_campaign: 'spring',
		},
		definition: { id: 'sVcReQ', title: 'Request a visit', fields },
		answers,
	});
	return {
		body,
		sourceEventId: body.event_id,
		channel: 'form',
		identityKey: emailKey(person.email),
	};
}

/** Jotform: multipart fields, with the answers again as a JSON string in rawRequest. */
function jotform(context: BuildContext): Built {
	const { person, request } = context;
	const body = sample<Record<string, string>>(jotformSample);
	const submissionID = uniqueId(context, 19, DIGITS);
	const answers: Record<string, unknown> = {
		slug: 'submit/70936128142151/',
		q3_name: { first: person.first, last: person.last },
		q4_email: person.email,
		q7_message: request.message,
		event_id: `${context.atEpochMs}_70936128142151_${uniqueId(context, 7, BASE62)}`,
	};
	if (!context.strip) {
		answers.q5_phoneNumber = { full: person.phone.written };
		answers.q6_service = request.service;
		answers.q8_address = { postal: request.postalCode, city: request.city };
	}
	const pretty = [`Name:${person.full}`, `E-mail:${person.email}`, `Message:${request.message}`];
	Object.assign(body, {
		formID: '70936128142151',
		submissionID,
		formTitle: 'Request a Quote',
		pretty: pretty.join(', '),
		rawRequest: JSON.stringify(answers),
		ip: `203.0.113.${context.random.int(1, 254)}`,
	});
	return {
		body,
		sourceEventId: submissionID,
		channel: 'form',
		identityKey: emailKey(person.email),
	};
}

/** Gravity Forms: entry object keyed by numeric field ids, as the Webhooks Add-On posts it. */
function gravityForms(context: BuildContext): Built {
	const { person, request } = context;
	const body = sample<Record<string, unknown>>(gravityFormsSample);
	const id = String(3000 + context.seq);
	const created = iso(context.atEpochMs).slice(0, 19).replace('T', ' ');
	Object.assign(body, {
		1: person.full,
		3: context.strip ? '' : person.phone.written,
		4: person.email,
		5: context.strip ? '' : request.service,
		10: request.message,
		11: context.strip ? '' : request.postalCode,
		12: person.phone.country,
		id,
		date_created: created,
		date_updated: created,
		ip: `198.51.100.${context.random.int(1, 254)}`,
	});
	return { body, sourceEventId: id, channel: 'form', identityKey: emailKey(person.email) };
}

/** Webflow v2 form_submission: data keyed by the designer's field names; the phone is a JSON number. */
function webflow(context: BuildContext): Built {
	const { person, request } = context;
	const body = sample<{ payload: Record<string, unknown> }>(webflowSample);
	const data: Record<string, unknown> = {
		'First Name': person.first,
		'Last Name': person.last,
		email: person.email,
	};
	if (!context.strip) {
		data['Phone Number'] = Number(person.phone.e164.slice(1));
		data.Service = request.service;
		data['Zip Code'] = request.postalCode;
	}
	data.Message = request.message;
	const id = uniqueId(context, 24, HEX);
	Object.assign(body.payload, {
		data,
		schema: Object.keys(data).map((fieldName, index) => ({
			fieldName,
			fieldType: fieldName === 'Message' ? 'FormTextarea' : 'FormTextInput',
			fieldElementId: `285042f7-d554-dc7f-102c-aa10d6a2d2${(index + 0xc4).toString(16)}`,
		})),
		submittedAt: iso(context.atEpochMs),
		id,
	});
	return { body, sourceEventId: id, channel: 'form', identityKey: emailKey(person.email) };
}

/** Tally FORM_RESPONSE: typed fields; a dropdown answers with option ids. */
function tally(context: BuildContext): Built {
	const { person, request, random } = context;
	const body = sample<{ eventId: string; createdAt: string; data: Record<string, unknown> }>(
		tallySample,
	);
	const responseId = uniqueId(context, 6, BASE62);
	const field = (key: string, label: string, type: string, value: unknown, extra = {}) => ({
		key: `question_${key}`,
		label,
		type,
		value,
		...extra,
	});
	const options = [
		'Plumbing',
		'Roofing',
		'HVAC',
		'Electrical',
		'Cleaning',
		'Landscaping',
		'Pest control',
	].map((text, index) => ({
		id: `opt-${index}`,
		text,
	}));
	const serviceOption = options.find((option) => option.text === request.service) ?? options[0];
	const fields = [
		field(
			'mVGEg3',
			'utm_campaign',
			'HIDDEN_FIELDS',
			random.pick(['spring', 'retargeting', 'brand']),
		),
		field('fn0001', 'First name', 'INPUT_TEXT', person.first),
		field('ln0002', 'Last name', 'INPUT_TEXT', person.last),
		field('em0003', 'Email', 'INPUT_EMAIL', person.email),
	];
	if (!context.strip) {
		fields.push(
			field('ph0004', 'Phone number', 'INPUT_PHONE_NUMBER', person.phone.e164),
			field('sv0005', 'Service needed', 'DROPDOWN', [serviceOption.id], { options }),
			field('zp0006', 'ZIP code', 'INPUT_TEXT', request.postalCode),
		);
	}
	fields.push(field('ms0007', 'How can we help?', 'TEXTAREA', request.message));
	body.eventId = `${uniqueId(context, 8, HEX)}-d513-4fa5-baee-${random.hex(12)}`;
	body.createdAt = iso(context.atEpochMs);
	Object.assign(body.data, {
		responseId,
		submissionId: responseId,
		respondentId: random.chars(6, BASE62),
		formName: 'Request a callback',
		createdAt: iso(context.atEpochMs - 1000),
		fields,
	});
	return {
		body,
		sourceEventId: body.eventId,
		channel: 'form',
		identityKey: emailKey(person.email),
	};
}

/**
 * Every form vendor sends an email, so context can be stripped. The signing vendors post to the
 * form template (01b); Jotform and Gravity Forms, which do not sign, post to the HTTP CRM one (01c).
 */
const FORM = { path: PATHS.form, canStrip: true, calls: false } as const;
const FORM_TO_CRM = { ...FORM, path: PATHS.formCrm } as const;

export const formVendors: VendorSpec[] = [
	{ ...FORM, key: 'typeform', scheme: 'typeform', encoding: 'json', weight: 9, build: typeform },
	{
		...FORM_TO_CRM,
		key: 'jotform',
		scheme: 'none',
		encoding: 'multipart',
		weight: 5,
		build: jotform,
	},
	{
		...FORM_TO_CRM,
		key: 'gravity_forms',
		scheme: 'none',
		encoding: 'json',
		weight: 5,
		build: gravityForms,
	},
	{ ...FORM, key: 'webflow', scheme: 'webflow', encoding: 'json', weight: 6, build: webflow },
	{ ...FORM, key: 'tally', scheme: 'tally', encoding: 'json', weight: 5, build: tally },
];
