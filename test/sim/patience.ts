/**
 * How the simulated day reads n8n and PostgreSQL through a restart and a loaded machine: a call
 * that failed for a passing reason (n8n restarting or starting up, its database check failing
 * under load, a refused or reset connection) is tried again with doubling waits, and every retry
 * is counted for the day's report. Any other failure, or one that outlasts the budget, is thrown
 * with its cause: the day never skips a read.
 */

/** n8n's answers and the socket and psql errors that mean "not now, nothing done". */
const NOT_TAKEN = [
	/ answered 50[234]\b/, // n8n (or the front) not ready: "Database is not ready", a gateway error
	/n8n is starting up/i, // n8n's 200 while it migrates, before any route runs
	// Just after a start, before the public API is mounted, its paths fall through to the editor page.
	/\/api\/v1\/\S* answered 404: <!DOCTYPE html>/i,
	/ECONNREFUSED|Connection refused/i,
	/the database system is (starting up|shutting down)|too many clients/i,
];
/** Failures after which a call may or may not have been done: retried only when repeating is harmless. */
const CUT_OFF = [
	/ECONNRESET|EPIPE|socket hang up|other side closed|UND_ERR_SOCKET/i,
	/TimeoutError|aborted due to timeout/i,
];

/** The messages and codes of an error and its causes. */
function traces(error: unknown): string[] {
	const found: string[] = [];
	for (let at: unknown = error; at instanceof Error && found.length < 8; at = at.cause) {
		found.push(at.name, at.message);
		const code = (at as { code?: unknown }).code;
		if (typeof code === 'string') found.push(code);
	}
	return found;
}

/**
 * Whether a failure is one to wait out. `repeatable`: the call does the same when made twice (a
 * read, a PUT), so a connection cut off mid-call is retried too.
 */
export function isPassing(error: unknown, repeatable: boolean): boolean {
	const patterns = repeatable ? [...NOT_TAKEN, ...CUT_OFF] : NOT_TAKEN;
	return traces(error).some((trace) => patterns.some((pattern) => pattern.test(trace)));
}

/** A short name for a passing failure, the same for every path: "503 Database is not ready", "ECONNREFUSED". */
export function reasonOf(error: unknown): string {
	const all = traces(error);
	const answered = all.map((trace) => / answered (\d{3}): ?(.*)/s.exec(trace)).find(Boolean);
	if (answered) {
		const message = /"message":"([^"]*)"/.exec(answered[2])?.[1] ?? answered[2];
		return `${answered[1]} ${message.split('\n')[0].slice(0, 60)}`.trim();
	}
	const code = all.find((trace) => /^[A-Z][A-Z_]+$/.test(trace));
	return code ?? (all[1] ?? String(error)).split('\n')[0].slice(0, 60);
}

export interface RetryPolicy {
	firstDelayMs: number;
	maxDelayMs: number;
	/** Total wait allowed for one call: longer than n8n's restart with its migrations on a loaded machine. */
	budgetMs: number;
}

export const SIM_RETRY: RetryPolicy = { firstDelayMs: 500, maxDelayMs: 15_000, budgetMs: 600_000 };

/** The wait before retry number `retry` (1, 2, …): doubling from the first, capped. */
export function delayBefore(retry: number, policy: RetryPolicy): number {
	return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (retry - 1));
}

/** What the day's calls needed: how many were retried, how often, the longest wait, and why. */
export interface RetryTally {
	calls: number;
	retriedCalls: number;
	retries: number;
	longestWaitMs: number;
	/** Retries by reason (reasonOf). */
	causes: Record<string, number>;
}

export const emptyTally = (): RetryTally => ({
	calls: 0,
	retriedCalls: 0,
	retries: 0,
	longestWaitMs: 0,
	causes: {},
});

const messageOf = (error: unknown) =>
	(error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 300);

/**
 * Runs `call`, retrying passing failures per `policy` and counting them in `tally`. Throws the
 * last error, named with `what` and how long it was retried, when it is not passing or the
 * budget ran out.
 */
export async function patiently<T>(
	what: string,
	call: () => Promise<T>,
	tally: RetryTally,
	options: { repeatable: boolean; policy?: RetryPolicy },
	sleep: (ms: number) => Promise<void> = async (ms) =>
		await new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
	const policy = options.policy ?? SIM_RETRY;
	tally.calls += 1;
	let waitedMs = 0;
	for (let retry = 1; ; retry++) {
		try {
			return await call();
		} catch (error) {
			const delay = delayBefore(retry, policy);
			if (!isPassing(error, options.repeatable) || waitedMs + delay > policy.budgetMs)
				throw new Error(
					`${what} failed${retry > 1 ? ` after ${retry - 1} retries over ${Math.round(waitedMs / 1000)} s` : ''}: ${messageOf(error)}`,
					{ cause: error },
				);
			if (retry === 1) tally.retriedCalls += 1;
			tally.retries += 1;
			const reason = reasonOf(error);
			tally.causes[reason] = (tally.causes[reason] ?? 0) + 1;
			await sleep(delay);
			waitedMs += delay;
			tally.longestWaitMs = Math.max(tally.longestWaitMs, waitedMs);
		}
	}
}

/** One line for the day's report. */
export function describeTally(tally: RetryTally): string {
	const causes = Object.entries(tally.causes)
		.sort((a, b) => b[1] - a[1])
		.map(([cause, n]) => `${n}× ${cause}`)
		.join('; ');
	return (
		`reads and API calls to n8n and PostgreSQL: ${tally.calls}, ${tally.retriedCalls} retried ` +
		`(${tally.retries} retries, longest wait ${(tally.longestWaitMs / 1000).toFixed(1)} s)` +
		(causes ? `: ${causes}` : '')
	);
}
