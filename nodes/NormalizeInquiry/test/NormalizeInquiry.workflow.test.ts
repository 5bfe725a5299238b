import { createHmac } from 'crypto';
import { join } from 'path';
import type { INode } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { Inquiry } from '../../../core/inquiry/schema';
import {
	harnessNodeTypes,
	loadWorkflow,
	manualTriggerWorkflow,
	runWorkflow,
} from '../../../test/harness';

const NOW = '2026-03-02T15:04:05.000Z';
const fixture = (name: string) => loadWorkflow(join(__dirname, name));
const NODE = 'Normalize Inquiry';
const pairedItems = (items: { pairedItem?: unknown }[]) => items.map((item) => item.pairedItem);

describe('Normalize Inquiry: outputs', () => {
	it('shows Rejected only while signatures are checked', async () => {
		const nodeTypes = await harnessNodeTypes();
		const type = nodeTypes.getByNameAndVersion('n8n-nodes-inquiry-continuity.normalizeInquiry', 1);
		// The editor evaluates the outputs expression as n8n does here, with the node's parameters.
		const outputsWith = async (parameters: INode['parameters']) => {
			const node: INode = {
				id: 'n',
				name: NODE,
				type: 'n8n-nodes-inquiry-continuity.normalizeInquiry',
				typeVersion: 1,
				position: [0, 0],
				parameters,
			};
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
			return await workflow.expression.withIsolate(async () =>
				NodeHelpers.getNodeOutputs(workflow, node, type.description),
			);
		};
		expect(await outputsWith({ checkSignature: false })).toEqual([
			{ type: 'main', displayName: 'Normalized' },
			{ type: 'main', displayName: 'Invalid' },
		]);
		const signed = await outputsWith({ checkSignature: true });
		expect(signed.map((output) => (output as { displayName: string }).displayName)).toEqual([
			'Normalized',
			'Invalid',
			'Rejected',
		]);
	});
});

describe('Normalize Inquiry: auto-detect over webhook deliveries', () => {
	it('normalizes what it can read, and keeps what it cannot with reasons', async () => {
		const result = await runWorkflow(fixture('auto-detect.workflow.json'), { now: NOW });
		expect(result.error).toBeUndefined();

		const normalized = result.output(NODE, 0);
		expect(pairedItems(result.items(NODE, 0))).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const inquiry of normalized) expect(Inquiry.safeParse(inquiry).success).toBe(true);
		expect(normalized[0]).toMatchObject({
			channel: 'sms',
			receivedAt: NOW,
			source: { system: 'twilio', preset: 'twilio', detectedBy: 'auto' },
			contact: { phone: { raw: '+14151234567' } },
			request: { message: 'Hello' },
			continuity: { trail: [{ stage: 'entry', node: NODE, at: NOW, outcome: 'normalized' }] },
		});
		expect(normalized[1]).toMatchObject({
			channel: 'missed_call',
			source: { preset: 'twilio' },
			contact: { phone: { valid: true } },
		});
		expect(normalized[2]).toMatchObject({
			source: { preset: 'generic', detectedBy: 'generic' },
			contact: {
				name: { full: 'Lucía Fernández' },
				email: { address: 'lucia@example.com', valid: true },
				phone: { e164: '+14155550134' },
			},
			request: { message: 'Need a quote for a leaking water heater' },
			identityKeys: ['email:lucia@example.com', 'phone:+14155550134'],
		});
		expect(normalized[2].raw).toEqual(
			fixture('auto-detect.workflow.json').pinData?.Start[2].json.body,
		);

		const invalid = result.items(NODE, 1);
		expect(pairedItems(invalid)).toEqual([{ item: 3 }, { item: 4 }]);
		expect(invalid[0].json).toMatchObject({
			body: {},
			invalid: { reasons: ['empty_payload'], preset: 'auto' },
		});
		expect(invalid[1].json).toMatchObject({
			body: 'hello there',
			invalid: { reasons: ['unparseable_body'] },
		});
		expect(String((invalid[1].json.invalid as { hint: string }).hint)).toContain('JSON');
		expect(result.output(NODE, 2)).toEqual([]);
	});
});

describe('Normalize Inquiry: signature check', () => {
	const twilio = {
		inquiryWebhookSecretApi: { secret: 'f4c1d2e3b4a5968778695a4b3c2d1e0f', publicUrl: '' },
	};

	it('passes a signed Twilio SMS and rejects a forged and an unsigned one, with reasons', async () => {
		const workflow = fixture('signature-twilio.workflow.json');
		const signed = workflow.pinData?.Start[0].json as {
			body: Record<string, string>;
			headers: Record<string, string>;
			webhookUrl: string;
		};
		const data = Object.keys(signed.body)
			.sort()
			.reduce((acc, key) => acc + key + signed.body[key], signed.webhookUrl);
		expect(signed.headers['x-twilio-signature']).toBe(
			createHmac('sha1', twilio.inquiryWebhookSecretApi.secret).update(data).digest('base64'),
		);

		const result = await runWorkflow(workflow, { now: NOW, credentials: twilio });
		expect(result.error).toBeUndefined();
		expect(pairedItems(result.items(NODE, 0))).toEqual([{ item: 0 }]);
		expect(result.output(NODE, 0)[0]).toMatchObject({
			channel: 'sms',
			contact: { phone: { raw: '+14151234567' } },
		});
		expect(result.output(NODE, 1)).toEqual([]);

		const rejected = result.items(NODE, 2);
		expect(pairedItems(rejected)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
		expect(rejected.map((item) => item.json.rejected)).toMatchObject([
			{ reason: 'mismatch', scheme: 'twilio' },
			{ reason: 'missing_header', scheme: 'twilio' },
			{ reason: 'unknown_source', scheme: 'unknown' },
		]);
		expect(rejected[0].json.body).toMatchObject({
			Body: 'Please wire the deposit to this account',
		});
	});

	it("checks the exact bytes from the Webhook node's Raw Body, and falls back to the JSON without them", async () => {
		const result = await runWorkflow(fixture('signature-raw-body.workflow.json'), {
			now: NOW,
			credentials: { inquiryWebhookSecretApi: { secret: 'tf_whsec_8d3f2a91c0' } },
		});
		expect(result.error).toBeUndefined();
		expect(pairedItems(result.items(NODE, 0))).toEqual([{ item: 0 }, { item: 2 }]);
		expect(result.output(NODE, 0)[0]).toMatchObject({
			contact: { email: { address: 'lucia@example.com' } },
		});
		expect(result.output(NODE, 2)).toMatchObject([
			{ rejected: { reason: 'mismatch', scheme: 'typeform' } },
		]);
	});

	it('stops with a hint when the credential has no secret, or routes it with On Error → Continue', async () => {
		const workflow = fixture('signature-twilio.workflow.json');
		const stopped = await runWorkflow(workflow, {
			now: NOW,
			credentials: { inquiryWebhookSecretApi: { secret: '' } },
		});
		expect(stopped.error?.message).toContain(
			'Signature checking is on but the credential has no secret',
		);
		expect(stopped.error?.description).toContain('Inquiry Webhook Secret API');

		workflow.nodes[1] = { ...workflow.nodes[1], onError: 'continueRegularOutput' };
		const continued = await runWorkflow(workflow, {
			now: NOW,
			credentials: { inquiryWebhookSecretApi: { secret: '' } },
		});
		expect(continued.error).toBeUndefined();
		// Failed items leave through Invalid, never through Normalized as if they were fine.
		expect(continued.items(NODE, 0)).toEqual([]);
		expect(pairedItems(continued.items(NODE, 1))).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(continued.output(NODE, 1)[0]).toMatchObject({
			errorCode: 'SIGNATURE_SECRET_MISSING',
			body: { Body: 'Hello' },
		});
	});
});

describe('Normalize Inquiry: custom mapping', () => {
	it('fills each inquiry field from its expression', async () => {
		const result = await runWorkflow(fixture('custom-mapping.workflow.json'), { now: NOW });
		expect(result.error).toBeUndefined();
		const [inquiry] = result.output(NODE, 0);
		expect(inquiry).toMatchObject({
			channel: 'missed_call',
			source: { system: 'custom', preset: 'custom', detectedBy: 'custom', recordId: 'R-1001' },
			contact: {
				name: { first: 'Seán', last: "O'Brien" },
				email: { address: 'sean@obrien.ie' },
				phone: { e164: '+353871234567', country: 'IE' },
			},
			request: { message: 'Boiler service, mornings only' },
		});
		expect('raw' in inquiry).toBe(false);
		expect(result.output(NODE, 1)).toMatchObject([
			{ record: { id: 'R-1002' }, invalid: { reasons: ['no_contact_details'], preset: 'custom' } },
		]);
	});

	it('names the mapping row that is wrong', async () => {
		const workflow = manualTriggerWorkflow(
			[{ a: 1 }],
			[
				{
					name: NODE,
					type: 'n8n-nodes-inquiry-continuity.normalizeInquiry',
					parameters: {
						source: 'custom',
						customMapping: { mappings: [{ field: 'channel', value: 'carrier pigeon' }] },
					},
				},
			],
		);
		const result = await runWorkflow(workflow, { now: NOW });
		expect(result.error?.message).toContain(
			'row 1: channel "carrier pigeon" is not one of form, chat',
		);
		expect(result.error?.description).toContain('Each mapping needs a canonical field');
	});
});
