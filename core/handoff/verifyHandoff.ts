import type { Inquiry } from '../inquiry/schema';
import { handoffAlert } from './alert';
import { asText, compareField, isEmptyValue } from './comparators';
import type { CompiledField } from './mapping';
import { readPath } from './paths';
import type { FieldChange, HandoffAttempt, HandoffReceipt, HandoffStatus } from './receipt';

export interface VerifyHandoffOptions {
	/** The system checked, as people call it ("HubSpot"). */
	destination: string;
	now: Date;
	/** The looks taken at the destination; one for a response or a record handed in. */
	attempts?: HandoffAttempt[];
	/** The destination's HTTP status, when known: 404/410 mean missing, other 4xx/5xx an error. */
	statusCode?: number;
	/** Why the destination could not be checked (timeout, network failure). */
	error?: string;
	recordId?: string;
	/** Minutes after `receivedAt` by which the record must be there. */
	slaMinutes?: number;
	/** Use the owner's `assignment.respondBy` as the deadline (falls back to `slaMinutes`). */
	useRespondBy?: boolean;
}

export interface FieldComparison {
	matched: string[];
	lost: string[];
	changed: FieldChange[];
}

const MAX_SHOWN_VALUE = 200;
const DEFAULT_DESTINATION = 'the system of record';

function shown(value: unknown): string {
	const text = asText(value);
	return text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE - 1)}…` : text;
}

/**
 * Compares each mapped field. A field the inquiry does not have is skipped (nothing could be
 * lost); a destination-only "present" row is always checked.
 */
export function compareFields(
	inquiry: unknown,
	record: unknown,
	fields: readonly CompiledField[],
): FieldComparison {
	const result: FieldComparison = { matched: [], lost: [], changed: [] };
	for (const field of fields) {
		const expected = field.inquiryPath ? readPath(inquiry, field.inquiryPath) : undefined;
		if (field.inquiryPath && isEmptyValue(expected)) continue;
		const actual = readPath(record, field.destinationPath);
		const verdict = compareField(field.comparator, expected, actual, field.minKept);
		if (verdict === 'matched') result.matched.push(field.field);
		else if (verdict === 'lost') result.lost.push(field.field);
		else
			result.changed.push({ field: field.field, expected: shown(expected), actual: shown(actual) });
	}
	return result;
}

/** When the record had to be there: the owner's respond-by time, else the SLA after receipt. */
export function handoffDeadline(
	inquiry: Inquiry,
	receivedMs: number,
	options: VerifyHandoffOptions,
): number | undefined {
	if (options.useRespondBy) {
		const respondBy = (inquiry as { assignment?: { respondBy?: unknown } }).assignment?.respondBy;
		const at = typeof respondBy === 'string' ? Date.parse(respondBy) : NaN;
		if (!Number.isNaN(at)) return at;
	}
	if (options.slaMinutes !== undefined && options.slaMinutes > 0 && !Number.isNaN(receivedMs)) {
		return receivedMs + options.slaMinutes * 60_000;
	}
	return undefined;
}

function errorFor(statusCode: number | undefined, error: string | undefined): string | undefined {
	if (error !== undefined) return error;
	if (statusCode === undefined || statusCode < 400 || statusCode === 404 || statusCode === 410)
		return undefined;
	return `the destination answered HTTP ${statusCode}`;
}

function hasRecord(record: unknown): boolean {
	return (
		record !== null &&
		typeof record === 'object' &&
		!Array.isArray(record) &&
		Object.keys(record).length > 0
	);
}

/**
 * The receipt for one inquiry: whether its record reached the destination, intact and in time.
 * `record` is what the destination holds (undefined when nothing was found). Never "verified"
 * without a record, and never for an error status.
 */
export function verifyHandoff(
	inquiry: Inquiry,
	record: unknown,
	fields: readonly CompiledField[],
	options: VerifyHandoffOptions,
): HandoffReceipt {
	const checkedMs = options.now.getTime();
	const receivedMs = Date.parse(inquiry.receivedAt);
	const deadlineMs = handoffDeadline(inquiry, receivedMs, options);
	const error = errorFor(options.statusCode, options.error);
	const found =
		error === undefined &&
		hasRecord(record) &&
		options.statusCode !== 404 &&
		options.statusCode !== 410;
	const comparison = found
		? compareFields(inquiry, record, fields)
		: { matched: [], lost: [], changed: [] };

	let status: HandoffStatus;
	if (error !== undefined) status = 'error';
	else if (!found) status = 'missing';
	else if (comparison.lost.length > 0 || comparison.changed.length > 0) status = 'mismatch';
	else if (deadlineMs !== undefined && checkedMs > deadlineMs) status = 'late';
	else status = 'verified';

	const receipt: HandoffReceipt = {
		status,
		destination: options.destination.trim() || DEFAULT_DESTINATION,
		matched: comparison.matched,
		lost: comparison.lost,
		changed: comparison.changed,
		transferMs: Number.isNaN(receivedMs) ? 0 : Math.max(0, checkedMs - receivedMs),
		checkedAt: options.now.toISOString(),
		attempts: options.attempts ?? [],
	};
	if (options.recordId !== undefined) receipt.recordId = options.recordId;
	if (deadlineMs !== undefined) receipt.deadline = new Date(deadlineMs).toISOString();
	if (options.statusCode !== undefined) receipt.statusCode = options.statusCode;
	if (error !== undefined) receipt.error = error;
	if (status !== 'verified') receipt.alert = handoffAlert(inquiry, receipt);
	return receipt;
}
