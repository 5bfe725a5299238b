import { InquiryError } from '../shared/errors';
import { parsePath } from './paths';
import type { ReadBackIo, ReadBackReply } from './readBack';
import {
	fillUrlTemplate,
	isRetryable,
	joinUrl,
	parseUrlTemplate,
	readBack,
	retryDelayMs,
	writeFailedWithoutId,
} from './readBack';
import { janeRecord, janeRoe } from './test/inquiry';

/** A scripted destination: each call answers with the next reply; time moves only by waits and latency. */
function scripted(replies: ReadBackReply[], latencyMs = 20) {
	let clock = Date.parse('2026-03-02T15:01:00.000Z');
	const waits: number[] = [];
	const urls: string[] = [];
	const io: ReadBackIo = {
		send: async (url) => {
			urls.push(url);
			clock += latencyMs;
			return replies[Math.min(urls.length - 1, replies.length - 1)];
		},
		wait: async (ms) => {
			waits.push(ms);
			clock += ms;
		},
		now: () => new Date(clock),
	};
	return { io, waits, urls };
}

const plan = { url: 'http://127.0.0.1/contacts/rec-42', attempts: 4, retryDelayMs: 100 };

describe('readBack', () => {
	it('retries with backoff until the record appears', async () => {
		const { io, waits } = scripted([
			{ ok: true, statusCode: 404, body: 'Not Found' },
			{ ok: true, statusCode: 404, body: '' },
			{ ok: true, statusCode: 200, body: janeRecord() },
		]);
		const result = await readBack(plan, io);
		expect(result.record).toEqual(janeRecord());
		expect(result.statusCode).toBe(200);
		expect(waits).toEqual([100, 200]);
		expect(result.attempts).toEqual([
			{ at: '2026-03-02T15:01:00.000Z', statusCode: 404, outcome: 'not_found', ms: 20 },
			{ at: '2026-03-02T15:01:00.120Z', statusCode: 404, outcome: 'not_found', ms: 20 },
			{ at: '2026-03-02T15:01:00.340Z', statusCode: 200, outcome: 'found', ms: 20 },
		]);
	});

	it('gives up after the last attempt: 404 leaves no record and no error (missing)', async () => {
		const { io, urls } = scripted([{ ok: true, statusCode: 404, body: {} }]);
		const result = await readBack(plan, io);
		expect(urls).toHaveLength(4);
		expect(result).toMatchObject({ statusCode: 404 });
		expect(result.record).toBeUndefined();
		expect(result.error).toBeUndefined();
	});

	it('treats an empty search answer as not found, and reads the record under its path', async () => {
		const empty = await readBack(
			{ ...plan, attempts: 1, recordPath: parsePath('results') },
			scripted([{ ok: true, statusCode: 200, body: { results: [] } }]).io,
		);
		expect(empty.attempts.map((a) => a.outcome)).toEqual(['not_found']);
		const found = await readBack(
			{ ...plan, recordPath: parsePath('results') },
			scripted([{ ok: true, statusCode: 200, body: { results: [{ id: 9 }] } }]).io,
		);
		expect(found.record).toEqual({ id: 9 });
	});

	it('reports a server error with its status after retrying', async () => {
		const { io, urls } = scripted([{ ok: true, statusCode: 500, body: 'boom' }]);
		const result = await readBack({ ...plan, attempts: 2 }, io);
		expect(urls).toHaveLength(2);
		expect(result).toMatchObject({ statusCode: 500, error: 'the destination answered HTTP 500' });
	});

	it('does not retry an answer waiting cannot fix (401, 400)', async () => {
		const { io, urls } = scripted([{ ok: true, statusCode: 401, body: {} }]);
		const result = await readBack(plan, io);
		expect(urls).toHaveLength(1);
		expect(result).toMatchObject({ statusCode: 401, error: 'the destination answered HTTP 401' });
	});

	it('reports a timeout as an error without a status, and recovers when a later attempt answers', async () => {
		const timeout = {
			ok: false as const,
			reason: 'timeout' as const,
			error: 'no answer within 500 ms',
		};
		const failed = await readBack({ ...plan, attempts: 2 }, scripted([timeout]).io);
		expect(failed).toMatchObject({ error: 'no answer within 500 ms' });
		expect(failed.statusCode).toBeUndefined();
		expect(failed.attempts.map((a) => a.outcome)).toEqual(['timeout', 'timeout']);
		const recovered = await readBack(
			plan,
			scripted([timeout, { ok: true, statusCode: 200, body: { id: 1 } }]).io,
		);
		expect(recovered.error).toBeUndefined();
		expect(recovered.record).toEqual({ id: 1 });
	});

	it('bounds the attempts to 1–10', async () => {
		const many = scripted([{ ok: true, statusCode: 404, body: {} }]);
		await readBack({ ...plan, attempts: 50, retryDelayMs: 0 }, many.io);
		expect(many.urls).toHaveLength(10);
		const none = scripted([{ ok: true, statusCode: 404, body: {} }]);
		await readBack({ ...plan, attempts: 0 }, none.io);
		expect(none.urls).toHaveLength(1);
	});
});

describe('backoff and retry rules', () => {
	it('doubles the wait and never exceeds 30 s', () => {
		expect([0, 1, 2, 3].map((i) => retryDelayMs(i, 1000))).toEqual([1000, 2000, 4000, 8000]);
		expect(retryDelayMs(9, 1000)).toBe(30_000);
		expect(retryDelayMs(0, -5)).toBe(0);
	});

	it('retries not-found, timeouts, network errors, 408, 429 and 5xx only', () => {
		expect(isRetryable('not_found', 404)).toBe(true);
		expect(isRetryable('timeout')).toBe(true);
		expect(isRetryable('network_error')).toBe(true);
		expect([408, 429, 500, 503].every((code) => isRetryable('http_error', code))).toBe(true);
		expect([400, 401, 403, 422].some((code) => isRetryable('http_error', code))).toBe(false);
		expect(isRetryable('found', 200)).toBe(false);
	});
});

describe('URL templates', () => {
	const jane = janeRoe();

	it('fills the record id, short names and inquiry paths, encoded', () => {
		expect(fillUrlTemplate(parseUrlTemplate('/contacts/{recordId}'), jane, 'rec 42/x')).toBe(
			'/contacts/rec%2042%2Fx',
		);
		expect(
			fillUrlTemplate(parseUrlTemplate('/contacts?email={email}&phone={phone}'), jane, undefined),
		).toBe('/contacts?email=jane.roe%40example.com&phone=%2B14155550123');
		expect(
			fillUrlTemplate(parseUrlTemplate('/inquiries/{inquiryId}?name={ name }'), jane, undefined),
		).toBe('/inquiries/inq-jane?name=Jane%20Roe');
		expect(fillUrlTemplate(parseUrlTemplate('/x?s={request.service}'), jane, undefined)).toBe(
			'/x?s=Water%20Heater%20Repair',
		);
		expect(fillUrlTemplate(parseUrlTemplate('/plain'), jane, undefined)).toBe('/plain');
	});

	it('refuses a placeholder without a value, an object value, or a prototype path', () => {
		expect(() =>
			fillUrlTemplate(parseUrlTemplate('/contacts/{recordId}'), jane, undefined),
		).toThrow('no record id was found');
		expect(() =>
			fillUrlTemplate(parseUrlTemplate('/c?company={contact.company}'), jane, undefined),
		).toThrow('{contact.company}: this inquiry has no such value');
		expect(() => fillUrlTemplate(parseUrlTemplate('/c/{contact}'), jane, undefined)).toThrow(
			InquiryError,
		);
		expect(() => parseUrlTemplate('/c/{constructor.prototype}')).toThrow(
			'"constructor" is not allowed',
		);
	});

	it('joins paths to the base URL and refuses other hosts', () => {
		expect(joinUrl('https://api.example.com/v1/', '/contacts/1')).toBe(
			'https://api.example.com/v1/contacts/1',
		);
		expect(joinUrl('https://api.example.com/v1', 'contacts/1')).toBe(
			'https://api.example.com/v1/contacts/1',
		);
		expect(joinUrl('https://api.example.com/v1', '?id=1')).toBe('https://api.example.com/v1?id=1');
		expect(joinUrl('https://api.example.com/v1', 'https://api.example.com/v1/contacts/1')).toBe(
			'https://api.example.com/v1/contacts/1',
		);
		expect(() => joinUrl('https://api.example.com/v1', 'https://evil.example.net/steal')).toThrow(
			"is not on the credential's base URL",
		);
		expect(() => joinUrl('https://api.example.com/v1', 'https://api.example.com/v10/x')).toThrow(
			InquiryError,
		);
	});
});

describe('writeFailedWithoutId', () => {
	const byId = parseUrlTemplate('/contacts/{recordId}');
	const bySearch = parseUrlTemplate('/contacts?email={email}');
	const refused = { statusCode: 500, headers: {}, body: { message: 'Internal Server Error' } };

	it('skips the read-back only when the id is needed, missing, and the write failed', () => {
		expect(writeFailedWithoutId(byId, refused, undefined)).toBe(true);
		expect(writeFailedWithoutId(byId, { statusCode: 404, body: 'Not Found' }, undefined)).toBe(
			true,
		);
		expect(
			writeFailedWithoutId(byId, { error: { message: 'Bad gateway', httpCode: '502' } }, undefined),
		).toBe(true);
	});

	it('still reads back by search, with an id, or when the write did not fail', () => {
		expect(writeFailedWithoutId(bySearch, refused, undefined)).toBe(false);
		expect(writeFailedWithoutId(byId, refused, 'c-7')).toBe(false);
		expect(writeFailedWithoutId(byId, { statusCode: 201, body: {} }, undefined)).toBe(false);
		expect(writeFailedWithoutId(byId, { name: 'no status at all' }, undefined)).toBe(false);
	});
});
