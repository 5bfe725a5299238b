import type { FieldPath } from './paths';
import { readPath } from './paths';
import type { AttemptOutcome, HandoffAttempt } from './receipt';

/** What a writer or reader node returned, split into its HTTP status (when known) and body. */
export interface DestinationResponse {
	statusCode?: number;
	body: unknown;
}

/**
 * n8n's HTTP Request node with "Full Response" returns `{ statusCode, headers, body }`; every other
 * node (a CRM node, Data table, Postgres, the HTTP Request node without it) returns the record itself.
 */
export function unwrapResponse(value: unknown): DestinationResponse {
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		const item = value as Record<string, unknown>;
		if (typeof item.statusCode === 'number' && 'body' in item)
			return { statusCode: item.statusCode, body: item.body };
	}
	return { body: value };
}

function parseIfJson(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * The destination record in a response body: at `recordPath` when given (e.g. "data" or "results"),
 * the first entry of a list (a search answers with a list), and undefined when there is none —
 * an empty object (a Data table "get" that found nothing) counts as none.
 */
export function pickRecord(
	body: unknown,
	recordPath?: FieldPath,
): Record<string, unknown> | undefined {
	let value = parseIfJson(body);
	if (recordPath && recordPath.length > 0) value = readPath(value, recordPath);
	if (Array.isArray(value)) value = value[0];
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	return Object.keys(value).length === 0 ? undefined : (value as Record<string, unknown>);
}

/** A record id as text: ids arrive as strings or numbers depending on the system. */
export function readRecordId(value: unknown, path: FieldPath | undefined): string | undefined {
	if (!path || path.length === 0) return undefined;
	const id = readPath(value, path);
	if (typeof id === 'string') return id.trim() === '' ? undefined : id.trim();
	if (typeof id === 'number' && Number.isFinite(id)) return String(id);
	return undefined;
}

/** How one answer counts: a record, nothing (404, or an empty search), or a failure. */
export function attemptOutcome(statusCode: number, record: unknown): AttemptOutcome {
	if (statusCode >= 200 && statusCode < 300) return record === undefined ? 'not_found' : 'found';
	if (statusCode === 404 || statusCode === 410) return 'not_found';
	return 'http_error';
}

export interface HandedRecord {
	record?: Record<string, unknown>;
	recordId?: string;
	statusCode?: number;
	/** Why there is no record to check: the node before failed. */
	error?: string;
	attempt: HandoffAttempt;
}

/** What an error item from the step before says: why it failed, and its HTTP status when it has one. */
export interface FailedStep {
	error: string;
	statusCode?: number;
}

function httpStatusOf(error: Record<string, unknown>): number | undefined {
	for (const key of ['httpCode', 'status', 'statusCode']) {
		const code = Number(error[key]);
		if (Number.isInteger(code) && code >= 100 && code <= 599) return code;
	}
	return undefined;
}

/**
 * The error item a node passes on with "On Error → Continue": `{ error }` (HTTP Request 4.5+ adds
 * `details`) and nothing else. Read as a record it would look like every field was lost.
 */
export function failedStep(value: unknown): FailedStep | undefined {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const item = value as Record<string, unknown>;
	if (!('error' in item) || Object.keys(item).some((key) => key !== 'error' && key !== 'details'))
		return undefined;
	const { error } = item;
	if (typeof error === 'string' && error.trim() !== '') return { error: error.trim() };
	if (error === null || typeof error !== 'object' || Array.isArray(error)) return undefined;
	const fields = error as Record<string, unknown>;
	const message =
		typeof fields.message === 'string' && fields.message.trim() !== ''
			? fields.message.trim()
			: 'no reason given';
	const statusCode = httpStatusOf(fields);
	return statusCode === undefined ? { error: message } : { error: message, statusCode };
}

function failedStepRecord(failed: FailedStep, now: Date): HandedRecord {
	const attempt: HandoffAttempt = { at: now.toISOString(), outcome: 'step_failed' };
	if (failed.statusCode !== undefined) attempt.statusCode = failed.statusCode;
	const handed: HandedRecord = { attempt };
	if (failed.statusCode !== undefined) handed.statusCode = failed.statusCode;
	// A 404 from the step before is an answer (no such record), not a failure to check.
	if (failed.statusCode !== 404 && failed.statusCode !== 410)
		handed.error = `the step before failed: ${failed.error}`;
	return handed;
}

/**
 * The record in what a writer or reader node returned, for the modes that do not fetch it
 * themselves: its status when there is one, the record, and its id (from the record, else the body).
 * An error item from the step before becomes that error, never a record.
 */
export function readHandedRecord(
	value: unknown,
	paths: { recordPath?: FieldPath; recordIdPath?: FieldPath },
	now: Date,
): HandedRecord {
	const failed = failedStep(value);
	if (failed) return failedStepRecord(failed, now);
	const { statusCode, body } = unwrapResponse(value);
	const record = pickRecord(body, paths.recordPath);
	const recordId =
		readRecordId(record, paths.recordIdPath) ?? readRecordId(body, paths.recordIdPath);
	const outcome: AttemptOutcome =
		statusCode === undefined
			? record
				? 'found'
				: 'not_found'
			: attemptOutcome(statusCode, record);
	const attempt: HandoffAttempt = { at: now.toISOString(), outcome };
	if (statusCode !== undefined) attempt.statusCode = statusCode;
	const handed: HandedRecord = { attempt };
	if (record) handed.record = record;
	if (recordId !== undefined) handed.recordId = recordId;
	if (statusCode !== undefined) handed.statusCode = statusCode;
	return handed;
}
