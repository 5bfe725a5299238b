import { z } from 'zod';
import { InquiryError } from '../shared/errors';
import { parseJsonText } from '../shared/result';
import { BUILT_IN_PROFILE_NAMES, BUILT_IN_PROFILES } from './builtins';
import { CONDITION_FIELDS, CONTEXT_FIELDS } from './fields';
import type { ContextProfile, Requirement } from './profile';
import {
	ContextProfile as ContextProfileSchema,
	extendProfile,
	requirementIdentity,
	requirementKey,
} from './profile';

/** A profile as power users write it: a list of requirements, or an object that may extend a built-in. */
const ProfileDocument = z
	.object({
		name: z.string().optional(),
		extends: z.enum(BUILT_IN_PROFILE_NAMES).optional(),
		requirements: z.array(z.unknown()).optional(),
	})
	.strict();

/** Words people use for a field, mapped to its canonical key, for "did you mean" suggestions. */
const FIELD_ALIASES: Record<string, string> = {
	zip: 'postalCode',
	zipcode: 'postalCode',
	postcode: 'postalCode',
	postal: 'postalCode',
	state: 'region',
	province: 'region',
	county: 'region',
	mobile: 'phone',
	tel: 'phone',
	telephone: 'phone',
	phonenumber: 'phone',
	mail: 'email',
	emailaddress: 'email',
	time: 'preferredTime',
	appointment: 'preferredTime',
	details: 'message',
	description: 'message',
	notes: 'message',
	street: 'address',
	fullname: 'name',
	firstname: 'name',
	business: 'company',
	organization: 'company',
	priority: 'urgency',
};

/**
 * Validates a profile from JSON text or an object. Every problem names the entry it is in
 * ("requirement 3: unknown field 'zip' (did you mean 'postalCode'?)"), so a user can fix it.
 */
export function parseProfile(value: unknown): ContextProfile {
	const document = readDocument(value);
	const parsed = ContextProfileSchema.safeParse({
		name: document.name ?? (document.extends ? `${document.extends} (extended)` : 'custom'),
		requirements: document.requirements ?? [],
	});
	if (!parsed.success)
		throw new InquiryError('INVALID_PROFILE', describeIssue(parsed.error.issues[0]));
	rejectDuplicates(parsed.data.requirements);
	if (document.extends) {
		return extendProfile(
			BUILT_IN_PROFILES[document.extends],
			parsed.data.requirements,
			parsed.data.name,
		);
	}
	if (parsed.data.requirements.length === 0)
		throw new InquiryError('INVALID_PROFILE', 'the profile has no requirements');
	return parsed.data;
}

function readDocument(value: unknown): z.infer<typeof ProfileDocument> {
	let data = value;
	if (typeof value === 'string') {
		if (value.trim() === '') throw new InquiryError('INVALID_PROFILE', 'the profile is empty');
		const json = parseJsonText(value);
		if (!json.ok)
			throw new InquiryError('INVALID_PROFILE', `the profile is not valid JSON (${json.error})`);
		data = json.value;
	}
	if (Array.isArray(data)) return { requirements: data };
	const parsed = ProfileDocument.safeParse(data);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	if (issue.code === 'invalid_type' && issue.path.length === 0) {
		throw new InquiryError(
			'INVALID_PROFILE',
			'a profile is a list of requirements or an object with "requirements"',
		);
	}
	if (issue.path[0] === 'extends') {
		throw new InquiryError(
			'INVALID_PROFILE',
			`"extends" must be one of ${BUILT_IN_PROFILE_NAMES.map(quote).join(', ')}`,
		);
	}
	throw new InquiryError('INVALID_PROFILE', describeIssue(issue));
}

/** The same field under the same condition twice is almost always a copy-paste slip. */
export function rejectDuplicates(requirements: Requirement[]): void {
	const seen = new Map<string, number>();
	requirements.forEach((requirement, index) => {
		const identity = requirementIdentity(requirement);
		const earlier = seen.get(identity);
		if (earlier !== undefined) {
			throw new InquiryError(
				'INVALID_PROFILE',
				`requirement ${index + 1}: '${requirementKey(requirement)}' is already requirement ${earlier + 1}`,
			);
		}
		seen.set(identity, index);
	});
}

/** Turns the first zod issue into "requirement N: what is wrong". */
export function describeIssue(issue: z.ZodIssue): string {
	const [head, index, ...rest] = issue.path;
	const inRequirement = head === 'requirements' && typeof index === 'number';
	const where = inRequirement ? `requirement ${index + 1}` : issue.path.join('.') || 'profile';
	const path = inRequirement ? rest : issue.path;
	const inCondition = path[0] === 'when';
	const prefix = `${where}: ${inCondition ? 'condition ' : ''}`;

	switch (issue.code) {
		case 'invalid_enum_value': {
			const key = path[path.length - 1];
			if (key === 'level')
				return `${prefix}unknown level '${String(issue.received)}' (use 'required' or 'recommended')`;
			return `${prefix}unknown field '${String(issue.received)}'${suggestion(String(issue.received), inCondition)}`;
		}
		case 'unrecognized_keys':
			return `${prefix}unknown setting ${issue.keys.map(quote).join(', ')}`;
		case 'invalid_type':
			if (path.length === 0)
				return `${where}: should be an object like {"field": "phone"}, not ${issue.received}`;
			return `${prefix}"${path.join('.')}" should be ${issue.expected}, not ${issue.received}`;
		case 'too_small':
			if (path[path.length - 1] === 'anyOf') return `${prefix}"anyOf" needs at least 2 fields`;
			return `${prefix}"${path.join('.')}" ${issue.message.toLowerCase()}`;
		case 'custom':
			return `${where}: ${issue.message}`;
		default:
			return path.length
				? `${prefix}"${path.join('.')}": ${issue.message}`
				: `${prefix}${issue.message}`;
	}
}

function suggestion(received: string, inCondition: boolean): string {
	const known: readonly string[] = inCondition ? CONDITION_FIELDS : CONTEXT_FIELDS;
	const folded = received.toLowerCase().replace(/[^a-z]/g, '');
	const match = known.find((field) => field.toLowerCase() === folded) ?? FIELD_ALIASES[folded];
	if (match) return ` (did you mean '${match}'?)`;
	return ` (known fields: ${known.join(', ')})`;
}

function quote(text: string | number): string {
	return `'${text}'`;
}
