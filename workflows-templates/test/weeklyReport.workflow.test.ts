import { readFileSync } from 'fs';
import { join } from 'path';
import type { DataTableRow, IDataObject } from 'n8n-workflow';
import { loadWorkflow, runWorkflow } from '../../test/harness';
import { OUTBOX_WORKFLOWS, withOutbox } from './hub';
import { brokenExpressions, ledgerRow, seed } from './ledgerRows';
import { setSettings, templateTables } from './tables';

const FILE = join(__dirname, '../07-weekly-continuity-report.json');
const template = withOutbox(loadWorkflow(FILE));
const TICK = {
	'Every Monday at 08:00': [{ json: { timestamp: '2026-03-02T08:00:00.000-05:00' } }],
};
const NOW = '2026-03-02T13:00:00.000Z'; // Monday 08:00 in New York: last week is 23 Feb – 1 Mar
const LAST_WEEK = { from: '2026-02-23T05:00:00.000Z', to: '2026-03-02T05:00:00.000Z' };

const passed = {
	entryCheck: 'pass',
	transferCheck: 'pass',
	contextCheck: 'pass',
	triggerCheck: 'pass',
	visibilityCheck: 'pass',
	stage: 'tracking',
} as const;
const owner = { ownerId: 'owner-1', ownerName: 'First team member' };

function ledger(): DataTableRow[] {
	return [
		// Owned in 3 minutes, verified in 4; the row written then had no first contact yet.
		ledgerRow({
			inquiryId: 'form-1',
			receivedAt: '2026-02-24T15:00:00.000Z',
			channel: 'form',
			...passed,
			visibilityCheck: 'not_reached',
			...owner,
			assignedAt: '2026-02-24T15:03:00.000Z',
			verifiedAt: '2026-02-24T15:04:00.000Z',
			respondBy: '2026-02-24T16:00:00.000Z',
			score: 4,
		}),
		// The owner's "I called them" appended a row of its own (a ledger kept like a sheet): form-1
		// counts once, in its latest state, answered within the hour: score 5.
		{
			inquiryId: 'form-1',
			receivedAt: '2026-02-24T15:00:00.000Z',
			contactedAt: '2026-02-24T15:20:00.000Z',
		},
		// A missed call: the caller never said what they need (context fails), otherwise fine: score 4.
		ledgerRow({
			inquiryId: 'call-1',
			receivedAt: '2026-02-25T16:00:00.000Z',
			channel: 'missed_call',
			sourceSystem: 'twilio',
			...passed,
			contextCheck: 'fail',
			contextOutcome: 'needs_context',
			...owner,
			assignedAt: '2026-02-25T16:10:00.000Z',
			verifiedAt: '2026-02-25T16:11:00.000Z',
			respondBy: '2026-02-25T17:10:00.000Z',
			contactedAt: '2026-02-25T16:40:00.000Z',
			score: 4,
		}),
		// A chat that entered and went nowhere: a leak.
		ledgerRow({
			inquiryId: 'chat-1',
			receivedAt: '2026-02-27T14:00:00.000Z',
			channel: 'chat',
			sourceSystem: 'intercom',
			score: 2,
		}),
		// Outside last week, or synthetic: not in the report.
		ledgerRow({
			inquiryId: 'week-before',
			receivedAt: '2026-02-20T15:00:00.000Z',
			...passed,
			score: 5,
		}),
		ledgerRow({
			inquiryId: 'this-week',
			receivedAt: '2026-03-02T12:00:00.000Z',
			...passed,
			score: 5,
		}),
		ledgerRow({
			inquiryId: 'self-audit',
			receivedAt: '2026-02-26T12:00:00.000Z',
			contactName: 'Self Audit',
			...passed,
			score: 5,
		}),
	];
}

const BRIGHT = {
	businessName: 'Bright Plumbing',
	timeZone: 'America/New_York',
	managerEmail: 'ops@bright.test',
	emailFrom: 'inquiries@bright.test',
};

async function report(dataTables = templateTables()) {
	const result = await runWorkflow(template, {
		now: NOW,
		mode: 'trigger',
		dataTables,
		pinData: TICK,
		workflows: OUTBOX_WORKFLOWS,
	});
	expect(result.error).toBeUndefined();
	return result;
}

describe('template 7: weekly continuity report', () => {
	it('writes only well-formed expressions, and no placeholder address or business', () => {
		expect(brokenExpressions(template)).toEqual([]);
		const text = readFileSync(FILE, 'utf8');
		expect(text).not.toContain('example.com');
		expect(text).not.toContain('Your business name');
	});

	it("summarizes last week's ledger into a report row", async () => {
		const tables = templateTables();
		await setSettings(tables, BRIGHT);
		await seed(tables, 'inquiry_ledger', ledger());
		const result = await report(tables);

		expect(result.output('Last Week')).toEqual([LAST_WEEK]);
		expect(result.output("Read Last Week's Ledger").map((row) => row.inquiryId)).toEqual([
			'form-1',
			'form-1',
			'call-1',
			'chat-1',
		]);
		const [summarized] = result.output('Summarize Period');
		const summary = summarized.summary as IDataObject;
		expect(summary).toMatchObject({
			inquiries: 3,
			entered: 3,
			byChannel: { form: 1, missed_call: 1, chat: 1 },
			leaks: { count: 1, rate: 0.3333, byChannel: { chat: 1 } }, // rounded to 4 places
			timeToOwner: { count: 2, medianMinutes: 6.5 },
			unassigned: 1,
			superseded: 1,
			// form-1 contacted: 5; call-1 contacted, context missing: 4; chat-1: 2.
			score: { average: 3.7, level: 2, distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 } },
		});
		// Business minutes, Mon–Fri 08:00–17:00 New York (all inside opening hours here).
		expect(summary.clocks).toMatchObject({
			minutes: 'business',
			all: {
				inquiries: 3,
				claimed: 0,
				contacted: 2,
				claimsMissed: 0,
				// 3 and 10.
				toAssign: { count: 2, medianMinutes: 6.5, p90Minutes: 10 },
				// Nobody used the claim link.
				toClaim: { count: 0, medianMinutes: null, p90Minutes: null },
				// 20 and 40.
				toContact: { count: 2, medianMinutes: 30, p90Minutes: 40 },
			},
		});
		expect(Object.keys((summary.clocks as IDataObject).byOwner as IDataObject)).toEqual([
			'First team member',
		]);
		expect(String(summarized.html)).toContain('Bright Plumbing · 23 Feb – 1 Mar 2026');
		expect(String(summarized.html)).toContain('>The three clocks</td>');
		expect(summary.period).toMatchObject({ from: LAST_WEEK.from, to: LAST_WEEK.to });
		expect(String(summarized.html)).toContain('<svg');

		const rows = tables.rows('inquiry_notifications');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			inquiryId: '',
			kind: 'report',
			channel: 'email',
			recipient: 'ops@bright.test',
			subject: summarized.subject,
			body: summarized.text,
			dedupeKey: `report:${LAST_WEEK.from}`,
		});
		expect(String(rows[0].subject)).toMatch(
			/^Weekly inquiry continuity, .*23.*Feb.*: score \d\/5$/,
		);
		expect(String(rows[0].body)).toContain('3 inquiries');
		// The Outbox sends the report as the HTML e-mail Summarize Period wrote.
		expect(rows[0].html).toBe(summarized.html);

		// Running it again for the same week replaces the report row.
		await report(tables);
		expect(tables.rows('inquiry_notifications')).toHaveLength(1);
	});

	it('still reports a week without inquiries', async () => {
		const result = await report();
		const [summarized] = result.output('Summarize Period');
		expect((summarized.summary as IDataObject).inquiries).toBe(0);
		expect(String(summarized.subject)).toContain('no inquiries');
		expect(result.output('Record Weekly Report')).toHaveLength(1);
	});
});
