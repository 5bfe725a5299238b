import { join } from 'path';
import type { DataTableRow, IDataObject } from 'n8n-workflow';
import { loadWorkflow, runWorkflow } from '../../test/harness';
import type { InMemoryDataTables } from '../../test/harness';
import { brokenExpressions, ledgerRow, seed } from './ledgerRows';
import { templateTables } from './tables';

const template = loadWorkflow(join(__dirname, '../06-leak-sweep.json'));
const TICK = { 'Every 15 Minutes': [{ json: { timestamp: '2026-03-03T10:00:00.000-05:00' } }] };
const NOW = '2026-03-03T15:00:00.000Z'; // Tuesday 10:00 in New York, inside business hours

const owned = {
	ownerId: 'owner-1',
	ownerName: 'First team member',
	contactName: 'Dana Reyes',
	stage: 'tracking' as const,
	triggerCheck: 'pass' as const,
};

/** The ledger as the entry templates would have left it by 10:00. */
function ledger(): DataTableRow[] {
	return [
		// The owner had until 09:00 and has not answered: reassign.
		ledgerRow({
			inquiryId: 'late-owner',
			receivedAt: '2026-03-03T13:00:00.000Z',
			...owned,
			assignedAt: '2026-03-03T13:01:00.000Z',
			respondBy: '2026-03-03T14:00:00.000Z',
			escalateAt: '2026-03-03T16:00:00.000Z',
			verifiedAt: '2026-03-03T13:02:00.000Z',
			visibilityCheck: 'pass',
		}),
		// In at 09:00 and still nobody owns it an hour later: escalate.
		ledgerRow({
			inquiryId: 'no-owner',
			receivedAt: '2026-03-03T14:00:00.000Z',
			contactName: 'Sam Ortiz',
			contactPhone: '+14155552671',
		}),
		// Owned since 09:01, but nothing confirmed the record: alert.
		ledgerRow({
			inquiryId: 'unverified',
			receivedAt: '2026-03-03T14:00:00.000Z',
			...owned,
			contactName: 'Lee Chan',
			assignedAt: '2026-03-03T14:01:00.000Z',
			respondBy: '2026-03-03T16:00:00.000Z',
			escalateAt: '2026-03-03T17:00:00.000Z',
		}),
		// Verified ten minutes ago, deadline ahead: healthy.
		ledgerRow({
			inquiryId: 'healthy',
			receivedAt: '2026-03-03T14:50:00.000Z',
			...owned,
			assignedAt: '2026-03-03T14:51:00.000Z',
			respondBy: '2026-03-03T16:00:00.000Z',
			escalateAt: '2026-03-03T17:00:00.000Z',
			verifiedAt: '2026-03-03T14:52:00.000Z',
			visibilityCheck: 'pass',
		}),
		// Answered and verified: not even read.
		ledgerRow({
			inquiryId: 'answered',
			receivedAt: '2026-03-03T13:00:00.000Z',
			...owned,
			respondBy: '2026-03-03T14:00:00.000Z',
			contactedAt: '2026-03-03T13:30:00.000Z',
			verifiedAt: '2026-03-03T13:02:00.000Z',
		}),
		// A synthetic inquiry of the self-audit that nobody owns: left out.
		ledgerRow({
			inquiryId: 'audit',
			receivedAt: '2026-03-03T13:00:00.000Z',
			contactName: 'Self Audit',
		}),
		// Already raised for this reason by an earlier sweep: quiet.
		ledgerRow({
			inquiryId: 'flagged-before',
			receivedAt: '2026-03-03T13:00:00.000Z',
			...owned,
			respondBy: '2026-03-03T14:00:00.000Z',
			escalateAt: '2026-03-03T16:00:00.000Z',
			verifiedAt: '2026-03-03T13:02:00.000Z',
			sweepReason: 'past_deadline',
			sweepAction: 'reassign',
			sweepAt: '2026-03-03T14:15:00.000Z',
		}),
	];
}

async function sweep(tables: InMemoryDataTables, now: string) {
	const result = await runWorkflow(template, {
		now,
		mode: 'trigger',
		dataTables: tables,
		pinData: TICK,
	});
	expect(result.error).toBeUndefined();
	return result;
}

const ids = (items: IDataObject[]) => items.map((item) => item.inquiryId);
const alerts = (tables: InMemoryDataTables) => tables.rows('inquiry_notifications');

describe('template 6: leak sweep', () => {
	it('writes only well-formed expressions', () => {
		expect(brokenExpressions(template)).toEqual([]);
	});

	it('raises each stalled inquiry once, with the recommended action, and writes the reason back', async () => {
		const tables = templateTables();
		await seed(tables, 'inquiry_ledger', ledger());

		const first = await sweep(tables, NOW);
		expect(ids(first.output('Read Open Ledger Rows'))).toEqual([
			'late-owner',
			'no-owner',
			'unverified',
			'healthy',
			'audit',
			'flagged-before',
		]);
		expect(ids(first.output('Leave Out Self-Audit Inquiries'))).not.toContain('audit');
		const stalled = first.output('Find Stalled Inquiries', 0);
		expect(
			stalled.map((item) => [
				item.inquiryId,
				(item.stall as IDataObject).reason,
				(item.stall as IDataObject).action,
			]),
		).toEqual([
			['late-owner', 'past_deadline', 'reassign'],
			['no-owner', 'not_assigned', 'escalate'],
			['unverified', 'not_verified', 'alert'],
		]);
		expect(
			first
				.output('Find Stalled Inquiries', 1)
				.map((item) => [item.inquiryId, (item.stall as IDataObject).status]),
		).toEqual([
			['healthy', 'healthy'],
			['flagged-before', 'already_flagged'],
		]);
		expect(ids(first.output('Reassign Message'))).toEqual(['late-owner']);
		expect(ids(first.output('Escalation Message'))).toEqual(['no-owner']);
		expect(ids(first.output('Check-the-Handoff Message'))).toEqual(['unverified']);

		// The Switch's outputs run in order: Escalate, Reassign, Alert.
		expect(
			alerts(tables).map((row) => [row.inquiryId, row.kind, row.recipient, row.dedupeKey]),
		).toEqual([
			['no-owner', 'escalation', 'manager@example.com', 'sweep:no-owner:not_assigned'],
			['late-owner', 'reassign', 'manager@example.com', 'sweep:late-owner:past_deadline'],
			['unverified', 'alert', 'manager@example.com', 'sweep:unverified:not_verified'],
		]);
		const [escalation, reassign] = alerts(tables);
		expect(escalation.subject).toBe('Escalate: nobody has answered Sam Ortiz');
		expect(escalation.body).toContain('owner: nobody');
		expect(reassign.subject).toBe('Reassign: First team member has not answered Dana Reyes');
		expect(reassign.body).toContain(
			'First team member has not answered the inquiry from Dana Reyes (form), 1 h past its response deadline.',
		);

		const swept = Object.fromEntries(
			tables
				.rows('inquiry_ledger')
				.map((row) => [row.inquiryId, [row.sweepReason, row.sweepAction, row.sweepAt]]),
		);
		expect(swept).toEqual({
			'late-owner': ['past_deadline', 'reassign', NOW],
			'no-owner': ['not_assigned', 'escalate', NOW],
			unverified: ['not_verified', 'alert', NOW],
			healthy: ['', '', ''],
			answered: ['', '', ''],
			audit: ['', '', ''],
			'flagged-before': ['past_deadline', 'reassign', '2026-03-03T14:15:00.000Z'],
		});
		expect(tables.rows('inquiry_ledger')).toHaveLength(7);

		// Fifteen minutes later nothing new has happened: the same inquiries are stalled, nobody is told again.
		const second = await sweep(tables, '2026-03-03T15:15:00.000Z');
		expect(second.output('Find Stalled Inquiries', 0)).toEqual([]);
		expect(
			second.output('Find Stalled Inquiries', 1).map((item) => (item.stall as IDataObject).status),
		).toEqual([
			'already_flagged',
			'already_flagged',
			'already_flagged',
			'healthy',
			'already_flagged',
		]);
		expect(second.ran('Alert the Manager')).toBe(false);
		expect(alerts(tables)).toHaveLength(3);
	});

	it('raises an inquiry again only for a new reason', async () => {
		const tables = templateTables();
		await seed(tables, 'inquiry_ledger', ledger());
		await sweep(tables, NOW);
		// 11:30: two inquiries passed their escalation point, two more their response deadline.
		const later = await sweep(tables, '2026-03-03T16:30:00.000Z');
		expect(
			later
				.output('Find Stalled Inquiries', 0)
				.map((item) => [item.inquiryId, (item.stall as IDataObject).reason]),
		).toEqual([
			['late-owner', 'past_escalation'],
			['unverified', 'past_deadline'],
			['healthy', 'past_deadline'],
			['flagged-before', 'past_escalation'],
		]);
		// The inquiry nobody owns was raised at 10:00 and has no new reason: not raised again.
		expect(
			alerts(tables)
				.map((row) => row.dedupeKey)
				.sort(),
		).toEqual([
			'sweep:flagged-before:past_escalation',
			'sweep:healthy:past_deadline',
			'sweep:late-owner:past_deadline',
			'sweep:late-owner:past_escalation',
			'sweep:no-owner:not_assigned',
			'sweep:unverified:not_verified',
			'sweep:unverified:past_deadline',
		]);
	});
});
