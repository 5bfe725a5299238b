const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retries `check` until it passes or `timeoutMs` ran out (then its last error is thrown): for what
 * another execution writes after the request was answered (an Outbox receipt, a ladder's move).
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await check();
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await sleep(250);
		}
	}
}
