/** A small client for one running n8n: the owner's REST session, the public API, webhooks. */
import type { Execution, WebhookEndpoint, WorkflowDefinition } from './workflow';
import { publicWorkflowBody, webhookEndpoints } from './workflow';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface WebhookCall {
	/** Sent as JSON unless rawBody is given. */
	body?: unknown;
	/** Exact bytes to send (signed payloads, form encoding); wins over body. */
	rawBody?: string | Buffer;
	contentType?: string;
	headers?: Record<string, string>;
	method?: string;
	/** 'webhook' (published, the default) or 'webhook-test'. */
	prefix?: string;
}

export interface WebhookResponse {
	status: number;
	headers: Headers;
	text: string;
	/** The body parsed as JSON, when it is JSON. */
	json: unknown;
}

const FINISHED_STATUSES = new Set(['success', 'error', 'crashed', 'canceled']);
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export class N8nClient {
	private cookie = '';

	apiKey = '';

	constructor(readonly baseUrl: string) {}

	private async call(url: string, init: RequestInit, what: string): Promise<unknown> {
		const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
		const text = await response.text();
		if (!response.ok) throw new Error(`${what} answered ${response.status}: ${text.slice(0, 500)}`);
		// While it migrates after a start, n8n answers every path with a 200 and this text.
		if (text.startsWith('n8n is starting up'))
			throw new Error(`${what} answered ${response.status}: ${text.slice(0, 100)}`);
		const setCookie = response.headers
			.getSetCookie()
			.find((cookie) => cookie.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		return text ? (JSON.parse(text) as unknown) : undefined;
	}

	/** n8n's internal REST API as the logged-in owner (what the editor uses); unwraps `data`. */
	async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		const headers: Record<string, string> = {
			cookie: this.cookie,
			'content-type': 'application/json',
			'browser-id': 'inquiry-e2e',
		};
		const result = (await this.call(
			`${this.baseUrl}/rest${path}`,
			{ method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
			`${method} /rest${path}`,
		)) as { data: T };
		return result?.data;
	}

	/** The public API (/api/v1) with the API key. */
	async api<T>(method: string, path: string, body?: unknown): Promise<T> {
		const headers = {
			'X-N8N-API-KEY': this.apiKey,
			'content-type': 'application/json',
			accept: 'application/json',
		};
		return (await this.call(
			`${this.baseUrl}/api/v1${path}`,
			{ method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
			`${method} /api/v1${path}`,
		)) as T;
	}

	/** The node or credential type descriptions the editor loads (GET /types/<kind>.json, owner only). */
	async types<T = Array<{ name: string; displayName: string; version?: number | number[] }>>(
		kind: 'nodes' | 'credentials',
	): Promise<T> {
		return (await this.call(
			`${this.baseUrl}/types/${kind}.json`,
			{ headers: { cookie: this.cookie } },
			`GET /types/${kind}.json`,
		)) as T;
	}

	/** Creates the instance owner on a fresh n8n (the editor's first-run form), logged in after. */
	async setupOwner(owner: Owner): Promise<void> {
		await this.rest('POST', '/owner/setup', owner);
	}

	async login(owner: Pick<Owner, 'email' | 'password'>): Promise<void> {
		await this.rest('POST', '/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
	}

	/** A fresh API key with every scope the instance offers; kept on this client. */
	async createApiKey(label: string): Promise<string> {
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes').catch(() => undefined);
		const created = await this.rest<{ rawApiKey?: string; apiKey?: string }>('POST', '/api-keys', {
			label,
			expiresAt: null,
			...(scopes ? { scopes } : {}),
		});
		this.apiKey = created.rawApiKey ?? created.apiKey ?? '';
		if (!this.apiKey) throw new Error('n8n created an API key but did not return it');
		return this.apiKey;
	}

	/** Whether the API key on this client still works. */
	async apiKeyWorks(): Promise<boolean> {
		if (!this.apiKey) return false;
		return await this.api('GET', '/workflows?limit=1').then(
			() => true,
			() => false,
		);
	}

	async createCredential(
		type: string,
		name: string,
		data: Record<string, unknown>,
	): Promise<string> {
		return (await this.api<{ id: string }>('POST', '/credentials', { type, name, data })).id;
	}

	/** Imports a workflow through the public API (unpublished) and returns its id. */
	async importWorkflow(workflow: WorkflowDefinition): Promise<string> {
		return (await this.api<{ id: string }>('POST', '/workflows', publicWorkflowBody(workflow))).id;
	}

	/** Imports a workflow, or updates the one with the same name; returns its id. */
	async upsertWorkflow(workflow: WorkflowDefinition): Promise<string> {
		const found = await this.api<{ data: Array<{ id: string; name: string }> }>(
			'GET',
			`/workflows?name=${encodeURIComponent(workflow.name)}`,
		);
		const existing = found.data.find((candidate) => candidate.name === workflow.name);
		if (!existing) return await this.importWorkflow(workflow);
		await this.api('PUT', `/workflows/${existing.id}`, publicWorkflowBody(workflow));
		return existing.id;
	}

	/**
	 * Publishes (activates) a workflow, then waits until each production webhook it registers
	 * answers: n8n returns from activate a moment before the webhook is routable.
	 */
	async publish(id: string, timeoutMs = 15_000): Promise<void> {
		// n8n 2 names it publish (activate is its deprecated alias); n8n 1 knows only activate.
		await this.api('POST', `/workflows/${id}/publish`).catch(async (error: Error) => {
			if (!/ answered 40[45]:/.test(error.message)) throw error;
			await this.api('POST', `/workflows/${id}/activate`);
		});
		const workflow = await this.api<WorkflowDefinition>('GET', `/workflows/${id}`);
		for (const endpoint of webhookEndpoints(workflow))
			await this.waitForWebhook(endpoint.path, timeoutMs, endpoint.prefix, endpoint.method);
	}

	async unpublish(id: string): Promise<void> {
		await this.api('POST', `/workflows/${id}/unpublish`).catch(async (error: Error) => {
			if (!/ answered 40[45]:/.test(error.message)) throw error;
			await this.api('POST', `/workflows/${id}/deactivate`);
		});
	}

	/**
	 * Waits until a production webhook path is registered. n8n answers a CORS preflight for it
	 * with 204 once registered (an error before), and the preflight starts no execution.
	 */
	async waitForWebhook(
		path: string,
		timeoutMs = 15_000,
		prefix: WebhookEndpoint['prefix'] = 'webhook',
		method = 'POST',
	): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			// A form answers GET with its page once registered (no execution starts); a webhook
			// answers the CORS preflight.
			const response = await fetch(
				`${this.baseUrl}/${prefix}/${path}`,
				prefix === 'form'
					? { method: 'GET' }
					: {
							method: 'OPTIONS',
							headers: { origin: this.baseUrl, 'access-control-request-method': method },
						},
			);
			await response.arrayBuffer();
			if (response.ok) return;
			if (Date.now() > deadline)
				throw new Error(
					`Webhook /${prefix}/${path} still unregistered (${response.status}) after ${timeoutMs} ms`,
				);
			await sleep(100);
		}
	}

	async postWebhook(path: string, call: WebhookCall = {}): Promise<WebhookResponse> {
		const headers: Record<string, string> = { ...call.headers };
		let body: string | Buffer | undefined;
		if (call.rawBody !== undefined) {
			body = call.rawBody;
			headers['content-type'] = call.contentType ?? 'application/json';
		} else if (call.body !== undefined) {
			body = JSON.stringify(call.body);
			headers['content-type'] = call.contentType ?? 'application/json';
		}
		const response = await fetch(`${this.baseUrl}/${call.prefix ?? 'webhook'}/${path}`, {
			method: call.method ?? 'POST',
			headers,
			body,
			signal: AbortSignal.timeout(30_000),
		});
		const text = await response.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, headers: response.headers, text, json };
	}

	/**
	 * Finished executions of a workflow, oldest first, with their data, once at least `count`
	 * have finished (n8n saves a webhook execution just after it answers).
	 */
	async waitForExecutions(
		workflowId: string,
		options: { count?: number; timeoutMs?: number } = {},
	): Promise<Execution[]> {
		const count = options.count ?? 1;
		const deadline = Date.now() + (options.timeoutMs ?? 15_000);
		for (;;) {
			const page = await this.api<{ data: Execution[] }>(
				'GET',
				`/executions?workflowId=${workflowId}&includeData=true&limit=250`,
			);
			const finished = page.data
				.filter((execution) => FINISHED_STATUSES.has(execution.status))
				.sort((a, b) => Number(a.id) - Number(b.id));
			if (finished.length >= count) return finished;
			if (Date.now() > deadline) {
				throw new Error(
					`Workflow ${workflowId}: ${finished.length} of ${count} executions finished in time (${page.data.length} listed)`,
				);
			}
			await sleep(150);
		}
	}
}
