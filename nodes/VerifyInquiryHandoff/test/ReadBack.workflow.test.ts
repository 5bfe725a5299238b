import { join } from 'path';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { HandoffReceipt } from '../../../core/handoff/receipt';
import { Inquiry } from '../../../core/inquiry/schema';
import type { RunResult, WorkflowJson } from '../../../test/harness';
import { loadWorkflow, runWorkflow } from '../../../test/harness';
import type { LocalCrm } from './localCrm';
import { CRM_TOKEN, startLocalCrm } from './localCrm';

/**
 * "Read Back Over HTTP" against a real HTTP server on 127.0.0.1: Normalize Inquiry → HTTP Request
 * POST to the local CRM → Verify Inquiry Handoff reading the record back through the "Handoff
 * Destination API" credential. The CRM treats each contact by its email's local part (localCrm.ts).
 */
jest.setTimeout(60_000);
const NOW = '2026-03-02T15:00:00.000Z';
const NODE = 'Verify Inquiry Handoff';
let crm: LocalCrm;

beforeEach(async () => {
	crm = await startLocalCrm();
});
afterEach(async () => {
	await crm.close();
});

/** The fixture with the CRM's real address in place of the port placeholder. */
function fixture(name: string): WorkflowJson {
	const text = JSON.stringify(loadWorkflow(join(__dirname, name)));
	return JSON.parse(text.split('http://127.0.0.1:CRM_PORT').join(crm.url)) as WorkflowJson;
}

function credential(overrides: ICredentialDataDecryptedObject = {}) {
	return {
		handoffDestinationApi: {
			baseUrl: crm.url,
			authentication: 'bearer',
			token: CRM_TOKEN,
			testPath: '/health',
			...overrides,
		},
	};
}

const receiptOf = (json: IDataObject) => HandoffReceipt.parse(json.handoff);
const emailOf = (json: IDataObject) => Inquiry.parse(json).contact.email?.address;
const reads = () => crm.requests.filter((request) => request.startsWith('GET '));

/** [email, status, recordId, statusCode, outcome of each attempt] per item of one output. */
function summary(result: RunResult, output: number): unknown[][] {
	return result.output(NODE, output).map((json) => {
		const receipt = receiptOf(json);
		return [
			emailOf(json),
			receipt.status,
			receipt.recordId,
			receipt.statusCode,
			receipt.attempts.map((a) => a.outcome),
		];
	});
}

describe('Read back by id', () => {
	it('retries until a late record shows up, and tells missing, broken, slow and lossy destinations apart', async () => {
		const result = await runWorkflow(fixture('read-back-by-id.workflow.json'), {
			now: NOW,
			credentials: credential(),
		});
		expect(result.error).toBeUndefined();

		expect(summary(result, 0)).toEqual([
			['jane.roe@example.com', 'verified', 'c-1', 200, ['found']],
			['delayed@example.com', 'verified', 'c-2', 200, ['not_found', 'not_found', 'found']],
		]);
		expect(summary(result, 1)).toEqual([
			['gone@example.com', 'missing', 'c-3', 404, ['not_found', 'not_found', 'not_found']],
			['broken@example.com', 'error', 'c-4', 500, ['http_error', 'http_error', 'http_error']],
			['slow@example.com', 'error', 'c-5', undefined, ['timeout', 'timeout', 'timeout']],
			['lossy@example.com', 'mismatch', 'c-6', 200, ['found']],
		]);
		// One in, one out, each with its pairedItem.
		expect(
			[0, 1].map((output) => result.items(NODE, output).map((item) => item.pairedItem)),
		).toEqual([
			[{ item: 0 }, { item: 1 }],
			[{ item: 2 }, { item: 3 }, { item: 4 }, { item: 5 }],
		]);
		// Exactly the looks the receipts report, through the credential's base URL.
		expect(reads()).toEqual([
			'GET /contacts/c-1',
			...Array(3).fill('GET /contacts/c-2'),
			...Array(3).fill('GET /contacts/c-3'),
			...Array(3).fill('GET /contacts/c-4'),
			...Array(3).fill('GET /contacts/c-5'),
			'GET /contacts/c-6',
		]);

		const [jane, delayed] = result.output(NODE, 0);
		expect(receiptOf(jane)).toMatchObject({
			destination: 'Local CRM',
			matched: ['name', 'email', 'phone', 'message', 'service'],
			lost: [],
			changed: [],
			checkedAt: NOW,
			deadline: '2026-03-02T15:05:00.000Z',
		});
		expect(receiptOf(jane).alert).toBeUndefined();
		expect(receiptOf(delayed).attempts.map((a) => a.statusCode)).toEqual([404, 404, 200]);
		expect(Inquiry.parse(jane).continuity.trail.slice(-2)).toEqual([
			{
				stage: 'transfer',
				node: NODE,
				at: NOW,
				outcome: 'written',
				detail: 'Local CRM record c-1',
			},
			{
				stage: 'tracking',
				node: NODE,
				at: NOW,
				outcome: 'verified',
				detail: 'Local CRM: 5 fields matched',
			},
		]);

		const [gone, broken, slow, lossy] = result.output(NODE, 1).map(receiptOf);
		expect(broken.error).toBe('the destination answered HTTP 500');
		expect(slow.error).toBe('no answer within 500 ms');
		expect(lossy).toMatchObject({
			matched: ['name', 'email', 'message', 'service'],
			lost: ['phone'],
			changed: [],
		});
		expect([gone, broken, slow, lossy].map((receipt) => receipt.alert)).toEqual([
			'Inquiry from Grace Kim (+1 312…) did not reach Local CRM: no record found after 3 attempts',
			'Inquiry from Bruno Silva (+1 646…) could not be checked in Local CRM: the destination answered HTTP 500 after 3 attempts',
			'Inquiry from Sam Lowe (+1 617…) could not be checked in Local CRM: no answer within 500 ms after 3 attempts',
			'Inquiry from Lara Ross (+1 415…) did not reach Local CRM: phone lost',
		]);
		// The alert is ready for a Slack, email or SMS node: here a Set node on the Failed branch.
		expect(result.output('Alert Text').map((json) => json.text)).toEqual(
			[gone, broken, slow, lossy].map((receipt) => receipt.alert),
		);
	});

	it('signs in with a header key as well; a wrong token is an error at once (401 is not retried)', async () => {
		const header = await runWorkflow(fixture('read-back-by-id.workflow.json'), {
			now: NOW,
			credentials: credential({
				authentication: 'header',
				headerName: 'Authorization',
				headerSecret: `Bearer ${CRM_TOKEN}`,
			}),
		});
		expect(summary(header, 0).map(([email, status]) => [email, status])).toEqual([
			['jane.roe@example.com', 'verified'],
			['delayed@example.com', 'verified'],
		]);

		await crm.close();
		crm = await startLocalCrm();
		const wrong = await runWorkflow(fixture('read-back-by-id.workflow.json'), {
			now: NOW,
			credentials: credential({ token: 'not-the-token' }),
		});
		expect(wrong.error).toBeUndefined();
		expect(wrong.items(NODE, 0)).toEqual([]);
		expect(
			summary(wrong, 1).map(([, status, , code, outcomes]) => [status, code, outcomes]),
		).toEqual(Array(6).fill(['error', 401, ['http_error']]));
		expect(receiptOf(wrong.output(NODE, 1)[0]).alert).toBe(
			'Inquiry from Jane Roe (+1 415…) could not be checked in Local CRM: the destination answered HTTP 401',
		);
		expect(crm.lastAuthorization).toBe('Bearer not-the-token');
	});
});

describe('A write that failed', () => {
	const post = (name: string, email: string, phone: string) => ({
		json: {
			headers: {},
			params: {},
			query: {},
			body: {
				name,
				email,
				phone,
				message: 'Garbage disposal hums but does not turn',
				service: 'Disposal Repair',
			},
		},
	});
	const failedWrites = [
		post('Rita Moreno', 'rejected@example.com', '(305) 555-0161'),
		post('Ken Ito', 'unlisted@example.com', '(503) 555-0134'),
	];

	it('is reported from the write’s own answer when there is no id to read back: 500 is error, 404 missing', async () => {
		const result = await runWorkflow(fixture('read-back-by-id.workflow.json'), {
			now: NOW,
			credentials: credential(),
			pinData: { 'Form Posts': failedWrites },
		});
		expect(result.error).toBeUndefined();
		expect(result.items(NODE, 0)).toEqual([]);
		expect(summary(result, 1)).toEqual([
			['rejected@example.com', 'error', undefined, 500, ['http_error']],
			['unlisted@example.com', 'missing', undefined, 404, ['not_found']],
		]);
		expect(result.output('Alert Text').map((json) => json.text)).toEqual([
			'Inquiry from Rita Moreno (+1 305…) could not be checked in Local CRM: the destination answered HTTP 500',
			'Inquiry from Ken Ito (+1 503…) did not reach Local CRM: no record found',
		]);
		expect(reads()).toEqual([]);
	});

	it('is still read back by search, which could find a record the write stored anyway', async () => {
		const result = await runWorkflow(fixture('read-back-by-search.workflow.json'), {
			now: NOW,
			credentials: credential(),
			pinData: { 'Form Posts': failedWrites.slice(0, 1) },
		});
		expect(summary(result, 1)).toEqual([
			['rejected@example.com', 'missing', undefined, 404, ['not_found', 'not_found']],
		]);
		expect(reads()).toEqual(Array(2).fill('GET /contacts?email=rejected%40example.com'));
	});
});

describe('Read back by search', () => {
	it('finds the record by the inquiry’s email in a list of results and takes its id from there', async () => {
		const result = await runWorkflow(fixture('read-back-by-search.workflow.json'), {
			now: NOW,
			credentials: credential(),
		});
		expect(result.error).toBeUndefined();
		expect(summary(result, 0)).toEqual([
			['jane.roe@example.com', 'verified', 'c-1', 200, ['found']],
		]);
		expect(summary(result, 1)).toEqual([
			['gone@example.com', 'missing', 'c-2', 404, ['not_found', 'not_found']],
		]);
		expect(reads()).toEqual([
			'GET /contacts?email=jane.roe%40example.com',
			'GET /contacts?email=gone%40example.com',
			'GET /contacts?email=gone%40example.com',
		]);
	});
});
