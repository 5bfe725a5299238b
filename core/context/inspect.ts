import type { Inquiry } from '../inquiry/schema';
import type { ConditionField, ContextField } from './fields';
import { FIELD_LABELS } from './fields';
import { isPlaceholder } from './placeholder';
import type { QualityIssue } from './result';

/** A message shorter than this says too little to act on ("hi", "call me"). */
export const DEFAULT_MIN_MESSAGE_LENGTH = 15;

/**
 * What an inquiry actually offers, field by field: a usable value, or undefined when the field is
 * missing, invalid, a placeholder or too short. Quality warnings explain each of those.
 */
export interface Inspection {
	values: Record<ContextField, string | undefined>;
	quality: QualityIssue[];
	/** A valid phone that can receive texts (not a known landline). */
	textablePhone: boolean;
	firstName?: string;
}

export function inspectInquiry(
	inquiry: Inquiry,
	minMessageLength = DEFAULT_MIN_MESSAGE_LENGTH,
): Inspection {
	const quality: QualityIssue[] = [];
	const text = (field: ContextField, raw: string | undefined): string | undefined => {
		const value = raw?.trim();
		if (!value) return undefined;
		if (!isPlaceholder(value, field)) return value;
		quality.push({
			code: 'placeholder_value',
			field,
			message: `${FIELD_LABELS[field]} "${clip(value)}" looks like a placeholder, not a real answer.`,
		});
		return undefined;
	};
	const { contact, request } = inquiry;
	const location = request.location;

	// Read in the fields' own order, so warnings come out in a stable, readable order.
	const name = text(
		'name',
		contact.name.full ?? [contact.name.first, contact.name.last].filter(Boolean).join(' '),
	);
	const email = readEmail(inquiry, quality);
	const phone = readPhone(inquiry, quality);
	const company = text('company', contact.company);
	const message = readMessage(text('message', request.message), minMessageLength, quality);
	const service = text('service', request.service);
	const preferredTime = text('preferredTime', request.preferredTime);
	const address = text('address', location.address);
	const city = text('city', location.city);
	const region = text('region', location.region);
	const postalCode = text('postalCode', location.postalCode);
	const country = text('country', location.country);

	const values: Record<ContextField, string | undefined> = {
		name,
		email,
		phone,
		contact: phone ?? email,
		company,
		message,
		service,
		urgency: request.urgency,
		preferredTime,
		location: address ?? city ?? postalCode,
		address,
		city,
		region,
		postalCode,
		country,
	};
	const textablePhone = phone !== undefined && contact.phone?.lineType !== 'fixed_line';
	const firstName = name === undefined ? undefined : (contact.name.first ?? name.split(' ')[0]);
	return { values, quality, textablePhone, firstName };
}

/** The value a condition compares: inquiry fields, plus the channel and the source system. */
export function conditionValue(
	inquiry: Inquiry,
	inspection: Inspection,
	field: ConditionField,
): string | undefined {
	if (field === 'channel') return inquiry.channel;
	if (field === 'source') return inquiry.source.system;
	return inspection.values[field];
}

function readMessage(
	message: string | undefined,
	minLength: number,
	quality: QualityIssue[],
): string | undefined {
	if (message === undefined || message.length >= minLength) return message;
	quality.push({
		code: 'message_too_short',
		field: 'message',
		message: `The message "${clip(message)}" is too short to act on (${message.length} of at least ${minLength} characters).`,
	});
	return undefined;
}

function readEmail(inquiry: Inquiry, quality: QualityIssue[]): string | undefined {
	const email = inquiry.contact.email;
	if (!email) return undefined;
	if (!email.valid) {
		quality.push({
			code: 'email_invalid',
			field: 'email',
			message: `The email "${clip(email.raw)}" is not a valid address, so no email can reach this person.`,
		});
		return undefined;
	}
	if (email.suggestion) {
		quality.push({
			code: 'email_typo',
			field: 'email',
			message: `The email ${email.address} may have a typo: did they mean ${email.suggestion}?`,
		});
	}
	// A deliverable-looking address is still used; a placeholder one is only flagged.
	const local = email.address.slice(0, email.address.lastIndexOf('@'));
	if (isPlaceholder(local, 'email')) {
		quality.push({
			code: 'placeholder_value',
			field: 'email',
			message: `The email ${email.address} looks like a placeholder; check it before relying on it.`,
		});
	}
	return email.address;
}

function readPhone(inquiry: Inquiry, quality: QualityIssue[]): string | undefined {
	const phone = inquiry.contact.phone;
	if (!phone) return undefined;
	if (!phone.valid) {
		quality.push({
			code: 'phone_invalid',
			field: 'phone',
			message: `The phone number "${clip(phone.raw)}" is not a number that can be dialled${phone.problem ? `: ${phone.problem}` : ''}.`,
		});
		return undefined;
	}
	const shown = phone.national ?? phone.e164 ?? phone.raw;
	if (phone.lineType === 'fixed_line') {
		quality.push({
			code: 'phone_landline_for_sms',
			field: 'phone',
			message: `The phone number ${shown} looks like a landline, so a text message may not arrive: call instead.`,
		});
	}
	return phone.e164 ?? phone.raw;
}

/** Keeps quoted user text short in warnings. */
function clip(value: string): string {
	return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}
