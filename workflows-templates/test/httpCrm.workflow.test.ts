import type { WorkflowJson } from '../../test/harness';
import type { LocalCrm } from '../../nodes/VerifyInquiryHandoff/test/localCrm';
import { CRM_TOKEN, startLocalCrm } from '../../nodes/VerifyInquiryHandoff/test/localCrm';
import { entryTemplate, HUB_IDS, hubTemplate, runEntry } from './hub';
import { templateTables } from './tables';

const entry = entryTemplate('01c-form-to-http-crm-verified.json');

const NOW = '2026-03-03T15:00:00.000Z'; // a Tuesday, 10:00 in New York
let crm: LocalCrm;

beforeAll(async () => {
	crm = await startLocalCrm();
});
afterAll(async () => {
	await crm.close();
});

/** The HTTP CRM hub as a user sets it up: Save Record posts to their CRM with its token, the credential reads it back. */
function pointedAtLocalCrm(): WorkflowJson {
	const workflow = hubTemplate(HUB_IDS.httpCrm);
	for (const node of workflow.nodes) {
		if (node.name === 'Save Record') {
			node.parameters.url = `${crm.url}/contacts`;
			node.parameters.sendHeaders = true;
			node.parameters.headerParameters = {
				parameters: [{ name: 'Authorization', value: `Bearer ${CRM_TOKEN}` }],
			};
		}
		if (node.name === 'Verify Inquiry Handoff') {
			node.parameters.url = '/contacts/{recordId}';
			node.parameters.retryDelay = 10;
			node.credentials = { handoffDestinationApi: { id: '1', name: 'Local CRM' } };
		}
	}
	return workflow;
}

async function submit(email: string) {
	const tables = templateTables();
	const body = {
		name: 'Jane Roe',
		email,
		phone: '(415) 555-2671',
		service: 'Repair',
		message: 'Leaking tap in the kitchen',
		postal_code: '94110',
	};
	const { hub: result } = await runEntry(
		entry,
		{
			now: NOW,
			mode: 'webhook',
			dataTables: tables,
			credentials: {
				handoffDestinationApi: {
					baseUrl: crm.url,
					authentication: 'bearer',
					token: CRM_TOKEN,
					testPath: '/health',
				},
			},
			pinData: { 'Form Webhook': [{ json: { headers: {}, params: {}, query: {}, body } }] },
		},
		{ [HUB_IDS.httpCrm]: pointedAtLocalCrm() },
	);
	return { result, tables };
}

describe('template 1c: form webhook → HTTP CRM → read back and verified', () => {
	it('writes the contact to the CRM, reads it back by its id, verifies it and tells the owner', async () => {
		const { result, tables } = await submit('jane@example.com');
		expect(result.error).toBeUndefined();
		const [verified] = result.output('Verify Inquiry Handoff', 0);
		expect(verified.handoff).toMatchObject({
			status: 'verified',
			destination: 'your CRM',
			lost: [],
			changed: [],
		});
		const recordId = (verified.handoff as { recordId: string }).recordId;
		expect(crm.requests).toEqual(
			expect.arrayContaining(['POST /contacts', `GET /contacts/${recordId}`]),
		);
		expect(tables.rows('inquiry_notifications').map((n) => n.kind)).toEqual(['owner_assigned']);
		expect(tables.rows('inquiry_ledger')[0]).toMatchObject({
			handoffStatus: 'verified',
			recordId,
			// Verified, but nobody has claimed it yet: Visibility waits for the owner.
			visibilityCheck: 'not_reached',
		});
	});

	it('routes a CRM that drops the phone to Failed, with the alert row and the ledger row saying so', async () => {
		const { result, tables } = await submit('lossy@example.com');
		expect(result.error).toBeUndefined();
		const [failed] = result.output('Verify Inquiry Handoff', 1);
		expect(failed.handoff).toMatchObject({ status: 'mismatch', lost: ['phone'] });
		const alert = tables.rows('inquiry_notifications').find((n) => n.kind === 'alert');
		expect(alert?.body).toContain('did not reach your CRM');
		expect(tables.rows('inquiry_ledger')[0]).toMatchObject({
			handoffStatus: 'mismatch',
			// Alerted, but nobody has claimed it yet.
			visibilityCheck: 'not_reached',
			alertedAt: NOW,
		});
	});

	it('routes a CRM that answers 500 on read to Failed as an error, after retrying', async () => {
		const { result, tables } = await submit('broken@example.com');
		const [failed] = result.output('Verify Inquiry Handoff', 1);
		expect(failed.handoff).toMatchObject({ status: 'error', statusCode: 500 });
		expect((failed.handoff as { attempts: unknown[] }).attempts).toHaveLength(3);
		expect(tables.rows('inquiry_notifications').map((n) => n.kind)).toEqual(['alert']);
	});

	it('turns a write the CRM refuses into an alert and a ledger row, not a failed execution', async () => {
		const workflow = pointedAtLocalCrm();
		const save = workflow.nodes.find((node) => node.name === 'Save Record');
		if (save)
			save.parameters.headerParameters = {
				parameters: [{ name: 'Authorization', value: 'Bearer wrong' }],
			};
		const tables = templateTables();
		const body = {
			name: 'Jane Roe',
			email: 'jane@example.com',
			phone: '(415) 555-2671',
			service: 'Repair',
			message: 'Leaking tap',
			postal_code: '94110',
		};
		const { hub: result } = await runEntry(
			entry,
			{
				now: NOW,
				mode: 'webhook',
				dataTables: tables,
				credentials: {
					handoffDestinationApi: { baseUrl: crm.url, authentication: 'bearer', token: CRM_TOKEN },
				},
				pinData: { 'Form Webhook': [{ json: { headers: {}, params: {}, query: {}, body } }] },
			},
			{ [HUB_IDS.httpCrm]: workflow },
		);
		expect(result.error).toBeUndefined();
		expect(result.ran('Verify Inquiry Handoff')).toBe(false);
		const [alert] = tables.rows('inquiry_notifications');
		expect(alert).toMatchObject({ kind: 'alert', subject: 'The CRM did not accept an inquiry' });
		expect(tables.rows('inquiry_ledger')[0]).toMatchObject({
			stage: expect.any(String),
			// Alerted, but nobody has claimed it yet.
			visibilityCheck: 'not_reached',
		});
	});
});
