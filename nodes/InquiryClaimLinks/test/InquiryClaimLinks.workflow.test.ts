import type { IDataObject } from 'n8n-workflow';
import { signLink } from '../../../core/loop/token';
import { hostileInquiry } from '../../../core/loop/test/inquiry';
import type { WorkflowJson } from '../../../test/harness';
import { InMemoryDataTables, manualTriggerWorkflow, runWorkflow } from '../../../test/harness';
import { CLICK_AT, LEDGER_TABLE, ownerLinkWorkflow } from './claimLoopWorkflows';

const SECRET = 'workflow-test-link-secret-0123456789';
const credentials = { inquiryLinkSecretApi: { secret: SECRET, baseUrl: 'http://127.0.0.1:5678' } };
const NODE = 'n8n-nodes-inquiry-continuity.inquiryClaimLinks';
const ref = { id: 'c1', name: 'Inquiry Link Secret (test)' };

describe('Create Owner Message in a workflow', () => {
	const workflow = (parameters: IDataObject, items: IDataObject[]) =>
		manualTriggerWorkflow(items, [
			{
				name: 'Owner Message',
				type: NODE,
				parameters: { operation: 'ownerMessage', now: '2026-03-02T15:05:00Z', ...parameters },
				credentials: { inquiryLinkSecretApi: ref },
			},
		]);

	it('adds ownerNotice with the e-mail, SMS, chat and signed links to each inquiry, keeping pairedItem', async () => {
		const result = await runWorkflow(
			workflow({ businessName: '', timezone: 'America/New_York' }, [
				hostileInquiry() as unknown as IDataObject,
			]),
			{ credentials },
		);
		expect(result.error).toBeUndefined();
		const [item] = result.items('Owner Message');
		expect(item.pairedItem).toEqual({ item: 0 });
		const notice = item.json.ownerNotice as {
			links: Record<string, string>;
			message: { email: { to: string; subject: string } };
			linksExpireAt: string;
		};
		expect(item.json.id).toBe('inq-42');
		expect(notice.message.email.to).toBe('ana@example.org');
		expect(notice.message.email.subject).toBe(
			'New inquiry for you: Eve <script>alert(1)</script> *Boss* (web form), reply by Mon 2 Mar, 10:30 (America/New_York)',
		);
		expect(notice.links.claim.startsWith('http://127.0.0.1:5678/webhook/inquiry-link?t=')).toBe(
			true,
		);
		expect(notice.linksExpireAt).toBe('2026-03-05T15:05:00.000Z');
	});

	it('an item that is not an assigned inquiry fails with the item index and a fix, or continues on the output', async () => {
		const items = [hostileInquiry({ assignment: undefined }) as unknown as IDataObject];
		const failed = await runWorkflow(workflow({}, items), { credentials });
		expect(failed.error).toMatchObject({
			node: 'Owner Message',
			message: expect.stringContaining('has no assigned owner'),
			description: expect.stringContaining('To fix this'),
		});
	});

	it('refuses a credential with a short secret', async () => {
		const result = await runWorkflow(workflow({}, [hostileInquiry() as unknown as IDataObject]), {
			credentials: { inquiryLinkSecretApi: { secret: 'short', baseUrl: 'http://127.0.0.1:5678' } },
		});
		expect(result.error?.message).toContain('The link signing secret is missing or too short');
	});
});

describe('Read Clicked Link with a compare-and-set ledger update', () => {
	const tables = new InMemoryDataTables();
	tables.create(LEDGER_TABLE, [
		{ name: 'inquiryId', type: 'string' },
		{ name: 'ownerId', type: 'string' },
		{ name: 'hops', type: 'number' },
		{ name: 'acceptedAt', type: 'string' },
	]);
	const linkWorkflow = ownerLinkWorkflow({ link: ref }) as unknown as WorkflowJson;
	const token = (expiresAt = '2026-03-05T15:05:00.000Z') =>
		signLink({ action: 'claim', inquiryId: 'inq-42', ownerId: 'ana', hop: 0, expiresAt }, SECRET);
	const click = async (t: string) =>
		await runWorkflow(linkWorkflow, {
			credentials,
			dataTables: tables,
			mode: 'webhook',
			pinData: { 'Link Clicked': [{ json: { query: { t } } }] },
		});

	beforeAll(async () => {
		await runWorkflow(
			manualTriggerWorkflow(
				[{ inquiryId: 'inq-42', ownerId: 'ana', hops: 0 }],
				[
					{
						name: 'Ledger Row',
						type: 'n8n-nodes-base.dataTable',
						typeVersion: 1.1,
						parameters: {
							resource: 'row',
							operation: 'insert',
							dataTableId: { __rl: true, mode: 'name', value: LEDGER_TABLE },
							columns: {
								mappingMode: 'autoMapInputData',
								value: {},
								matchingColumns: [],
								schema: [],
							},
							options: {},
						},
					},
				],
			),
			{ dataTables: tables },
		);
	});

	it('the first claim writes acceptedAt at the pinned click time; a second changes nothing', async () => {
		const first = await click(token());
		expect(first.error).toBeUndefined();
		expect(first.output('Read Link', 0)).toEqual([
			expect.objectContaining({
				action: 'claim',
				inquiryId: 'inq-42',
				ownerId: 'ana',
				hops: 0,
				set: { acceptedAt: '2026-03-02T15:10:00.000Z' },
			}),
		]);
		expect(first.output('Claim Once')).toEqual([
			expect.objectContaining({ inquiryId: 'inq-42', acceptedAt: '2026-03-02T15:10:00.000Z' }),
		]);
		expect(tables.rows(LEDGER_TABLE)).toEqual([
			expect.objectContaining({
				inquiryId: 'inq-42',
				ownerId: 'ana',
				acceptedAt: new Date(CLICK_AT).toISOString(),
			}),
		]);

		const second = await click(token());
		expect(second.output('Claim Once')).toEqual([{}]);
		expect(tables.rows(LEDGER_TABLE)).toEqual([
			expect.objectContaining({ acceptedAt: '2026-03-02T15:10:00.000Z' }),
		]);
	});

	it.each([
		['expired', () => token('2026-03-02T15:00:00.000Z'), 410],
		[
			'forged',
			() =>
				signLink(
					{
						action: 'claim',
						inquiryId: 'inq-42',
						ownerId: 'ana',
						hop: 0,
						expiresAt: '2026-03-05T15:05:00.000Z',
					},
					`${SECRET}-other`,
				),
			403,
		],
	])(
		'an %s link leaves on Refused with its page and never reaches the ledger',
		async (reason, make, status) => {
			const result = await click(make());
			expect(result.output('Read Link', 3)).toEqual([
				expect.objectContaining({ refused: reason, page: expect.objectContaining({ status }) }),
			]);
			expect(result.ran('Claim Once')).toBe(false);
		},
	);
});

describe('Find Due Escalation Steps in a workflow', () => {
	it('sends each open ledger row to exactly one output, by the pinned time', async () => {
		const rows = [
			{
				inquiryId: 'quiet',
				ownerId: 'ana',
				assignedAt: '2026-03-02T15:00:00Z',
				respondBy: '2026-03-02T15:30:00Z',
			},
			{
				inquiryId: 'late',
				ownerId: 'ana',
				assignedAt: '2026-03-02T14:00:00Z',
				respondBy: '2026-03-02T14:30:00Z',
				stepsRaised: 'reminder@0',
			},
			{
				inquiryId: 'contacted',
				ownerId: 'ben',
				assignedAt: '2026-03-02T14:00:00Z',
				respondBy: '2026-03-02T14:30:00Z',
				contactedAt: '2026-03-02T14:20:00Z',
			},
			{ inquiryId: 'broken', ownerId: 'ben' },
		];
		const workflow = manualTriggerWorkflow(rows, [
			{
				name: 'Ladder',
				type: NODE,
				parameters: {
					operation: 'ladder',
					businessTimezone: 'America/New_York',
					awayAfterMisses: 1,
					now: '2026-03-02T15:10:00Z',
				},
				onError: 'continueRegularOutput',
			},
		]);
		const result = await runWorkflow(workflow, { credentials });
		expect(result.error).toBeUndefined();
		const ids = (output: number) => result.output('Ladder', output).map((item) => item.inquiryId);
		expect([0, 1, 2, 3, 4].map(ids)).toEqual([
			[],
			['late'],
			['broken'],
			[],
			['quiet', 'contacted'],
		]);
		expect(result.output('Ladder', 1)[0]).toMatchObject({
			ladder: { key: 'reassign@0', exclude: ['ana'] },
			ownerMissedInARow: 1,
			setOwnerAway: true,
		});
		expect(result.output('Ladder', 2)[0]).toMatchObject({
			errorCode: 'LADDER_ROW_INVALID',
			error:
				'This item is not an open row of the inquiry ledger: respondBy "" of inquiry broken is not a date',
		});
	});
});
