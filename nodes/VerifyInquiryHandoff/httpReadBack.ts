import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type { ReadBackIo, ReadBackReply } from '../../core/handoff/readBack';

export const CREDENTIAL_TYPE = 'handoffDestinationApi';

/** Whether a failed request ran out of time (axios says ECONNABORTED or ETIMEDOUT, possibly wrapped). */
function isTimeout(error: unknown): boolean {
	let current = error;
	for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return true;
		if (typeof message === 'string' && /timeout|timed out/i.test(message)) return true;
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}

function failureOf(error: unknown, timeoutMs: number): ReadBackReply {
	if (isTimeout(error))
		return { ok: false, reason: 'timeout', error: `no answer within ${timeoutMs} ms` };
	const message = error instanceof Error ? error.message : String(error);
	return {
		ok: false,
		reason: 'network_error',
		error: `the destination could not be reached (${message})`,
	};
}

/**
 * The read-back's outside world in n8n: GET through the "Handoff Destination API" credential,
 * every status returned rather than thrown, and n8n-workflow's `sleep` between attempts.
 */
export function httpReadBackIo(ctx: IExecuteFunctions, timeoutMs: number): ReadBackIo {
	return {
		send: async (url) => {
			try {
				const response = (await ctx.helpers.httpRequestWithAuthentication.call(
					ctx,
					CREDENTIAL_TYPE,
					{
						method: 'GET',
						url,
						json: true,
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
						timeout: timeoutMs,
					},
				)) as { statusCode?: unknown; body?: unknown };
				return { ok: true, statusCode: Number(response.statusCode), body: response.body };
			} catch (error) {
				return failureOf(error, timeoutMs);
			}
		},
		wait: async (ms) => await sleep(ms),
		now: () => new Date(),
	};
}
