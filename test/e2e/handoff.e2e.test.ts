import { readFileSync } from 'fs';
import { join } from 'path';
import type { LocalCrm } from '../../nodes/VerifyInquiryHandoff/test/localCrm';
import { CRM_TOKEN, startLocalCrm } from '../../nodes/VerifyInquiryHandoff/test/localCrm';
import type { N8nInstance, WorkflowDefinition } from './harness';
import { nodeOutput, PACKAGE_NAME, startN8n } from './harness';

/**
 * Real n8n 2.41.1 and a small CRM in this test process, both on 127.0.0.1. The "Handoff
 * Destination API" credential is created and tested through n8n's REST API; a published
 * workflow writes each contact to the CRM, reads it back with Verify Inquiry Handoff and answers
 * from its Verified or Failed branch.
 */
jest.setTimeout(120_000);
const CREDENTIAL = 'handoffDestinationApi';
const VERIFY = 'Verify Inquiry Handoff';

let n8n: N8nInstance;
let crm: LocalCrm;
let credentialId: string;
let workflowId: string;

const credentialData = (token: string) => ({
	baseUrl: crm.url,
	authentication: 'bearer',
	token,
	testPath: '/health',
});

beforeAll(async () => {
	crm = await startLocalCrm();
	n8n = await startN8n({ version: '2.41.1', label: 'handoff' });
	credentialId = await n8n.createCredential(CREDENTIAL, 'Local CRM', credentialData(CRM_TOKEN));
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await crm?.close();
});

/** n8n's own "Retry" in the credential dialog: POST /rest/credentials/test. */
async function testCredential(token: string) {
	return await n8n.rest<{ status: string; message: string }>('POST', '/credentials/test', {
		credentials: {
			id: credentialId,
			name: 'Local CRM',
			type: CREDENTIAL,
			data: credentialData(token),
		},
	});
}

test('n8n serves the node with its tool twin, the record-mode hint and the codex aliases', async () => {
	type Served = {
		name: string;
		hints?: Array<{ displayCondition?: string }>;
		codex?: { alias?: string[]; categories?: string[] };
	};
	const types = await n8n.types<Served[]>('nodes');
	const node = types.find((type) => type.name === `${PACKAGE_NAME}.verifyInquiryHandoff`);
	expect(types.some((type) => type.name === `${PACKAGE_NAME}.verifyInquiryHandoffTool`)).toBe(true);
	expect(node?.hints?.map((hint) => hint.displayCondition)).toEqual([
		'={{ $parameter.mode === "record" }}',
	]);
	expect(node?.codex?.alias).toEqual(
		expect.arrayContaining(['verify', 'handoff', 'CRM check', 'receipt', 'SLA']),
	);
	expect(node?.codex?.categories).toEqual(['Sales', 'Productivity']);
});

describe('the Handoff Destination API credential', () => {
	it('passes n8n’s credential test with the right token', async () => {
		const before = crm.requests.length;
		expect(await testCredential(CRM_TOKEN)).toMatchObject({ status: 'OK' });
		expect(crm.requests.slice(before)).toEqual(['GET /health']);
		expect(crm.lastAuthorization).toBe(`Bearer ${CRM_TOKEN}`);
	});

	it('fails it with a wrong token, and the CRM saw that token', async () => {
		const result = await testCredential('not-the-token');
		expect(result.status).toBe('Error');
		// n8n shows the destination's own reason (the CRM answers 401 {"message": "Unauthorized"}).
		expect(result.message).toMatch(/unauthorized/i);
		expect(crm.lastAuthorization).toBe('Bearer not-the-token');
	});
});

describe('a published Webhook → Normalize → HTTP Request → Verify Inquiry Handoff workflow', () => {
	beforeAll(async () => {
		const text = readFileSync(join(__dirname, 'workflows/handoff-read-back.json'), 'utf8')
			.split('http://127.0.0.1:CRM_PORT')
			.join(crm.url)
			.split('CREDENTIAL_ID')
			.join(credentialId);
		workflowId = await n8n.importWorkflow(JSON.parse(text) as WorkflowDefinition);
		await n8n.publish(workflowId);
	}, 60_000);

	const post = async (name: string, email: string, phone: string) =>
		await n8n.postWebhook('e2e-handoff', {
			body: {
				name,
				email,
				phone,
				message: 'The water heater is leaking in the garage',
				service: 'Water Heater Repair',
			},
		});

	it('answers from Verified for a contact the CRM keeps, after reading it back', async () => {
		const response = await post('Jane Roe', 'jane.roe@example.com', '(415) 555-0123');
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ status: 'verified', recordId: 'c-1', attempts: 1 });
		expect(crm.requests.slice(-2)).toEqual(['POST /contacts', 'GET /contacts/c-1']);
	});

	it('retries a CRM that shows a new contact late, and still verifies it', async () => {
		const response = await post('Omar Haddad', 'delayed@example.com', '(212) 555-0147');
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ status: 'verified', recordId: 'c-2', attempts: 3 });
	});

	it('answers from Failed with the alert text when the CRM loses the phone', async () => {
		const response = await post('Lara Ross', 'lossy@example.com', '(415) 555-0188');
		expect(response.status).toBe(202);
		expect(response.json).toEqual({
			status: 'mismatch',
			alert: 'Inquiry from Lara Ross (+1 415…) did not reach Local CRM: phone lost',
		});

		const executions = await n8n.waitForExecutions(workflowId, { count: 3, timeoutMs: 30_000 });
		expect(executions.map((execution) => execution.status)).toEqual([
			'success',
			'success',
			'success',
		]);
		const last = executions[executions.length - 1];
		expect(nodeOutput(last, VERIFY, 0)).toEqual([]);
		const [failed] = nodeOutput(last, VERIFY, 1);
		expect(failed.handoff).toMatchObject({
			status: 'mismatch',
			recordId: 'c-3',
			lost: ['phone'],
			matched: ['name', 'email', 'message', 'service'],
		});
		expect(
			(failed.continuity as { trail: Array<{ stage: string; outcome: string }> }).trail.slice(-2),
		).toEqual([
			expect.objectContaining({ stage: 'transfer', outcome: 'written', node: VERIFY }),
			expect.objectContaining({
				stage: 'tracking',
				outcome: 'mismatch',
				detail: 'Local CRM: phone lost',
			}),
		]);
	});
});
