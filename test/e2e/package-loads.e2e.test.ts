import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { normalizeInquiry } from '../../core';
import type { Execution, N8nInstance, WorkflowDefinition } from './harness';
import {
	loadVendorPayload,
	nodeOutput,
	PACKAGE_NAME,
	PROJECT_ROOT,
	startN8n,
	vendorRequest,
} from './harness';

/** Generous: the first run on a machine installs the n8n runtime (minutes); later runs reuse it. */
const START_TIMEOUT_MS = 25 * 60_000;
jest.setTimeout(60_000);

type Json = Record<string, any>;

function loadTestWorkflow(
	file: string,
	replacements: Record<string, string> = {},
): WorkflowDefinition {
	let text = readFileSync(join(__dirname, 'workflows', file), 'utf8');
	for (const [key, value] of Object.entries(replacements))
		text = text.split(`{{${key}}}`).join(value);
	return JSON.parse(text) as WorkflowDefinition;
}

const lastOf = (executions: Execution[]) => executions[executions.length - 1];

let n8n: N8nInstance;

beforeAll(async () => {
	n8n = await startN8n({ version: '2.41.1', engine: 'vm', label: 'package-loads' });
}, START_TIMEOUT_MS);

afterAll(async () => {
	await n8n?.stop();
});

test('n8n 2.41.1 lists every node and credential of the installed tarball', async () => {
	const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const ours = (await n8n.types('nodes'))
		.map((type) => type.name)
		.filter((name) => name.startsWith(`${PACKAGE_NAME}.`));
	// n8n adds a "<name>Tool" twin of every node marked usableAsTool, for AI agents.
	const nodes = [...new Set(ours.filter((name) => !name.endsWith('Tool')))];
	const credentials = (await n8n.types('credentials')).map((type) => type.name);

	expect(nodes).toContain(`${PACKAGE_NAME}.normalizeInquiry`);
	expect(ours).toContain(`${PACKAGE_NAME}.normalizeInquiryTool`);
	expect(nodes).toHaveLength(manifest.n8n.nodes.length);
	expect(credentials).toContain('inquiryWebhookSecretApi');
});

describe('published Webhook → Normalize Inquiry → Respond to Webhook', () => {
	let workflowId: string;
	let posted = 0;

	beforeAll(async () => {
		workflowId = await n8n.importWorkflow(loadTestWorkflow('normalize-any-vendor.json'));
		await n8n.publish(workflowId);
	});

	/** Posts a recorded delivery; returns the HTTP answer and the execution n8n saved for it. */
	async function deliver(sample: string) {
		const payload = loadVendorPayload(sample);
		const response = await n8n.postWebhook('e2e-normalize', vendorRequest(payload));
		posted += 1;
		const execution = lastOf(await n8n.waitForExecutions(workflowId, { count: posted }));
		return { payload, response, execution };
	}

	test('a Twilio SMS (form-encoded) becomes the inquiry the sample documents', async () => {
		const { payload, response, execution } = await deliver('twilio__inbound_sms__1');

		expect(response.status).toBe(200);
		const inquiry = response.json as Json;
		expect(inquiry).toMatchObject({
			schemaVersion: 1,
			channel: payload.expected.channel,
			source: { system: 'twilio', detectedBy: 'auto' },
			// The sample's From (+1 415-123-4567) is a placeholder no NANP exchange allows: kept as typed.
			contact: { phone: { raw: payload.expected.phone, valid: false } },
			request: { message: payload.expected.message },
			continuity: { trail: [{ stage: 'entry', node: 'Normalize Inquiry', outcome: 'normalized' }] },
		});
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
		expect(nodeOutput(execution, 'Normalize Inquiry', 0)).toEqual([inquiry]);
	});

	// The packed build inside n8n must agree exactly with the TypeScript core run in this process.
	test.each([
		'calcom__BOOKING_CREATED__1',
		'whatsapp_cloud__messages_text__1',
		'typeform__form_response__1',
	])('%s: n8n answers with what the core computes for the same payload', async (sample) => {
		const { payload, response, execution } = await deliver(sample);
		const normalized = nodeOutput(execution, 'Normalize Inquiry', 0) as Json[];
		const invalid = nodeOutput(execution, 'Normalize Inquiry', 1) as Json[];
		const receivedAt = normalized[0]?.receivedAt as string | undefined;
		const expected = normalizeInquiry(payload.body, {
			source: 'auto',
			defaultCountry: 'US',
			keepRaw: true,
			now: new Date(receivedAt ?? Date.now()),
			nodeName: 'Normalize Inquiry',
		});

		expect(execution.status).toBe('success');
		expect(normalized).toEqual(
			expected.flatMap((result) => (result.status === 'invalid' ? [] : [result.inquiry])),
		);
		expect(invalid.map((item) => item.invalid.reasons)).toEqual(
			expected.flatMap((result) => (result.status === 'invalid' ? [result.reasons] : [])),
		);
		if (normalized.length > 0) {
			expect(response.status).toBe(200);
			expect(response.json).toEqual(normalized[0]);
		} else {
			expect(response.status).toBe(422);
		}
	});
});

describe('signature check behind published webhooks (Raw Body on)', () => {
	const SECRET = 'e2e-signing-secret-0123456789abcdef';
	let twilioWorkflow: string;
	let rawBodyWorkflow: string;

	beforeAll(async () => {
		const credentialId = await n8n.createCredential(
			'inquiryWebhookSecretApi',
			'E2E signing secret',
			{ secret: SECRET, publicUrl: '' },
		);
		twilioWorkflow = await n8n.importWorkflow(
			loadTestWorkflow('signed-twilio.json', { credentialId }),
		);
		rawBodyWorkflow = await n8n.importWorkflow(
			loadTestWorkflow('signed-raw-body.json', { credentialId }),
		);
		await n8n.publish(twilioWorkflow);
		await n8n.publish(rawBodyWorkflow);
	});

	describe('Twilio (URL + sorted form fields, auto-detected)', () => {
		const sms = loadVendorPayload('twilio__inbound_sms__1');
		const fields = sms.body as Record<string, string>;
		/** Twilio's documented scheme, computed here as Twilio would for the URL it calls. */
		const twilioSignature = (url: string, params: Record<string, string>) =>
			createHmac('sha1', SECRET)
				.update(
					url +
						Object.keys(params)
							.sort()
							.map((key) => key + params[key])
							.join(''),
				)
				.digest('base64');
		const post = (params: Record<string, string>, signature: string) =>
			n8n.postWebhook('e2e-signed-twilio', {
				rawBody: new URLSearchParams(params).toString(),
				contentType: 'application/x-www-form-urlencoded',
				headers: { 'X-Twilio-Signature': signature },
			});

		test('a correctly signed delivery is accepted and normalized', async () => {
			const response = await post(
				fields,
				twilioSignature(`${n8n.baseUrl}/webhook/e2e-signed-twilio`, fields),
			);

			expect(response.status).toBe(200);
			expect(response.json).toMatchObject({
				channel: 'sms',
				source: { system: 'twilio' },
				contact: { phone: { raw: sms.expected.phone } },
			});
		});

		test('a forged delivery (message altered after signing) leaves through Rejected', async () => {
			const signature = twilioSignature(`${n8n.baseUrl}/webhook/e2e-signed-twilio`, fields);
			const response = await post(
				{ ...fields, Body: 'Please wire the deposit to this account' },
				signature,
			);

			expect(response.status).toBe(401);
			expect(response.json).toEqual({ status: 'rejected', reason: 'mismatch' });
			const execution = lastOf(await n8n.waitForExecutions(twilioWorkflow, { count: 2 }));
			expect(nodeOutput(execution, 'Normalize Inquiry', 0)).toEqual([]);
			expect(nodeOutput(execution, 'Normalize Inquiry', 2)[0].rejected).toMatchObject({
				reason: 'mismatch',
				scheme: 'twilio',
			});
		});
	});

	describe('HMAC over the exact posted bytes (Typeform scheme, generic payload)', () => {
		// Deliberately not canonical JSON: only the raw bytes n8n passes on can match the signature.
		const rawBody =
			'{ "name": "Lucía Fernández",\n  "email": " LUCIA@Example.com ", "phone": "(415) 555-0134", "message": "Leaking water heater" }';
		const sign = (raw: string) =>
			`sha256=${createHmac('sha256', SECRET).update(raw).digest('base64')}`;

		test('the signature of the raw bytes verifies', async () => {
			const response = await n8n.postWebhook('e2e-signed-raw', {
				rawBody,
				headers: { 'Typeform-Signature': sign(rawBody) },
			});

			expect(response.status).toBe(200);
			expect(response.json).toMatchObject({
				contact: {
					name: { full: 'Lucía Fernández' },
					email: { address: 'lucia@example.com' },
					phone: { e164: '+14155550134' },
				},
			});
		});

		test('one changed byte is rejected', async () => {
			const forged = rawBody.replace('0134', '0135');
			const response = await n8n.postWebhook('e2e-signed-raw', {
				rawBody: forged,
				headers: { 'Typeform-Signature': sign(rawBody) },
			});

			expect(response.status).toBe(401);
			expect(response.json).toEqual({ status: 'rejected', reason: 'mismatch' });
			const [first, second] = await n8n.waitForExecutions(rawBodyWorkflow, { count: 2 });
			expect(nodeOutput(first, 'Normalize Inquiry', 0)).toHaveLength(1);
			expect(nodeOutput(second, 'Normalize Inquiry', 2)).toHaveLength(1);
		});
	});
});
