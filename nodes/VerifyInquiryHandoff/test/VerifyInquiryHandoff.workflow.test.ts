import { join } from 'path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { HandoffReceipt } from '../../../core/handoff/receipt';
import { janeRecord, janeRoe, RECEIVED_AT } from '../../../core/handoff/test/inquiry';
import { Inquiry } from '../../../core/inquiry/schema';
import type { RunResult, WorkflowJson } from '../../../test/harness';
import {
	InMemoryDataTables,
	loadWorkflow,
	manualTriggerWorkflow,
	runWorkflow,
} from '../../../test/harness';
import type { LocalCrm } from './localCrm';
import { startLocalCrm } from './localCrm';

jest.setTimeout(60_000);
const NOW = '2026-03-02T15:00:00.000Z';
const NODE = 'Verify Inquiry Handoff';
const TYPE = 'n8n-nodes-inquiry-continuity.verifyInquiryHandoff';
const COLUMNS = ['inquiryId', 'name', 'email', 'phone', 'message', 'service', 'ownerId'];

const receiptOf = (json: IDataObject) => HandoffReceipt.parse(json.handoff);
const emailOf = (json: IDataObject) => Inquiry.parse(json).contact.email?.address;
const routes = (result: RunResult, node = NODE) =>
	[0, 1].map((output) => result.items(node, output).map((item) => item.pairedItem));

function contactsTable(): InMemoryDataTables {
	const tables = new InMemoryDataTables();
	tables.create(
		'crm_contacts',
		COLUMNS.map((name) => ({ name, type: 'string' as const })),
	);
	return tables;
}

describe('Check the previous step’s response', () => {
	let crm: LocalCrm;
	beforeEach(async () => {
		crm = await startLocalCrm();
	});
	afterEach(async () => {
		await crm.close();
	});

	it('reads the HTTP Request node’s full response: 201 verified, an echo without the phone, 500 and 404', async () => {
		const workflow = JSON.parse(
			JSON.stringify(loadWorkflow(join(__dirname, 'response-http-full.workflow.json')))
				.split('http://127.0.0.1:CRM_PORT')
				.join(crm.url),
		) as WorkflowJson;
		const result = await runWorkflow(workflow, { now: NOW });
		expect(result.error).toBeUndefined();
		expect(routes(result)).toEqual([[{ item: 0 }], [{ item: 1 }, { item: 2 }, { item: 3 }]]);

		const rows = [0, 1].flatMap((output) =>
			result.output(NODE, output).map((json) => {
				const r = receiptOf(json);
				return [
					emailOf(json),
					r.status,
					r.statusCode,
					r.recordId,
					r.lost,
					r.attempts.map((a) => a.outcome),
				];
			}),
		);
		expect(rows).toEqual([
			['jane.roe@example.com', 'verified', 201, 'c-1', [], ['found']],
			['lossy@example.com', 'mismatch', 201, 'c-2', ['phone'], ['found']],
			['rejected@example.com', 'error', 500, undefined, [], ['http_error']],
			['unlisted@example.com', 'missing', 404, undefined, [], ['not_found']],
		]);
		expect(receiptOf(result.output(NODE, 0)[0]).matched).toEqual([
			'name',
			'email',
			'phone',
			'message',
			'service',
		]);
		expect(result.output('Alert Text').map((json) => json.text)).toEqual([
			'Inquiry from Lara Ross (+1 415…) did not reach Local CRM: phone lost',
			'Inquiry from Rita Moreno (+1 305…) could not be checked in Local CRM: the destination answered HTTP 500',
			'Inquiry from Ken Ito (+1 503…) did not reach Local CRM: no record found',
		]);
		// The response mode never calls the destination itself.
		expect(crm.requests).toEqual(Array(4).fill('POST /contacts'));
	});

	it('reads a write that failed with "On Error → Continue" as that failure, not as a record with every field lost', async () => {
		const workflow = JSON.parse(
			JSON.stringify(loadWorkflow(join(__dirname, 'response-http-full.workflow.json')))
				.split('http://127.0.0.1:CRM_PORT')
				.join(crm.url),
		) as WorkflowJson;
		const write = workflow.nodes.find(
			(node) => node.name === 'Write Contact',
		) as WorkflowJson['nodes'][number];
		write.parameters.options = {};
		write.onError = 'continueRegularOutput';
		const result = await runWorkflow(workflow, { now: NOW });
		expect(result.error).toBeUndefined();
		const rows = result.output(NODE, 1).map((json) => {
			const r = receiptOf(json);
			return [emailOf(json), r.status, r.statusCode, r.lost, r.attempts.map((a) => a.outcome)];
		});
		expect(rows).toEqual([
			['lossy@example.com', 'mismatch', undefined, ['phone'], ['found']],
			['rejected@example.com', 'error', 500, [], ['step_failed']],
			['unlisted@example.com', 'missing', 404, [], ['step_failed']],
		]);
		expect(receiptOf(result.output(NODE, 1)[1]).error).toMatch(/^the step before failed: ./);
		expect(result.output(NODE, 0).map(emailOf)).toEqual(['jane.roe@example.com']);
	});

	it('reads the row a Data table node inserted, owner included, with the row id as the record id', async () => {
		const tables = contactsTable();
		const result = await runWorkflow(
			loadWorkflow(join(__dirname, 'response-data-table.workflow.json')),
			{ now: NOW, dataTables: tables },
		);
		expect(result.error).toBeUndefined();
		expect(routes(result)).toEqual([[{ item: 0 }, { item: 1 }], []]);
		const receipts = result.output(NODE, 0).map(receiptOf);
		expect(receipts.map((r) => [r.status, r.recordId, r.destination, r.matched])).toEqual([
			[
				'verified',
				'1',
				'crm_contacts (Data table)',
				['name', 'email', 'phone', 'message', 'service', 'owner'],
			],
			[
				'verified',
				'2',
				'crm_contacts (Data table)',
				['name', 'email', 'phone', 'message', 'service', 'owner'],
			],
		]);
		expect(tables.rows('crm_contacts').map((row) => [row.email, row.phone, row.ownerId])).toEqual([
			['jane.roe@example.com', '+14155550123', 'ana'],
			['pat.quinn@example.org', '+442079460958', 'ben'],
		]);
	});
});

describe('Compare with a record from an earlier node', () => {
	it('takes the inquiry from $("Normalize Inquiry") and the record the HTTP Request node read back', async () => {
		const crm = await startLocalCrm();
		try {
			const workflow = JSON.parse(
				JSON.stringify(loadWorkflow(join(__dirname, 'record-http-get.workflow.json')))
					.split('http://127.0.0.1:CRM_PORT')
					.join(crm.url),
			) as WorkflowJson;
			const result = await runWorkflow(workflow, { now: NOW });
			expect(result.error).toBeUndefined();
			expect(routes(result)).toEqual([[{ item: 0 }], [{ item: 1 }]]);
			expect(receiptOf(result.output(NODE, 0)[0])).toMatchObject({
				status: 'verified',
				recordId: 'c-1',
				lost: [],
			});
			const lossy = receiptOf(result.output(NODE, 1)[0]);
			expect(lossy).toMatchObject({
				status: 'mismatch',
				recordId: 'c-2',
				lost: ['phone'],
				matched: ['name', 'email', 'message', 'service'],
			});
			expect(lossy.alert).toBe(
				'Inquiry from Lara Ross (+1 415…) did not reach Local CRM: phone lost',
			);
			expect(crm.requests).toEqual([
				'POST /contacts',
				'POST /contacts',
				'GET /contacts/c-1',
				'GET /contacts/c-2',
			]);
		} finally {
			await crm.close();
		}
	});

	const dataTableFixture = () => loadWorkflow(join(__dirname, 'record-data-table.workflow.json'));
	const saveRecord = (workflow: WorkflowJson) =>
		workflow.nodes.find((node) => node.name === 'Save Record') as WorkflowJson['nodes'][number];

	it('verifies the Data table row read back, against the inquiry of $("Assign Inquiry Owner") and its respond-by time', async () => {
		const result = await runWorkflow(dataTableFixture(), { now: NOW, dataTables: contactsTable() });
		expect(result.error).toBeUndefined();
		expect(routes(result)).toEqual([[{ item: 0 }], []]);
		const json = result.output(NODE, 0)[0];
		const owner = result.output('Assign Inquiry Owner')[0] as {
			assignment: { respondBy: string; owner: { id: string } };
		};
		expect(receiptOf(json)).toMatchObject({
			status: 'verified',
			recordId: '1',
			matched: ['name', 'email', 'phone', 'message', 'service', 'owner'],
			deadline: owner.assignment.respondBy,
		});
		// The output is the inquiry as Assign Inquiry Owner left it, plus the receipt: the row is not merged in.
		expect(json.assignment).toEqual(owner.assignment);
		expect(json.inquiryId).toBeUndefined();
	});

	it('fails with "phone lost" when the Save step forgets the phone', async () => {
		const workflow = dataTableFixture();
		(saveRecord(workflow).parameters as { columns: { value: IDataObject } }).columns.value.phone =
			'';
		const result = await runWorkflow(workflow, { now: NOW, dataTables: contactsTable() });
		expect(routes(result)).toEqual([[], [{ item: 0 }]]);
		expect(receiptOf(result.output(NODE, 1)[0])).toMatchObject({
			status: 'mismatch',
			lost: ['phone'],
			recordId: '1',
		});
		expect(result.output('Alert Text')[0].text).toBe(
			'Inquiry from Jane Roe (+1 415…) did not reach crm_contacts (Data table): phone lost',
		);
	});

	it('fails as missing when nothing was written (the Save step disabled): an empty read-back is no record', async () => {
		const workflow = dataTableFixture();
		saveRecord(workflow).disabled = true;
		const tables = contactsTable();
		const result = await runWorkflow(workflow, { now: NOW, dataTables: tables });
		expect(tables.rows('crm_contacts')).toEqual([]);
		expect(routes(result)).toEqual([[], [{ item: 0 }]]);
		const receipt = receiptOf(result.output(NODE, 1)[0]);
		expect(receipt).toMatchObject({
			status: 'missing',
			matched: [],
			attempts: [{ outcome: 'not_found' }],
		});
		expect(receipt.recordId).toBeUndefined();
		expect(result.output('Alert Text')[0].text).toBe(
			'Inquiry from Jane Roe (+1 415…) did not reach crm_contacts (Data table): no record found',
		);
	});
});

describe('The inquiry as the input item, the record in one of its fields', () => {
	const hubspotContact = {
		id: '501',
		properties: {
			firstname: 'Jane',
			lastname: 'Roe',
			email: 'JANE.ROE@example.com',
			phone: '(415) 555-0123',
			lifecyclestage: 'lead',
		},
	};
	const custom: INodeParameters = {
		mode: 'record',
		destination: 'HubSpot',
		inquirySource: 'inputItem',
		recordField: 'crm',
		fieldsMode: 'custom',
		fields: {
			field: [
				{
					field: 'email',
					inquiryPath: 'contact.email.address',
					destinationPath: 'properties.email',
					comparator: 'email',
				},
				{
					field: 'phone',
					inquiryPath: 'contact.phone.e164',
					destinationPath: 'properties.phone',
					comparator: 'phone',
				},
				{
					field: 'first name',
					inquiryPath: 'contact.name.first',
					destinationPath: 'properties.firstname',
					comparator: 'exact',
				},
				{
					field: 'stage',
					inquiryPath: '',
					destinationPath: 'properties.lifecyclestage',
					comparator: 'present',
				},
			],
		},
		deadline: 'sla',
		slaMinutes: 5,
	};
	const run = (items: IDataObject[], parameters: INodeParameters, now: string) =>
		runWorkflow(manualTriggerWorkflow(items, [{ name: NODE, type: TYPE, parameters }]), { now });

	it('compares custom HubSpot-shaped fields; on time is Verified, past the SLA is Late and Failed', async () => {
		const item = { ...janeRoe(), crm: hubspotContact } as unknown as IDataObject;
		const onTime = await run([item], custom, '2026-03-02T15:04:00.000Z');
		expect(onTime.error).toBeUndefined();
		expect(receiptOf(onTime.output(NODE, 0)[0])).toMatchObject({
			status: 'verified',
			recordId: '501',
			matched: ['email', 'phone', 'first name', 'stage'],
			transferMs: 4 * 60_000,
		});

		const late = await run([item], custom, '2026-03-02T15:19:00.000Z');
		expect(routes(late)).toEqual([[], [{ item: 0 }]]);
		const receipt = receiptOf(late.output(NODE, 1)[0]);
		expect(receipt).toMatchObject({
			status: 'late',
			deadline: '2026-03-02T15:05:00.000Z',
			transferMs: 19 * 60_000,
		});
		expect(receipt.alert).toBe('Inquiry from Jane Roe (+1 415…) reached HubSpot 14 min late');
		expect(Inquiry.parse(late.output(NODE, 1)[0]).receivedAt).toBe(RECEIVED_AT);
	});

	it('holds each item to its own record: a changed name and an empty record', async () => {
		const items = [
			{
				...janeRoe(),
				crm: {
					...hubspotContact,
					properties: { ...hubspotContact.properties, firstname: 'Janet' },
				},
			},
			{ ...janeRoe({ id: 'inq-empty' }), crm: {} },
		] as unknown as IDataObject[];
		const result = await run(items, custom, '2026-03-02T15:02:00.000Z');
		expect(routes(result)).toEqual([[], [{ item: 0 }, { item: 1 }]]);
		const [changed, empty] = result.output(NODE, 1).map(receiptOf);
		expect(changed.changed).toEqual([{ field: 'first name', expected: 'Jane', actual: 'Janet' }]);
		expect(changed.alert).toBe(
			'Inquiry from Jane Roe (+1 415…) did not reach HubSpot: first name changed',
		);
		expect(empty.status).toBe('missing');
	});

	it('uses the owner’s respond-by time as the deadline when asked', async () => {
		const item = { ...janeRoe(), record: janeRecord() } as unknown as IDataObject;
		const parameters = {
			mode: 'response',
			destination: 'CRM',
			inquirySource: 'inputItem',
			deadline: 'respondBy',
			slaMinutes: 5,
		};
		const result = await run([item], parameters, '2026-03-02T15:20:00.000Z');
		// Past the 5-minute SLA, but within Jane's respond-by time of 15:30.
		expect(receiptOf(result.output(NODE, 0)[0])).toMatchObject({
			status: 'verified',
			deadline: '2026-03-02T15:30:00.000Z',
			recordId: 'rec-42',
		});
	});
});

describe('Bad input and errors', () => {
	const good = { ...janeRoe(), record: janeRecord() } as unknown as IDataObject;
	const raw = { name: 'Jane Roe', email: 'jane.roe@example.com' };
	const inputItem = {
		mode: 'record',
		destination: 'CRM',
		inquirySource: 'inputItem',
		deadline: 'none',
	};
	const notAnInquiry =
		'This item is not an inquiry from the Normalize Inquiry node: the item does not match the inquiry shape (schemaVersion: Invalid literal value, expected 1)';

	it('with On Error → Continue, a raw item leaves through Failed with its error and hint; nothing is dropped', async () => {
		const workflow = manualTriggerWorkflow(
			[good, raw, good],
			[{ name: NODE, type: TYPE, parameters: inputItem, onError: 'continueRegularOutput' }],
		);
		const result = await runWorkflow(workflow, { now: NOW });
		expect(result.error).toBeUndefined();
		expect(routes(result)).toEqual([[{ item: 0 }, { item: 2 }], [{ item: 1 }]]);
		expect(result.output(NODE, 1)[0]).toEqual({
			...raw,
			error: notAnInquiry,
			errorCode: 'NOT_AN_INQUIRY',
			errorHint: expect.stringContaining('Put a Normalize Inquiry node before this one'),
		});
	});

	it('without it, the run stops at the raw item with the error and its fix', async () => {
		const result = await runWorkflow(
			manualTriggerWorkflow([raw], [{ name: NODE, type: TYPE, parameters: inputItem }]),
			{ now: NOW },
		);
		expect(result.error).toMatchObject({
			node: NODE,
			message: notAnInquiry,
			description: expect.stringContaining('Put a Normalize Inquiry node before this one'),
		});
	});

	it('says how to point the Inquiry parameter at an earlier node when it holds no inquiry', async () => {
		const parameters = {
			mode: 'record',
			destination: 'CRM',
			inquirySource: 'earlierNode',
			inquiry: '={{ $json }}',
			deadline: 'none',
		};
		const workflow = manualTriggerWorkflow(
			[janeRecord() as IDataObject],
			[{ name: NODE, type: TYPE, parameters, onError: 'continueRegularOutput' }],
		);
		const result = await runWorkflow(workflow, { now: NOW });
		const [failed] = result.output(NODE, 1);
		expect(failed.errorCode).toBe('NOT_AN_INQUIRY');
		expect(failed.error).toMatch(
			/^This item is not an inquiry from the Normalize Inquiry node: the Inquiry parameter /,
		);
		expect(failed.errorHint).toContain("{{ $('Assign Inquiry Owner').item.json }}");
		expect(failed.id).toBe('rec-42');
	});

	it('by default reads the inquiry from the input item, whatever the earlier nodes are called', async () => {
		const result = await runWorkflow(
			manualTriggerWorkflow(
				[good],
				[
					{
						name: NODE,
						type: TYPE,
						parameters: { mode: 'record', destination: 'CRM', deadline: 'none' },
					},
				],
			),
			{ now: NOW },
		);
		expect(receiptOf(result.output(NODE, 0)[0])).toMatchObject({
			status: 'verified',
			recordId: 'rec-42',
		});
	});

	it('names the Inquiry parameter when it is empty or points at a node this workflow does not have', async () => {
		const earlierNode = {
			mode: 'record',
			destination: 'CRM',
			inquirySource: 'earlierNode',
			deadline: 'none',
		};
		const empty = await runWorkflow(
			manualTriggerWorkflow(
				[janeRecord() as IDataObject],
				[{ name: NODE, type: TYPE, parameters: earlierNode }],
			),
			{ now: NOW },
		);
		expect(empty.error).toMatchObject({
			message:
				'This item is not an inquiry from the Normalize Inquiry node: the Inquiry parameter is empty',
			description: expect.stringContaining('use the name that node has in your workflow'),
		});
		const parameters = { ...earlierNode, inquiry: "={{ $('Assign Inquiry Owner').item.json }}" };
		const stopped = await runWorkflow(
			manualTriggerWorkflow(
				[janeRecord() as IDataObject],
				[{ name: NODE, type: TYPE, parameters }],
			),
			{ now: NOW },
		);
		expect(stopped.error).toMatchObject({
			message:
				"This item is not an inquiry from the Normalize Inquiry node: the Inquiry parameter could not be read (Referenced node doesn't exist)",
			description: expect.stringContaining('use the name that node has in your workflow'),
		});
		const continued = await runWorkflow(
			manualTriggerWorkflow(
				[janeRecord() as IDataObject],
				[{ name: NODE, type: TYPE, parameters, onError: 'continueRegularOutput' }],
			),
			{ now: NOW },
		);
		expect(continued.items(NODE, 1)).toEqual([
			{
				json: expect.objectContaining({ id: 'rec-42', errorCode: 'NOT_AN_INQUIRY' }),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('fails every item with the fix when the fields to compare are not valid, and stops without On Error → Continue', async () => {
		const run = (fields: INodeParameters, onError?: 'continueRegularOutput') =>
			runWorkflow(
				manualTriggerWorkflow(
					[good, good],
					[
						{
							name: NODE,
							type: TYPE,
							parameters: { ...inputItem, fieldsMode: 'custom', fields },
							onError,
						},
					],
				),
				{ now: NOW },
			);
		const badPath = await run(
			{
				field: [
					{
						field: 'phone',
						inquiryPath: 'contact.phone',
						destinationPath: 'a..b',
						comparator: 'phone',
					},
				],
			},
			'continueRegularOutput',
		);
		expect(badPath.output(NODE, 1).map((json) => json.errorCode)).toEqual([
			'INVALID_FIELD_PATH',
			'INVALID_FIELD_PATH',
		]);
		expect(badPath.output(NODE, 1)[0].error).toBe(
			'A field path could not be read: "a..b": two dots in a row, or a dot at an end',
		);

		const noRows = await run({});
		expect(noRows.error).toMatchObject({
			message: 'The fields to compare have a problem: add at least one row to Fields',
			description: expect.stringContaining(
				'only "Has Any Value" rows may leave the inquiry field empty',
			),
		});
		expect(noRows.ran('Start')).toBe(true);
		expect(noRows.items(NODE, 0)).toEqual([]);
	});

	it('fails only the item whose read-back URL has no value to fill in', async () => {
		const parameters = {
			mode: 'readBack',
			destination: 'CRM',
			inquirySource: 'inputItem',
			url: '/contacts?phone={phone}',
			deadline: 'none',
		};
		const noPhone = janeRoe({ id: 'inq-no-phone' });
		delete (noPhone.contact as { phone?: unknown }).phone;
		const crm = await startLocalCrm();
		try {
			const workflow = manualTriggerWorkflow(
				[noPhone as unknown as IDataObject],
				[
					{
						name: NODE,
						type: TYPE,
						parameters,
						onError: 'continueRegularOutput',
						credentials: { handoffDestinationApi: { id: '1', name: 'CRM' } },
					},
				],
			);
			const result = await runWorkflow(workflow, {
				now: NOW,
				credentials: {
					handoffDestinationApi: { baseUrl: crm.url, authentication: 'bearer', token: 'x' },
				},
			});
			const [failed] = result.output(NODE, 1);
			expect(failed).toMatchObject({ id: 'inq-no-phone', errorCode: 'INVALID_URL_TEMPLATE' });
			expect(failed.error).toContain('{phone}: this inquiry has no such value');
			expect(crm.requests).toEqual([]);
		} finally {
			await crm.close();
		}
	});
});
