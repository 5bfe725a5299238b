import type { Inquiry } from '../inquiry/schema';
import { InquiryError } from '../shared/errors';
import { asText, isEmptyValue } from './comparators';
import type { FieldPath } from './paths';
import { parsePath, readPath } from './paths';
import type { AttemptOutcome, HandoffAttempt } from './receipt';
import { attemptOutcome, failedStep, pickRecord, unwrapResponse } from './response';

/** The most looks one item may take, and the longest wait between two, whatever is configured. */
export const MAX_ATTEMPTS = 10;
export const MAX_RETRY_DELAY_MS = 30_000;

/** Short names a URL template may use; any other `{name}` is read as a path in the inquiry. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
	email: 'contact.email.address',
	phone: 'contact.phone.e164',
	name: 'contact.name.full',
	inquiryId: 'id',
};

type UrlPart = { text: string } | { placeholder: string; path?: FieldPath };
export type UrlTemplate = readonly UrlPart[];

/** Parses "/contacts/{recordId}" or "/contacts?email={email}" once per run. */
export function parseUrlTemplate(template: string): UrlTemplate {
	const parts: UrlPart[] = [];
	let last = 0;
	for (const match of template.matchAll(/\{([^{}]+)\}/g)) {
		if (match.index > last) parts.push({ text: template.slice(last, match.index) });
		const placeholder = match[1].trim();
		if (placeholder === 'recordId') parts.push({ placeholder });
		else parts.push({ placeholder, path: parsePath(SHORT_NAMES[placeholder] ?? placeholder) });
		last = match.index + match[0].length;
	}
	if (last < template.length) parts.push({ text: template.slice(last) });
	return parts;
}

/** The URL for one inquiry, each placeholder URL-encoded. A placeholder without a value is an error. */
export function fillUrlTemplate(
	template: UrlTemplate,
	inquiry: Inquiry,
	recordId: string | undefined,
): string {
	let url = '';
	for (const part of template) {
		if ('text' in part) {
			url += part.text;
			continue;
		}
		const value = part.path ? readPath(inquiry, part.path) : recordId;
		if (isEmptyValue(value) || (typeof value === 'object' && value !== null)) {
			const why = part.path
				? 'this inquiry has no such value'
				: 'no record id was found in the input item';
			throw new InquiryError('INVALID_URL_TEMPLATE', `{${part.placeholder}}: ${why}`);
		}
		url += encodeURIComponent(asText(value));
	}
	return url;
}

/**
 * Whether reading back is pointless: the URL needs `{recordId}`, the write returned none, and it
 * failed (HTTP 4xx/5xx with Full Response and Never Error, or an error item). The write's
 * own answer is then all there is to report. A search URL is still read: a write that answered 500
 * may have stored the record anyway.
 */
export function writeFailedWithoutId(
	template: UrlTemplate,
	writeResponse: unknown,
	recordId: string | undefined,
): boolean {
	if (
		recordId !== undefined ||
		!template.some((part) => 'placeholder' in part && part.placeholder === 'recordId')
	)
		return false;
	if (failedStep(writeResponse)) return true;
	const { statusCode } = unwrapResponse(writeResponse);
	return statusCode !== undefined && statusCode >= 400;
}

/** The text without its trailing slashes; a loop, because /\/+$/ backtracks on long runs of "/". */
function withoutTrailingSlashes(text: string): string {
	let end = text.length;
	while (end > 0 && text[end - 1] === '/') end--;
	return text.slice(0, end);
}

/**
 * The full URL on the credential's base URL. An absolute URL is accepted only when it starts with
 * the base URL, so the credential is never sent to another host.
 */
export function joinUrl(baseUrl: string, path: string): string {
	const base = withoutTrailingSlashes(baseUrl.trim());
	const target = path.trim();
	if (/^https?:\/\//i.test(target)) {
		if (target === base || target.startsWith(`${base}/`) || target.startsWith(`${base}?`))
			return target;
		throw new InquiryError(
			'INVALID_URL_TEMPLATE',
			`"${target}" is not on the credential's base URL ${base}`,
		);
	}
	if (target === '') return base;
	return `${base}${target.startsWith('/') || target.startsWith('?') ? '' : '/'}${target}`;
}

/**
 * Worth another look: eventually consistent systems show a record late, and busy ones answer
 * 429 or 5xx for a while. Other 4xx answers (bad key, bad URL) will not improve by waiting.
 */
export function isRetryable(outcome: AttemptOutcome, statusCode?: number): boolean {
	if (outcome === 'found') return false;
	if (outcome !== 'http_error') return true;
	return (
		statusCode !== undefined &&
		(statusCode === 408 || statusCode === 425 || statusCode === 429 || statusCode >= 500)
	);
}

/** Bounded exponential backoff: the base wait, doubled for each retry, never above 30 s. */
export function retryDelayMs(retryIndex: number, baseMs: number): number {
	return Math.min(Math.max(0, baseMs) * 2 ** retryIndex, MAX_RETRY_DELAY_MS);
}

/** One GET's answer: any HTTP status is an answer; no answer at all is a failure with its reason code. */
export type ReadBackReply =
	| { ok: true; statusCode: number; body: unknown }
	| { ok: false; reason: 'timeout' | 'network_error'; error: string };

/** The outside world, injected: n8n's HTTP helper and `sleep` in the node, plain functions in tests. */
export interface ReadBackIo {
	send(url: string): Promise<ReadBackReply>;
	wait(ms: number): Promise<void>;
	now(): Date;
}

export interface ReadBackPlan {
	url: string;
	attempts: number;
	retryDelayMs: number;
	/** Where the record sits in the response body, e.g. "data" or "results". */
	recordPath?: FieldPath;
}

export interface ReadBackResult {
	record?: Record<string, unknown>;
	statusCode?: number;
	error?: string;
	attempts: HandoffAttempt[];
}

/** Reads the record back, retrying with backoff while it is not there yet or the destination is busy. */
export async function readBack(plan: ReadBackPlan, io: ReadBackIo): Promise<ReadBackResult> {
	const attempts: HandoffAttempt[] = [];
	const allowed = Math.min(Math.max(1, Math.floor(plan.attempts)), MAX_ATTEMPTS);
	let statusCode: number | undefined;
	let error: string | undefined;
	for (let index = 0; index < allowed; index++) {
		if (index > 0) await io.wait(retryDelayMs(index - 1, plan.retryDelayMs));
		const started = io.now();
		const reply = await io.send(plan.url);
		const attempt: HandoffAttempt = {
			at: started.toISOString(),
			outcome: 'not_found',
			ms: io.now().getTime() - started.getTime(),
		};
		let record: Record<string, unknown> | undefined;
		if (!reply.ok) {
			attempt.outcome = reply.reason;
			statusCode = undefined;
			error = reply.error;
		} else {
			record = pickRecord(reply.body, plan.recordPath);
			attempt.statusCode = reply.statusCode;
			attempt.outcome = attemptOutcome(reply.statusCode, record);
			statusCode = reply.statusCode;
			error =
				attempt.outcome === 'http_error'
					? `the destination answered HTTP ${reply.statusCode}`
					: undefined;
		}
		attempts.push(attempt);
		if (attempt.outcome === 'found') return { record, statusCode, attempts };
		if (!isRetryable(attempt.outcome, statusCode)) break;
	}
	const result: ReadBackResult = { attempts };
	if (statusCode !== undefined) result.statusCode = statusCode;
	if (error !== undefined) result.error = error;
	return result;
}
