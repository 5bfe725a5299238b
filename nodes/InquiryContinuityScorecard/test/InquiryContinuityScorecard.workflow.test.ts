import { join } from 'path';
import type { DataTableColumnType, IDataObject } from 'n8n-workflow';
import { LEDGER_COLUMNS, LedgerRow } from '../../../core/scorecard/ledger';
import { InquiryScorecard } from '../../../core/scorecard/scoreInquiry';
import { PeriodSummary } from '../../../core/scorecard/summary';
import { journey } from '../../../core/scorecard/test/journey';
import { ledgerRow } from '../../../core/scorecard/test/rows';
import {
	InMemoryDataTables,
	loadWorkflow,
	manualTriggerWorkflow,
	runWorkflow,
} from '../../../test/harness';

const TYPE = 'n8n-nodes-inquiry-continuity.inquiryContinuityScorecard';
const fixture = (name: string) => loadWorkflow(join(__dirname, name));

function ledgerTable(): InMemoryDataTables {
	const tables = new InMemoryDataTables();
	tables.create(
		'continuity_ledger',
		LEDGER_COLUMNS.map((name) => ({
			name,
			type: (name === 'score' ? 'number' : 'string') as DataTableColumnType,
		})),
	);
	return tables;
}

async function seed(tables: InMemoryDataTables, rows: LedgerRow[]): Promise<void> {
	const proxy = await tables.provider().getDataTableProxy(null, null, 'dt_continuity_ledger');
	await proxy.insertRows(rows as unknown as Parameters<typeof proxy.insertRows>[0], 'all');
}

describe('Score Inquiry after a real Assign Inquiry Owner, into a Data table ledger', () => {
	it('scores each inquiry from its trail and upserts one flat ledger row per inquiry', async () => {
		const tables = ledgerTable();
		const run = () =>
			runWorkflow(fixture('score-inquiry.workflow.json'), {
				now: '2026-05-04T14:30:00.000Z',
				dataTables: tables,
			});
		const result = await run();
		expect(result.error).toBeUndefined();
		const items = result.items('Score Inquiry');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);

		const cards = items.map((item) => InquiryScorecard.parse(item.json.scorecard));
		// inq-verified has its owner and a verified record, but nobody has claimed it yet: 4, not 5.
		expect(cards.map((card) => [card.score, card.label])).toEqual([
			[4, 'Strong integration support'],
			[3, 'Partial continuity, weak action'],
			[4, 'Strong integration support'],
		]);
		expect(cards[0].checks[4]).toMatchObject({
			status: 'not_reached',
			why: 'Nobody has claimed it or contacted the person yet.',
		});
		expect(cards[1].checks.find((c) => c.check === 'transfer')).toEqual({
			check: 'transfer',
			status: 'not_reached',
			why: 'No handoff receipt: nothing shows it reached the next system.',
		});
		// Its failure was alerted, but nobody has claimed it yet.
		expect(cards[2].checks.map((c) => c.status)).toEqual([
			'pass',
			'pass',
			'fail',
			'pass',
			'not_reached',
		]);
		expect(cards[2].checks[4].evidence).toEqual({
			node: 'Verify Inquiry Handoff',
			at: '2026-05-04T14:04:00.000Z',
			outcome: 'alerted',
			detail: 'Slack #leads',
		});
		expect(cards[0].checks[3].evidence).toMatchObject({
			node: 'Assign Inquiry Owner',
			outcome: 'assigned',
			at: '2026-05-04T14:30:00.000Z',
		});
		// Scoring reads the trail; it adds nothing to it.
		expect((items[1].json.continuity as { trail: unknown[] }).trail).toHaveLength(3);

		const stored = tables.rows('continuity_ledger');
		expect(
			stored.map((row) => [row.inquiryId, row.score, row.ownerId, row.stage, row.transferCheck]),
		).toEqual([
			['inq-verified', 4, 'ana', 'tracking', 'pass'],
			['inq-no-receipt', 3, 'ana', 'trigger', 'not_reached'],
			['inq-late-alerted', 4, 'ana', 'tracking', 'pass'],
		]);
		expect(stored[2]).toMatchObject({
			channel: 'missed_call',
			sourceSystem: 'twilio',
			contextOutcome: 'needs_context',
			alertedAt: '2026-05-04T14:04:00.000Z',
			assignedAt: '2026-05-04T14:30:00.000Z',
		});

		await run();
		expect(tables.rows('continuity_ledger')).toHaveLength(3);
	});

	it('sends an item that is not an inquiry on with its error and fix hint when On Error → Continue', async () => {
		const workflow = manualTriggerWorkflow(
			[{ hello: 'world' }],
			[
				{
					name: 'Score',
					type: TYPE,
					parameters: { operation: 'scoreInquiry' },
					onError: 'continueRegularOutput',
				},
			],
		);
		const result = await runWorkflow(workflow);
		expect(result.error).toBeUndefined();
		expect(result.output('Score')[0]).toMatchObject({
			hello: 'world',
			errorCode: 'NOT_AN_INQUIRY',
			errorHint: expect.stringContaining('Normalize Inquiry'),
		});
	});
});

describe('Summarize Period', () => {
	it('turns a week of ledger rows into one report item paired with every input', async () => {
		const result = await runWorkflow(fixture('summarize-period.workflow.json'), {
			now: '2026-05-11T09:00:00.000Z',
		});
		expect(result.error).toBeUndefined();
		const items = result.items('Weekly Report');
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual(Array.from({ length: 9 }, (_, item) => ({ item })));

		const report = items[0].json;
		const summary = PeriodSummary.parse(report.summary);
		expect(summary).toMatchObject({
			inquiries: 8,
			outsidePeriod: 1,
			entered: 7,
			leaks: { count: 3, rate: 0.4286 },
			worstLeakingStage: { check: 'transfer', leaks: 2 },
			timeToOwner: { medianMinutes: 20, p90Minutes: 240 },
			timeToVerified: { medianMinutes: 12, p90Minutes: 20 },
			slaBreaches: 2,
			unassigned: 1,
			needsContext: 1,
			score: { average: 4.1, level: 3 },
		});
		expect(report.subject).toBe('Weekly inquiry continuity, 4–10 May 2026: score 3/5');
		expect(report.text).toBe(
			'Weekly inquiry continuity, 4–10 May 2026: 8 inquiries, score 3/5 (Partial continuity, weak action). Leaks 3 (43%), most at Transfer. Median: owner in 20 min, claimed in –, first contact in 1 h 5 min; claims missed 1. SLA breaches 2, unassigned 1, needs context 1.',
		);
		expect(report.html).toEqual(expect.stringContaining('<svg width="592"'));
		expect(report).not.toHaveProperty('skipped');

		// Downstream nodes see the report and, through pairedItem, the rows it came from.
		expect(result.output('Email Fields')[0]).toMatchObject({
			subject: report.subject,
			html: report.html,
			firstRow: 'A',
		});
	});

	it('counts a ledger kept by appending rows once, and times the three clocks in business hours', async () => {
		// Mon 4 May 2026, open Mon–Fri 09:00–17:00 UTC. S1 arrives 10 min before closing; the claim
		// link and the first contact each appended a row of their own, as a Google Sheet keeps them.
		const mon = (time: string) => `2026-05-04T${time}:00.000Z`;
		const tue = (time: string) => `2026-05-05T${time}:00.000Z`;
		const s1 = { inquiryId: 'S1', receivedAt: mon('16:50') };
		const items = [
			{
				...ledgerRow({ ...s1, assignedAt: mon('16:51'), respondBy: tue('09:30') }),
				contactedAt: '',
				visibilityCheck: 'not_reached',
				score: 4,
			},
			{ ...s1, acceptedAt: tue('09:05') },
			{ ...s1, contactedAt: tue('09:20') },
			// S2: a call the ladder moved to Bo, who never claimed it nor called back.
			{
				...ledgerRow({
					inquiryId: 'S2',
					channel: 'call',
					ownerId: 'bo',
					ownerName: 'Bo <Chen>',
					receivedAt: tue('10:00'),
					assignedAt: tue('10:01'),
					respondBy: tue('11:00'),
					contactedAt: '',
				}),
				hops: '1',
				reassignedAt: tue('10:31'),
			},
		] as unknown as IDataObject[];
		const workflow = manualTriggerWorkflow(items, [
			{
				name: 'Report',
				type: TYPE,
				parameters: {
					operation: 'summarizePeriod',
					reportTimezone: 'UTC',
					clock: 'business',
					businessTimezone: 'UTC',
					businessHours: 'Mon-Fri 09:00-17:00',
				},
			},
		]);
		const result = await runWorkflow(workflow, { now: '2026-05-06T09:00:00.000Z' });
		expect(result.error).toBeUndefined();
		const report = result.output('Report')[0];
		const summary = PeriodSummary.parse(report.summary);
		expect(summary).toMatchObject({ inquiries: 2, entered: 2, superseded: 2 });
		// S1 claimed: 5. S2 past its deadline with nobody acting: Trigger fails, 3. Mean 4; level 3.
		expect(summary.score).toEqual({
			average: 4,
			level: 3,
			label: 'Partial continuity, weak action',
			distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1 },
		});
		expect(summary.clocks).toMatchObject({
			minutes: 'business',
			all: {
				inquiries: 2,
				claimed: 1,
				contacted: 1,
				claimsMissed: 1,
				reassigned: 1,
				// S1 1, S2 1.
				toAssign: { count: 2, medianMinutes: 1, p90Minutes: 1 },
				// S1: 9 min before closing + 5 after opening.
				toClaim: { count: 1, medianMinutes: 14, p90Minutes: 14 },
				// S1: 10 + 20.
				toContact: { count: 1, medianMinutes: 30, p90Minutes: 30 },
			},
		});
		expect(Object.keys(summary.clocks.byOwner)).toEqual(['Ana Lopez', 'Bo <Chen>']);
		expect(String(report.html)).toContain('>Bo &lt;Chen&gt;</td>');
		expect(String(report.html)).toContain('business hours only');
	});

	it('reads a period given as dates in the report time zone', async () => {
		const rows = [
			ledgerRow({ inquiryId: 'before', receivedAt: '2026-05-04T03:59:00.000Z' }),
			ledgerRow({ inquiryId: 'inside', receivedAt: '2026-05-04T04:00:00.000Z' }),
		];
		const workflow = manualTriggerWorkflow(rows as unknown as IDataObject[], [
			{
				name: 'Report',
				type: TYPE,
				parameters: {
					operation: 'summarizePeriod',
					periodStart: '2026-05-04',
					periodEnd: '2026-05-05',
					reportTimezone: 'America/New_York',
				},
			},
		]);
		const result = await runWorkflow(workflow, { now: '2026-05-06T00:00:00.000Z' });
		const summary = PeriodSummary.parse(result.output('Report')[0].summary);
		expect([summary.inquiries, summary.outsidePeriod, summary.period.from]).toEqual([
			1,
			1,
			'2026-05-04T04:00:00.000Z',
		]);
	});

	it('lists unreadable items under skipped with On Error → Continue, and stops with the item index otherwise', async () => {
		const items = [ledgerRow() as unknown as IDataObject, { nothing: 'here' }];
		const chain = (onError?: 'continueRegularOutput') => [
			{
				name: 'Report',
				type: TYPE,
				parameters: { operation: 'summarizePeriod' },
				...(onError ? { onError } : {}),
			},
		];
		const continued = await runWorkflow(
			manualTriggerWorkflow(items, chain('continueRegularOutput')),
			{ now: '2026-05-06T00:00:00.000Z' },
		);
		expect(continued.error).toBeUndefined();
		const report = continued.output('Report')[0];
		expect((report.summary as IDataObject).inquiries).toBe(1);
		expect(report.skipped).toEqual([
			{
				item: 1,
				error: expect.stringContaining('neither an inquiry nor a continuity ledger row'),
				errorCode: 'SCORECARD_INPUT_INVALID',
			},
		]);

		const stopped = await runWorkflow(manualTriggerWorkflow(items, chain()), {
			now: '2026-05-06T00:00:00.000Z',
		});
		expect(stopped.error).toMatchObject({
			node: 'Report',
			message: expect.stringContaining('inquiryId'),
			description: expect.stringContaining('To fix this'),
		});
	});

	it('stops with a fix hint when the period ends before it starts', async () => {
		const workflow = manualTriggerWorkflow(
			[ledgerRow() as unknown as IDataObject],
			[
				{
					name: 'Report',
					type: TYPE,
					parameters: {
						operation: 'summarizePeriod',
						periodStart: '2026-05-10',
						periodEnd: '2026-05-04',
					},
				},
			],
		);
		const result = await runWorkflow(workflow);
		expect(result.error).toMatchObject({
			message: expect.stringContaining('ends before it starts'),
			description: expect.stringContaining('Period Start'),
		});
	});
});

describe('Find Stalled Inquiries: the leak sweep over a Data table ledger', () => {
	const rows = [
		// Friday 16:50 in New York, still without an owner: due Monday 09:20 on business hours.
		ledgerRow({
			inquiryId: 'late-friday',
			receivedAt: '2026-05-08T20:50:00.000Z',
			ownerId: '',
			ownerName: '',
			assignedAt: '',
			respondBy: '',
			escalateAt: '',
			contactedAt: '',
			verifiedAt: '',
			triggerCheck: 'fail',
			visibilityCheck: 'not_reached',
		}),
		// Owned, never answered, past its deadline.
		ledgerRow({
			inquiryId: 'missed-deadline',
			receivedAt: '2026-05-11T12:00:00.000Z',
			assignedAt: '2026-05-11T12:01:00.000Z',
			respondBy: '2026-05-11T13:00:00.000Z',
			escalateAt: '2026-05-11T15:00:00.000Z',
			contactedAt: '',
		}),
		// Answered and verified.
		ledgerRow({
			inquiryId: 'healthy',
			receivedAt: '2026-05-11T12:30:00.000Z',
			respondBy: '2026-05-11T14:00:00.000Z',
			escalateAt: '2026-05-11T15:00:00.000Z',
			contactedAt: '2026-05-11T12:40:00.000Z',
		}),
		// Rejected at entry: never chased.
		ledgerRow({
			inquiryId: 'forged',
			receivedAt: '2026-05-08T20:00:00.000Z',
			entryCheck: 'fail',
			ownerId: '',
			respondBy: '',
			escalateAt: '',
		}),
	];

	it('sends stalled rows to Stalled with a reason, an action and a message, writes the flag back, and raises each once', async () => {
		const tables = ledgerTable();
		await seed(tables, rows);
		const workflow = fixture('find-stalled.workflow.json');

		const saturday = await runWorkflow(workflow, {
			now: '2026-05-09T15:00:00.000Z',
			dataTables: tables,
		});
		expect(saturday.error).toBeUndefined();
		expect(saturday.output('Find Stalled', 0)).toEqual([]);

		const monday = await runWorkflow(workflow, {
			now: '2026-05-11T13:25:00.000Z',
			dataTables: tables,
		});
		expect(monday.error).toBeUndefined();
		const stalled = monday.items('Find Stalled', 0);
		expect(
			stalled.map((item) => [
				item.json.inquiryId,
				(item.json.stall as IDataObject).reason,
				(item.json.stall as IDataObject).action,
				item.pairedItem,
			]),
		).toEqual([
			['late-friday', 'not_assigned', 'escalate', { item: 0 }],
			['missed-deadline', 'past_deadline', 'reassign', { item: 1 }],
		]);
		expect(
			monday
				.output('Find Stalled', 1)
				.map((json) => [json.inquiryId, (json.stall as IDataObject).status]),
		).toEqual([
			['healthy', 'healthy'],
			['forged', 'healthy'],
		]);
		expect(monday.output('Alert Text').map((json) => json.text)).toEqual([
			'The inquiry from Jane Roe (form) still has no owner, 5 min past the time allowed. Escalate so someone takes it.',
			'Ana Lopez has not answered the inquiry from Jane Roe (form), 25 min past its response deadline. Reassign it to someone available.',
		]);
		expect(
			tables
				.rows('continuity_ledger')
				.map((row) => [row.inquiryId, row.sweepReason, row.sweepAction, row.sweepAt]),
		).toEqual([
			['late-friday', 'not_assigned', 'escalate', '2026-05-11T13:25:00.000Z'],
			['missed-deadline', 'past_deadline', 'reassign', '2026-05-11T13:25:00.000Z'],
			['healthy', '', '', ''],
			['forged', '', '', ''],
		]);

		const again = await runWorkflow(workflow, {
			now: '2026-05-11T13:40:00.000Z',
			dataTables: tables,
		});
		expect(again.output('Find Stalled', 0)).toEqual([]);
		expect(
			again
				.output('Find Stalled', 1)
				.filter((json) => (json.stall as IDataObject).status === 'already_flagged')
				.map((json) => json.inquiryId),
		).toEqual(['late-friday', 'missed-deadline']);

		const escalation = await runWorkflow(workflow, {
			now: '2026-05-11T15:05:00.000Z',
			dataTables: tables,
		});
		expect(
			escalation
				.output('Find Stalled', 0)
				.map((json) => [json.inquiryId, (json.stall as IDataObject).reason]),
		).toEqual([['missed-deadline', 'past_escalation']]);
	});

	it('stops once with a fix hint on unreadable business hours', async () => {
		const workflow = manualTriggerWorkflow(rows as unknown as IDataObject[], [
			{
				name: 'Sweep',
				type: TYPE,
				parameters: { operation: 'findStalled', businessHours: 'whenever' },
			},
		]);
		const result = await runWorkflow(workflow, { now: '2026-05-11T13:25:00.000Z' });
		expect(result.error).toMatchObject({
			node: 'Sweep',
			message: expect.stringContaining('Business Hours'),
			description: expect.stringContaining('To fix this'),
		});
	});
});

describe('Check Setup', () => {
	const checkSetup = (parameters: IDataObject) =>
		manualTriggerWorkflow(
			[{ settings: { businessName: 'Northside Plumbing' } }, { team: [] }],
			[{ name: 'Check', type: TYPE, parameters: { operation: 'checkSetup', ...parameters } }],
		);

	it('turns every input item into one verdict, paired with all of them', async () => {
		const result = await runWorkflow(
			checkSetup({
				setup: '={{ { settings: $input.first().json.settings, team: [] } }}',
				entries: '={{ [{ entry: "Form", answered: 404, onLedger: false }] }}',
			}),
		);
		expect(result.error).toBeUndefined();
		const [item] = result.items('Check');
		expect(item.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		const audit = item.json.setupAudit as { passed: boolean; problems: { where: string }[] };
		expect(audit.passed).toBe(false);
		expect(audit.problems.map((problem) => problem.where)).toEqual([
			'inquiry_settings: timeZone',
			'inquiry_settings: managerEmail',
			'inquiry_settings: emailFrom',
			'inquiry_settings: textBackSender',
			'inquiry_team',
			'Form',
		]);
	});

	it('stops with a fix hint when Setup is not the business setup', async () => {
		const result = await runWorkflow(checkSetup({ setup: '={{ [] }}' }));
		expect(result.error).toMatchObject({
			message: expect.stringContaining('Setup must be an object { settings, team }'),
			description: expect.stringContaining("$('Business Setup').first().json"),
		});
	});
});

describe('Match Open Inquiry', () => {
	const open = {
		inquiryId: 'inq_open',
		receivedAt: '2026-05-04T09:00:00.000Z',
		channel: 'missed_call',
		identityKey: 'phone:+14155550123',
		contactPhone: '+14155550123',
		ownerId: 'ana',
		ownerName: 'Ana Lopez',
		contactedAt: null,
	};
	const match = (earlierInquiries: unknown, onError?: 'continueRegularOutput') => ({
		name: 'Match',
		type: TYPE,
		parameters: {
			operation: 'matchOpenInquiry',
			earlierInquiries: `={{ ${JSON.stringify(earlierInquiries)} }}`,
			repeatWindowHours: 24,
		},
		...(onError ? { onError } : {}),
	});
	const form = journey(
		[['entry', 'normalized']],
		{ id: 'inq_form', identityKeys: ['email:jane@example.com', 'phone:+14155550123'] },
		'2026-05-04T14:00:00.000Z',
	);
	const stranger = journey([['entry', 'normalized']], {
		id: 'inq_other',
		identityKeys: ['email:someone@example.com'],
		contact: { name: {}, email: { address: 'someone@example.com', valid: true, raw: 'x' } },
	});

	it('sends the same person to Repeat with the open inquiry, and anyone else to New unchanged', async () => {
		const items = [form, stranger] as unknown as IDataObject[];
		const result = await runWorkflow(manualTriggerWorkflow(items, [match([open])]), {
			now: '2026-05-04T14:00:00.000Z',
		});
		expect(result.error).toBeUndefined();
		const [repeat] = result.items('Match', 0);
		expect(repeat.pairedItem).toEqual({ item: 0 });
		expect(repeat.json.repeat).toEqual({
			status: 'repeat',
			open: {
				inquiryId: 'inq_open',
				ownerId: 'ana',
				ownerName: 'Ana Lopez',
				receivedAt: '2026-05-04T09:00:00.000Z',
			},
			update: {
				contactCount: 2,
				channels: 'missed_call, form',
				lastContactAt: '2026-05-04T14:00:00.000Z',
			},
			said: 'wrote again',
		});
		expect(result.items('Match', 1)).toEqual([
			expect.objectContaining({ json: stranger, pairedItem: { item: 1 } }),
		]);
	});

	it('fails an item whose Earlier Inquiries is not a list, with the fix; On Error → Continue sends it to New', async () => {
		const items = [form] as unknown as IDataObject[];
		const stopped = await runWorkflow(manualTriggerWorkflow(items, [match('rows')]));
		expect(stopped.error).toMatchObject({
			node: 'Match',
			message: expect.stringContaining('Earlier Inquiries is not a list of ledger rows'),
		});
		const continued = await runWorkflow(
			manualTriggerWorkflow(items, [match('rows', 'continueRegularOutput')]),
		);
		expect(continued.error).toBeUndefined();
		expect(continued.output('Match', 1)).toEqual([
			expect.objectContaining({ id: 'inq_form', errorCode: 'SCORECARD_INPUT_INVALID' }),
		]);
	});
});
