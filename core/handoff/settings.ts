import { InquiryError } from '../shared/errors';
import type { Comparator } from './comparators';
import type { CompiledField, DefaultField } from './mapping';
import { compileMappings, defaultMappings } from './mapping';
import type { FieldPath } from './paths';
import { parsePath } from './paths';

export const DEADLINE_CHOICES = ['sla', 'respondBy', 'none'] as const;
export type DeadlineChoice = (typeof DEADLINE_CHOICES)[number];

export const INQUIRY_SOURCES = ['earlierNode', 'inputItem'] as const;
export type InquirySource = (typeof INQUIRY_SOURCES)[number];

/** One "Fields" row of the node panel, as n8n hands it over. */
export interface FieldRow {
	field?: string;
	inquiryPath?: string;
	destinationPath?: string;
	comparator?: Comparator;
	minKept?: number;
}

/** The node's settings, read once per run. */
export interface HandoffParameters {
	destination: string;
	inquirySource: InquirySource;
	recordField: string;
	recordPath: string;
	recordIdPath: string;
	fieldsMode: 'standard' | 'custom';
	standardFields: DefaultField[];
	destinationPrefix: string;
	fields: { field?: FieldRow[] };
	deadline: DeadlineChoice;
	slaMinutes: number;
}

export interface HandoffSettings {
	destination: string;
	fields: CompiledField[];
	/** Where the input item keeps the record when the inquiry is the input item. */
	recordField?: FieldPath;
	recordPath?: FieldPath;
	recordIdPath?: FieldPath;
	slaMinutes?: number;
	useRespondBy: boolean;
}

const optionalPath = (text: string): FieldPath | undefined =>
	text.trim() === '' ? undefined : parsePath(text);

function customRows(rows: FieldRow[] | undefined): unknown[] {
	return (rows ?? []).map((row) => ({
		field: row.field ?? '',
		inquiryPath: row.inquiryPath ?? '',
		destinationPath: row.destinationPath ?? '',
		comparator: row.comparator ?? 'normalized',
		...(row.comparator === 'contains' && row.minKept !== undefined ? { minKept: row.minKept } : {}),
	}));
}

/** Validates the panel's settings once and parses every path, so each item only reads and compares. */
export function compileHandoffSettings(parameters: HandoffParameters): HandoffSettings {
	const rows =
		parameters.fieldsMode === 'custom'
			? customRows(parameters.fields.field)
			: defaultMappings(parameters.standardFields, parameters.destinationPrefix);
	if (rows.length === 0) {
		throw new InquiryError(
			'INVALID_FIELD_MAPPING',
			parameters.fieldsMode === 'custom'
				? 'add at least one row to Fields'
				: 'choose at least one standard field',
		);
	}
	const settings: HandoffSettings = {
		destination: parameters.destination,
		fields: compileMappings(rows),
		useRespondBy: parameters.deadline === 'respondBy',
	};
	if (parameters.inquirySource === 'inputItem')
		settings.recordField = parsePath(parameters.recordField);
	const recordPath = optionalPath(parameters.recordPath);
	if (recordPath) settings.recordPath = recordPath;
	const recordIdPath = optionalPath(parameters.recordIdPath);
	if (recordIdPath) settings.recordIdPath = recordIdPath;
	if (parameters.deadline !== 'none' && parameters.slaMinutes > 0)
		settings.slaMinutes = parameters.slaMinutes;
	return settings;
}
