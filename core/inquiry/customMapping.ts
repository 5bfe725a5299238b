import { z } from 'zod';
import { ERROR_CATALOG, InquiryError } from '../shared/errors';
import type { InquiryDraft } from './draft';
import type { CustomField } from './receive/customDraft';
import { CUSTOM_FIELDS, customDraftFrom } from './receive/customDraft';

const FIELD_KEYS = Object.keys(CUSTOM_FIELDS) as [CustomField, ...CustomField[]];

/** One Custom Mapping row: a canonical field and the value its expression resolved to. */
export const CustomMappingRow = z.object({
	field: z.enum(FIELD_KEYS),
	// Expressions resolve to numbers too (a numeric record id, a phone stored as a number).
	value: z.union([z.string(), z.number().finite().transform(String)]).nullish(),
});
export type CustomMappingRow = z.infer<typeof CustomMappingRow>;

export const CustomMapping = z.array(CustomMappingRow);
export type CustomMapping = z.infer<typeof CustomMapping>;

/**
 * Custom Mapping rows → the draft normalizeInquiry cleans like any preset's. Rows are checked once
 * (a configuration, not per-item data); an error names the row, counted from 1 as the panel shows it.
 */
export function customMappingToDraft(rows: unknown): Partial<InquiryDraft> {
	if (!Array.isArray(rows))
		throw new InquiryError(
			'INVALID_CUSTOM_MAPPING',
			'the mapping must be a list of { field, value } rows',
		);
	const valid: CustomMapping = [];
	rows.forEach((row, index) => {
		const parsed = CustomMappingRow.safeParse(row);
		if (!parsed.success) throw rowError(index, rowProblem(row));
		// The value checks (a channel name) live with the conversion: run it per row to name the row.
		try {
			customDraftFrom([{ field: parsed.data.field, value: parsed.data.value }]);
		} catch (error) {
			throw error instanceof InquiryError
				? rowError(
						index,
						error.message.replace(`${ERROR_CATALOG.INVALID_CUSTOM_MAPPING.message}: `, ''),
					)
				: error;
		}
		valid.push(parsed.data);
	});
	return customDraftFrom(valid.map(({ field, value }) => ({ field, value })));
}

function rowError(index: number, problem: string): InquiryError {
	return new InquiryError('INVALID_CUSTOM_MAPPING', `row ${index + 1}: ${problem}`);
}

function rowProblem(row: unknown): string {
	if (row === null || typeof row !== 'object' || Array.isArray(row))
		return 'expected { field, value }';
	const { field, value } = row as { field?: unknown; value?: unknown };
	if (typeof field !== 'string' || !Object.prototype.hasOwnProperty.call(CUSTOM_FIELDS, field)) {
		return `unknown inquiry field "${String(field)}"; use one of ${FIELD_KEYS.join(', ')}`;
	}
	return `the value for "${field}" must be text or a number, not ${Array.isArray(value) ? 'a list' : typeof value}`;
}
