import { join } from 'path';
import type { DataTableRow } from 'n8n-workflow';
import { loadWorkflow, runWorkflow } from '../../test/harness';
import type { InMemoryDataTables } from '../../test/harness';
import { LINK_CREDENTIAL, OUTBOX_WORKFLOWS, withLinkCredential, withOutbox } from './hub';
import { brokenExpressions, ledgerRow, seed } from './ledgerRows';
import { setSettings, templateTables } from './tables';

/** The ladder as imported, its Hand to the Outbox linked; the Outbox runs in process too. */
const template = withOutbox(loadWorkflow(join(__dirname, '../06-leak-sweep.json')));
const TICK = { 'Every 15 Minutes': [{ json: { timestamp: '2026-03-03T10:00:00.000-05:00' } }] };
/** Tuesday 10:00 in New York, inside the business hours set below. */
const TEN = '2026-03-03T15:00:00.000Z';
const MANAGER = 'manager@rivera.test';

/** A verified inquiry owned by owner-1 since 09:00 with its claim deadline at `respondBy`. */
const owned = (inquiryId: string, respondBy: string, extra: Partial<DataTableRow> = {}) =>
	ledgerRow({
		inquiryId,
		receivedAt: '2026-03-03T14:00:00.000Z',
		contactName: `Person ${inquiryId}`,
		ownerId: 'owner-1',
		ownerName: 'First team member',
		assignedAt: '2026-03-03T14:00:00.000Z',
		respondBy,
		verifiedAt: '2026-03-03T14:01:00.000Z',
		visibilityCheck: 'pass',
		open: 'yes',
		...extra,
	});

async function ladder(tables: InMemoryDataTables, now: string) {
	const result = await runWorkflow(template, {
		now,
		mode: 'trigger',
		dataTables: tables,
		pinData: TICK,
		workflows: OUTBOX_WORKFLOWS,
	});
	expect(result.error).toBeUndefined();
	return result;
}

const ledgerOf = (tables: InMemoryDataTables, inquiryId: string) =>
	tables.rows('inquiry_ledger').find((row) => row.inquiryId === inquiryId)!;
const messages = (tables: InMemoryDataTables, inquiryId: string) =>
	tables
		.rows('inquiry_notifications')
		.filter((row) => row.inquiryId === inquiryId)
		.map((row) => [row.kind, row.recipient]);

async function business(): Promise<InMemoryDataTables> {
	const tables = templateTables();
	await setSettings(tables, {
		timeZone: 'America/New_York',
		businessHours: 'Mon-Fri 09:00-17:00',
		managerEmail: MANAGER,
		maxHops: '1',
		remindBeforeMinutes: '10',
		// In process the rows' updatedAt follows the pinned clock (March) while $now is real, so a
		// long retention keeps retention out of the tests that are not about it.
		retentionDays: '3650',
	});
	return tables;
}

describe('template 6: escalation ladder', () => {
	it('writes only well-formed expressions, and addresses nobody by a placeholder', () => {
		expect(brokenExpressions(template)).toEqual([]);
		expect(JSON.stringify(template)).not.toMatch(/example\.com|America\/New_York/);
	});

	it('an inquiry nobody claims is reminded, reassigned, then escalated to the manager, each once, on the ledger', async () => {
		const tables = await business();
		await seed(tables, 'inquiry_ledger', [owned('unclaimed', '2026-03-03T15:05:00.000Z')]);

		// 10:00, five minutes before the deadline: the owner is reminded; a second run stays quiet.
		const first = await ladder(tables, TEN);
		expect(first.output('Read Open Ledger Rows').map((row) => row.inquiryId)).toEqual([
			'unclaimed',
		]);
		await ladder(tables, '2026-03-03T15:02:00.000Z');
		expect(messages(tables, 'unclaimed')).toEqual([['owner_reminder', 'first.owner@team.invalid']]);
		// Handed to the Outbox, which gave it a receipt: no sender is set here, so nothing was sent.
		expect(
			tables
				.rows('inquiry_notifications')
				.filter((row) => row.inquiryId === 'unclaimed')
				.map((row) => [row.status, row.answer]),
		).toEqual([['not_sent', 'emailFrom is not set in inquiry_settings']]);
		expect(ledgerOf(tables, 'unclaimed')).toMatchObject({
			remindedAt: TEN,
			stepsRaised: 'reminder@0',
		});

		// 10:06, past the deadline: it moves to the next person through the shared owner memory.
		await ladder(tables, '2026-03-03T15:06:00.000Z');
		await ladder(tables, '2026-03-03T15:07:00.000Z');
		const moved = ledgerOf(tables, 'unclaimed');
		expect(moved).toMatchObject({
			reassignedAt: '2026-03-03T15:06:00.000Z',
			hops: 1,
			passedBy: 'owner-1',
			remindedAt: '',
			stepsRaised: 'reminder@0,reassign@0',
			assignedAt: '2026-03-03T15:06:00.000Z',
			open: 'yes',
		});
		expect(['owner-2', 'owner-3']).toContain(moved.ownerId);
		const memory = tables.rows('inquiry_owner_memory');
		expect(memory).toHaveLength(1);
		expect(memory[0].version).toBe(1);
		const newOwnerEmail = `${moved.ownerId === 'owner-2' ? 'second' : 'third'}.owner@team.invalid`;
		expect(messages(tables, 'unclaimed')).toEqual([
			['owner_reminder', 'first.owner@team.invalid'],
			['owner_reassigned', newOwnerEmail],
		]);

		// The new owner gets their own reminder, lets the deadline pass too, and one move was all
		// maxHops allows: the manager.
		const deadline = Date.parse(String(moved.respondBy));
		await ladder(tables, new Date(deadline - 5 * 60_000).toISOString());
		const late = new Date(deadline + 60_000).toISOString();
		await ladder(tables, late);
		await ladder(tables, new Date(Date.parse(late) + 15 * 60_000).toISOString());
		expect(messages(tables, 'unclaimed')).toEqual([
			['owner_reminder', 'first.owner@team.invalid'],
			['owner_reassigned', newOwnerEmail],
			['owner_reminder', newOwnerEmail],
			['escalation', MANAGER],
		]);
		expect(ledgerOf(tables, 'unclaimed')).toMatchObject({
			escalatedAt: late,
			open: '',
			stepsRaised: 'reminder@0,reassign@0,reminder@1,manager',
		});
		// Handed to the manager, the inquiry has left the open read.
		const after = await ladder(tables, new Date(Date.parse(late) + 60 * 60_000).toISOString());
		expect(after.output('Read Open Ledger Rows')).toEqual([]);
	});

	it("the new owner's message carries signed links bound to the new owner and hop, like a first owner's", async () => {
		const tables = await business();
		await seed(tables, 'inquiry_ledger', [owned('moved', '2026-03-03T15:05:00.000Z')]);
		const withLinks = withLinkCredential(template);
		await runWorkflow(withLinks, {
			now: '2026-03-03T15:06:00.000Z',
			mode: 'trigger',
			dataTables: tables,
			pinData: TICK,
			workflows: OUTBOX_WORKFLOWS,
			credentials: { inquiryLinkSecretApi: LINK_CREDENTIAL },
		});
		const row = ledgerOf(tables, 'moved');
		const told = tables
			.rows('inquiry_notifications')
			.find((r) => r.inquiryId === 'moved' && r.kind === 'owner_reassigned')!;
		const tokens = [
			...String(told.body).matchAll(
				/https:\/\/n8n\.hub\.test\/webhook\/inquiry-link\?t=([\w.-]+)/g,
			),
		].map((m) => m[1]);
		expect(tokens).toHaveLength(3);
		// The token's payload, read as the link webhook reads it: [version, action, inquiry, owner, hop, expiry].
		const payloads = tokens.map((t) =>
			JSON.parse(Buffer.from(t.split('.')[0], 'base64url').toString('utf8')),
		);
		expect(payloads.map((p) => [p[2], p[3], p[4]])).toEqual(
			Array.from({ length: 3 }, () => ['moved', row.ownerId, 1]),
		);
		expect(row.ownerId).not.toBe('owner-1');
	});

	it('two inquiries due in one run are reassigned one at a time through the shared memory, to different people', async () => {
		const tables = await business();
		await seed(tables, 'inquiry_ledger', [
			owned('first', '2026-03-03T14:50:00.000Z'),
			owned('second', '2026-03-03T14:55:00.000Z'),
		]);
		await ladder(tables, TEN);
		const owners = ['first', 'second'].map((id) => ledgerOf(tables, id).ownerId);
		expect([...owners].sort()).toEqual(['owner-2', 'owner-3']);
		expect(tables.rows('inquiry_owner_memory')[0].version).toBe(2);
		expect(
			tables
				.rows('inquiry_notifications')
				.map((row) => [row.inquiryId, row.kind])
				.sort(),
		).toEqual([
			['first', 'owner_reassigned'],
			['second', 'owner_reassigned'],
		]);
	});

	it('an owner who lets awayAfterMisses claims pass is set inactive in inquiry_team, and only then', async () => {
		const tables = await business();
		await setSettings(tables, { awayAfterMisses: '2' });
		await seed(tables, 'inquiry_ledger', [owned('first-miss', '2026-03-03T14:50:00.000Z')]);
		await ladder(tables, TEN);
		const team = () =>
			tables.rows('inquiry_team').map((row) => [row.ownerId, row.missedClaims, row.active]);
		expect(team()).toEqual([
			['owner-1', 1, true],
			['owner-2', 0, true],
			['owner-3', 0, true],
		]);
		await seed(tables, 'inquiry_ledger', [owned('second-miss', '2026-03-03T14:55:00.000Z')]);
		await ladder(tables, '2026-03-03T15:01:00.000Z');
		expect(team()[0]).toEqual(['owner-1', 2, false]);
	});

	it('an inquiry already contacted is never escalated, even when its row still says open', async () => {
		const tables = await business();
		await seed(tables, 'inquiry_ledger', [
			owned('contacted', '2026-03-03T14:30:00.000Z', {
				contactedAt: '2026-03-03T14:20:00.000Z',
				open: '',
			}),
			owned('contacted-open', '2026-03-03T14:30:00.000Z', {
				contactedAt: '2026-03-03T14:20:00.000Z',
			}),
		]);
		const run = await ladder(tables, TEN);
		expect(run.output('Read Open Ledger Rows').map((row) => row.inquiryId)).toEqual([
			'contacted-open',
		]);
		expect(run.output('Find Due Escalation Steps', 4).map((row) => row.inquiryId)).toEqual([
			'contacted-open',
		]);
		expect(tables.rows('inquiry_notifications')).toEqual([]);
	});

	it('an inquiry whose hub run never finished is reported to the manager once, as before', async () => {
		const tables = await business();
		await seed(tables, 'inquiry_ledger', [
			ledgerRow({
				inquiryId: 'cut-off',
				receivedAt: '2026-03-03T14:00:00.000Z',
				contactName: 'Sam Ortiz',
				open: 'yes',
			}),
		]);
		await ladder(tables, TEN);
		await ladder(tables, '2026-03-03T15:15:00.000Z');
		expect(messages(tables, 'cut-off')).toEqual([['alert', MANAGER]]);
		expect(ledgerOf(tables, 'cut-off')).toMatchObject({ sweepReason: 'not_assigned' });
	});

	it('removes closed inquiries and notifications untouched for retentionDays, and keeps open ones', async () => {
		const tables = await business();
		await seed(tables, 'inquiry_ledger', [
			owned('open', '2099-01-01T00:00:00.000Z'),
			owned('closed', '2026-03-03T14:30:00.000Z', { open: '' }),
		]);
		await seed(tables, 'inquiry_notifications', [
			{
				inquiryId: 'closed',
				kind: 'owner_assigned',
				dedupeKey: 'closed:owner',
				notifiedAt: new Date(),
			},
		]);
		// Written moments ago: a day's retention keeps them, none removes them (the run's clock is real here).
		await setSettings(tables, { retentionDays: '1' });
		await ladder(tables, TEN);
		expect(tables.rows('inquiry_ledger').map((row) => row.inquiryId)).toEqual(['open', 'closed']);
		expect(tables.rows('inquiry_notifications')).toHaveLength(1);
		await setSettings(tables, { retentionDays: '0' });
		const run = await ladder(tables, TEN);
		expect(run.output('Remove Old Closed Inquiries').map((row) => row.inquiryId)).toEqual([
			'closed',
		]);
		expect(tables.rows('inquiry_ledger').map((row) => row.inquiryId)).toEqual(['open']);
		expect(tables.rows('inquiry_notifications')).toEqual([]);
	});
});
