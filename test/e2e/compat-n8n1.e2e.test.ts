import { readFileSync } from 'fs';
import { join } from 'path';
import type { N8nInstance, WorkflowDefinition } from './harness';
import { loadVendorPayload, nodeOutput, PACKAGE_NAME, startN8n, vendorRequest } from './harness';

/**
 * Compatibility smoke: the same packed tarball in n8n 1.123.81 (the newest 1.x on Node 20),
 * with the legacy expression engine n8n 1 runs. The first run installs that runtime (minutes).
 */
const START_TIMEOUT_MS = 25 * 60_000;
jest.setTimeout(60_000);

let n8n: N8nInstance;

beforeAll(async () => {
	n8n = await startN8n({ version: '1.123.81', engine: 'legacy', label: 'compat-n8n1' });
}, START_TIMEOUT_MS);

afterAll(async () => {
	await n8n?.stop();
});

test('n8n 1.123.81 runs on Node 20', async () => {
	const { execFileSync } = await import('child_process');
	expect(execFileSync(n8n.runtime.node, ['--version'], { encoding: 'utf8' })).toMatch(/^v20\./);
	const versions = (await n8n.types('nodes')).map((type) => type.name);
	expect(versions).toContain(`${PACKAGE_NAME}.normalizeInquiry`);
});

test('a published webhook runs Normalize Inquiry and the execution reads back', async () => {
	const workflow = JSON.parse(
		readFileSync(join(__dirname, 'workflows', 'normalize-any-vendor.json'), 'utf8'),
	) as WorkflowDefinition;
	const id = await n8n.importWorkflow(workflow);
	await n8n.publish(id);
	const sms = loadVendorPayload('twilio__inbound_sms__1');

	const response = await n8n.postWebhook('e2e-normalize', vendorRequest(sms));

	expect(response.status).toBe(200);
	expect(response.json).toMatchObject({
		channel: 'sms',
		source: { system: 'twilio' },
		contact: { phone: { raw: sms.expected.phone } },
	});
	const [execution] = await n8n.waitForExecutions(id);
	expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
	expect(nodeOutput(execution, 'Normalize Inquiry', 0)).toEqual([response.json]);
});
