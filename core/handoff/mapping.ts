import { z } from 'zod';
import { InquiryError } from '../shared/errors';
import { Comparator } from './comparators';
import type { FieldPath } from './paths';
import { parsePath } from './paths';

/** One inquiry field paired with where the destination keeps it, and how the two are compared. */
export const FieldMapping = z.object({
	/** The name shown in the receipt and the alert ("phone lost"). */
	field: z.string().trim().min(1),
	/** Where the inquiry holds the value, e.g. "contact.email.address". Empty only for "present". */
	inquiryPath: z.string().trim(),
	/** Where the destination record holds it, e.g. "properties.email" or "fields.Phone". */
	destinationPath: z.string().trim().min(1),
	comparator: Comparator,
	/** For "contains": the fewest characters a truncated message may keep. */
	minKept: z.number().int().min(1).optional(),
});
export type FieldMapping = z.infer<typeof FieldMapping>;

export const DEFAULT_FIELDS = ['name', 'email', 'phone', 'message', 'service', 'owner'] as const;
export type DefaultField = (typeof DEFAULT_FIELDS)[number];

/**
 * Each canonical field to the plain destination field the package's templates write. The phone
 * path is the whole phone record: the comparator reads its E.164 number, or the raw text when the
 * number was not valid. An inquiry without a value (no owner yet, no service) skips that check.
 */
export const DEFAULT_MAPPINGS: Readonly<Record<DefaultField, FieldMapping>> = {
	name: {
		field: 'name',
		inquiryPath: 'contact.name.full',
		destinationPath: 'name',
		comparator: 'normalized',
	},
	email: {
		field: 'email',
		inquiryPath: 'contact.email.address',
		destinationPath: 'email',
		comparator: 'email',
	},
	phone: {
		field: 'phone',
		inquiryPath: 'contact.phone',
		destinationPath: 'phone',
		comparator: 'phone',
	},
	message: {
		field: 'message',
		inquiryPath: 'request.message',
		destinationPath: 'message',
		comparator: 'contains',
	},
	service: {
		field: 'service',
		inquiryPath: 'request.service',
		destinationPath: 'service',
		comparator: 'normalized',
	},
	owner: {
		field: 'owner',
		inquiryPath: 'assignment.owner.id',
		destinationPath: 'ownerId',
		comparator: 'exact',
	},
};

/**
 * The default rows for the chosen fields. `destinationPrefix` puts them where a CRM nests its
 * fields: "properties." for HubSpot, "fields." for Airtable.
 */
export function defaultMappings(
	fields: readonly DefaultField[] = DEFAULT_FIELDS,
	destinationPrefix = '',
): FieldMapping[] {
	const prefix = destinationPrefix.trim();
	const joiner = prefix === '' || prefix.endsWith('.') ? '' : '.';
	return fields.map((name) => {
		const mapping = DEFAULT_MAPPINGS[name];
		if (!mapping)
			throw new InquiryError(
				'INVALID_FIELD_MAPPING',
				`"${name}" is not a default field (use ${DEFAULT_FIELDS.join(', ')})`,
			);
		return { ...mapping, destinationPath: `${prefix}${joiner}${mapping.destinationPath}` };
	});
}

/** A mapping with its paths parsed, ready for the per-item loop. */
export interface CompiledField {
	field: string;
	comparator: Comparator;
	/** Absent for a destination-only "present" check. */
	inquiryPath?: FieldPath;
	destinationPath: FieldPath;
	minKept?: number;
}

/** Validates the rows once per run and parses their paths, so each item only reads and compares. */
export function compileMappings(rows: unknown): CompiledField[] {
	if (!Array.isArray(rows) || rows.length === 0)
		throw new InquiryError('INVALID_FIELD_MAPPING', 'there are no fields to compare');
	const seen = new Set<string>();
	return rows.map((row, index) => {
		const parsed = FieldMapping.safeParse(row);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new InquiryError(
				'INVALID_FIELD_MAPPING',
				`row ${index + 1}, ${issue.path.join('.') || 'value'}: ${issue.message}`,
			);
		}
		const mapping = parsed.data;
		const key = mapping.field.toLowerCase();
		if (seen.has(key))
			throw new InquiryError('INVALID_FIELD_MAPPING', `"${mapping.field}" is listed twice`);
		seen.add(key);
		if (mapping.inquiryPath === '' && mapping.comparator !== 'present') {
			throw new InquiryError(
				'INVALID_FIELD_MAPPING',
				`"${mapping.field}" needs an inquiry field to compare with`,
			);
		}
		const compiled: CompiledField = {
			field: mapping.field,
			comparator: mapping.comparator,
			destinationPath: parsePath(mapping.destinationPath),
		};
		if (mapping.inquiryPath !== '') compiled.inquiryPath = parsePath(mapping.inquiryPath);
		if (mapping.minKept !== undefined) compiled.minKept = mapping.minKept;
		return compiled;
	});
}
