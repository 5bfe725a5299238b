import type { RetryPolicy } from './patience';
import { delayBefore, describeTally, emptyTally, isPassing, patiently, reasonOf } from './patience';

const POLICY: RetryPolicy = { firstDelayMs: 500, maxDelayMs: 4000, budgetMs: 10_000 };

/** A failure as undici reports a refused connection: "fetch failed" with the socket error as cause. */
function refused(): Error {
	return new Error('fetch failed', {
		cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5678'), {
			code: 'ECONNREFUSED',
		}),
	});
}
const notReady = () =>
	new Error(
		'GET /api/v1/data-tables answered 503: {"code":503,"message":"Database is not ready!"}',
	);
const startingUp = () =>
	new Error('GET /api/v1/workflows/7 answered 200: n8n is starting up. Please wait');
const timedOut = () =>
	new Error('fetch failed', {
		cause: Object.assign(new Error('The operation was aborted due to timeout'), {
			name: 'TimeoutError',
		}),
	});

/** A call that fails with each error in turn, then returns `value`; counts its calls. */
function failingThen<T>(errors: Error[], value: T) {
	const call = async () => {
		call.count += 1;
		const error = errors.shift();
		if (error) throw error;
		return value;
	};
	call.count = 0;
	return call;
}

/** A sleep that only records the waits asked for. */
function recordedSleep() {
	const waits: number[] = [];
	const sleep = async (ms: number) => {
		waits.push(ms);
	};
	return { waits, sleep };
}

describe('which failures the day waits out', () => {
	it('waits out n8n not ready, starting up, and a refused connection, for any call', () => {
		for (const error of [notReady(), startingUp(), refused()]) {
			expect(isPassing(error, false)).toBe(true);
			expect(isPassing(error, true)).toBe(true);
		}
		expect(
			isPassing(new Error('psql: error: connection to server failed: Connection refused'), false),
		).toBe(true);
		expect(isPassing(new Error('POST /api/v1/credentials answered 502: Bad Gateway'), false)).toBe(
			true,
		);
	});

	it("waits out the editor's page answering an API path before n8n has mounted its API", () => {
		const early = new Error(
			'GET /api/v1/data-tables?limit=250 answered 404: <!DOCTYPE html>\n<html lang="en">',
		);
		expect(isPassing(early, false)).toBe(true);
		expect(
			isPassing(new Error('GET /api/v1/workflows/9 answered 404: {"message":"Not Found"}'), true),
		).toBe(false);
	});

	it('retries a cut-off connection or a timeout only for a call that may be made twice', () => {
		const reset = new Error('fetch failed', {
			cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
		});
		for (const error of [timedOut(), reset]) {
			expect(isPassing(error, true)).toBe(true);
			expect(isPassing(error, false)).toBe(false);
		}
	});

	it('does not wait out an answer that will not change', () => {
		expect(isPassing(new Error('GET /api/v1/workflows/9 answered 404: not found'), true)).toBe(
			false,
		);
		expect(isPassing(new Error('POST /api/v1/workflows answered 400: bad request'), true)).toBe(
			false,
		);
		expect(isPassing(new Error('GET /x answered 500: boom'), true)).toBe(false);
		expect(isPassing('a string', true)).toBe(false);
	});

	it('names a failure the same way for every path', () => {
		expect(reasonOf(notReady())).toBe('503 Database is not ready!');
		expect(reasonOf(startingUp())).toBe('200 n8n is starting up. Please wait');
		expect(reasonOf(refused())).toBe('ECONNREFUSED');
	});
});

describe('the waits between tries', () => {
	it('doubles from the first wait up to the cap', () => {
		expect([1, 2, 3, 4, 5, 6].map((retry) => delayBefore(retry, POLICY))).toEqual([
			500, 1000, 2000, 4000, 4000, 4000,
		]);
	});
});

describe('patiently', () => {
	it('returns the answer after passing failures and counts each retry and its reason', async () => {
		const tally = emptyTally();
		const { waits, sleep } = recordedSleep();
		const call = failingThen([notReady(), refused(), notReady()], ['row']);
		await expect(
			patiently('GET rows', call, tally, { repeatable: true, policy: POLICY }, sleep),
		).resolves.toEqual(['row']);
		expect(call.count).toBe(4);
		expect(waits).toEqual([500, 1000, 2000]);
		expect(tally).toEqual({
			calls: 1,
			retriedCalls: 1,
			retries: 3,
			longestWaitMs: 3500,
			causes: { '503 Database is not ready!': 2, ECONNREFUSED: 1 },
		});
	});

	it('counts a call that worked at once as a call, not a retry', async () => {
		const tally = emptyTally();
		const { waits, sleep } = recordedSleep();
		await patiently(
			'GET rows',
			failingThen([], 1),
			tally,
			{ repeatable: true, policy: POLICY },
			sleep,
		);
		expect(waits).toEqual([]);
		expect(tally).toMatchObject({ calls: 1, retriedCalls: 0, retries: 0 });
	});

	it('throws at once, with the cause, on a failure that will not pass', async () => {
		const tally = emptyTally();
		const { waits, sleep } = recordedSleep();
		const call = failingThen([new Error('GET /x answered 404: gone')], 1);
		await expect(
			patiently('GET /x', call, tally, { repeatable: true, policy: POLICY }, sleep),
		).rejects.toThrow('GET /x failed: GET /x answered 404: gone');
		expect(call.count).toBe(1);
		expect(waits).toEqual([]);
	});

	it('gives up when the next wait would pass the budget, and says how long it tried', async () => {
		const tally = emptyTally();
		const { waits, sleep } = recordedSleep();
		const call = failingThen(Array.from({ length: 10 }, notReady), 1);
		await expect(
			patiently('GET rows', call, tally, { repeatable: true, policy: POLICY }, sleep),
		).rejects.toThrow(/^GET rows failed after 4 retries over 8 s: .*503/);
		// Waited 7.5 s; the next wait, 4 s, would pass the 10 s budget.
		expect(waits).toEqual([500, 1000, 2000, 4000]);
		expect(call.count).toBe(5);
	});

	it('does not retry a timed-out POST that may already have been done', async () => {
		const tally = emptyTally();
		const { sleep } = recordedSleep();
		const call = failingThen([timedOut()], 1);
		await expect(
			patiently('POST /credentials', call, tally, { repeatable: false, policy: POLICY }, sleep),
		).rejects.toThrow('POST /credentials failed: fetch failed');
		expect(tally.retries).toBe(0);
	});
});

describe('the report line', () => {
	it('gives the calls, the retried ones, the retries, the longest wait and the reasons, most first', () => {
		expect(
			describeTally({
				calls: 120,
				retriedCalls: 3,
				retries: 7,
				longestWaitMs: 31_500,
				causes: { ECONNREFUSED: 2, '503 Database is not ready!': 5 },
			}),
		).toBe(
			'reads and API calls to n8n and PostgreSQL: 120, 3 retried (7 retries, longest wait 31.5 s): 5× 503 Database is not ready!; 2× ECONNREFUSED',
		);
		expect(describeTally(emptyTally())).toBe(
			'reads and API calls to n8n and PostgreSQL: 0, 0 retried (0 retries, longest wait 0.0 s)',
		);
	});
});
