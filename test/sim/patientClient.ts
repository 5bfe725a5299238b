import type { WebhookCall, WebhookResponse } from '../e2e/harness/client';
import { N8nClient } from '../e2e/harness/client';
import type { WebhookEndpoint } from '../e2e/harness/workflow';
import { N8N_STARTING_UP } from './observed';
import type { RetryTally } from './patience';
import { patiently } from './patience';

/** Calls that do the same when made twice, though sent as POST. */
const REPEATABLE_POST = /\/(publish|activate|unpublish|deactivate)$/;

/**
 * The day's client for n8n: its public API calls, webhook waits and the sweep's webhook post,
 * each retried with patience.ts through a restart, n8n's start-up and its database check failing
 * under load, and counted in `tally`. The vendors' deliveries do not go through it (sender.ts).
 */
export class PatientClient extends N8nClient {
	constructor(
		baseUrl: string,
		readonly tally: RetryTally,
	) {
		super(baseUrl);
	}

	override async api<T>(method: string, path: string, body?: unknown): Promise<T> {
		return await patiently(
			`${method} /api/v1${path}`,
			async () => await super.api<T>(method, path, body),
			this.tally,
			{ repeatable: method !== 'POST' || REPEATABLE_POST.test(path) },
		);
	}

	override async waitForWebhook(
		path: string,
		timeoutMs?: number,
		prefix?: WebhookEndpoint['prefix'],
		method?: string,
	): Promise<void> {
		await patiently(
			`waiting for /${prefix ?? 'webhook'}/${path}`,
			async () => await super.waitForWebhook(path, timeoutMs, prefix, method),
			this.tally,
			{ repeatable: true },
		);
	}

	/** A webhook post that n8n did not take (not ready, starting up) is sent again. */
	override async postWebhook(path: string, call: WebhookCall = {}): Promise<WebhookResponse> {
		const what = `${call.method ?? 'POST'} /${call.prefix ?? 'webhook'}/${path}`;
		return await patiently(
			what,
			async () => {
				const response = await super.postWebhook(path, call);
				const notTaken =
					(response.status >= 502 && response.status <= 504) ||
					response.text.startsWith(N8N_STARTING_UP);
				if (notTaken)
					throw new Error(`${what} answered ${response.status}: ${response.text.slice(0, 200)}`);
				return response;
			},
			this.tally,
			{ repeatable: false },
		);
	}
}
