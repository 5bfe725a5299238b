import type { IDataObject } from 'n8n-workflow';
import type { InMemoryDataTables, RunResult } from '../../test/harness';

/** What one inquiry left behind after the whole chain ran: the stage outputs and the table rows. */
export interface ChainOutcome {
	inquiry: IDataObject;
	record: IDataObject;
	ledger: IDataObject;
	notifications: IDataObject[];
}

/**
 * Asserts the chain every entry template runs, stage by stage, for a run with one inquiry that
 * reached an owner: normalized (in the entry), then in the hub: context checked, assigned, saved,
 * read back, verified, the owner told and the ledger row closed. Returns what it found for template-specific checks.
 */
export function expectClosedChain(
	entry: RunResult & { hub: RunResult },
	tables: InMemoryDataTables,
): ChainOutcome {
	expect(entry.error).toBeUndefined();
	const [normalized] = entry.output('Normalize Inquiry', 0);
	const result = entry.hub;
	expect(result.error).toBeUndefined();
	expect(normalized).toMatchObject({ schemaVersion: 1, id: expect.stringMatching(/^inq_/) });
	const contextRan = [0, 1].flatMap((output) => result.output('Check Inquiry Context', output));
	expect(contextRan).toHaveLength(1);
	const [assigned] = result.output('Assign Inquiry Owner', 0);
	expect(assigned.assignment).toMatchObject({
		status: 'assigned',
		owner: { id: expect.any(String) },
		respondBy: expect.any(String),
	});
	const [inquiry] = result.output('Verify Inquiry Handoff', 0);
	expect(inquiry.handoff).toMatchObject({ status: 'verified', lost: [], changed: [] });
	const records = tables.rows('inquiry_records');
	expect(records).toHaveLength(1);
	const ledgerRows = tables.rows('inquiry_ledger');
	expect(ledgerRows).toHaveLength(1);
	expect(ledgerRows[0]).toMatchObject({
		inquiryId: inquiry.id,
		stage: 'tracking',
		handoffStatus: 'verified',
		// Verified, but nobody has claimed it yet: Visibility waits for the owner.
		visibilityCheck: 'not_reached',
	});
	const notifications = tables.rows('inquiry_notifications');
	const told = notifications.filter((row) => row.kind === 'owner_assigned');
	expect(told).toHaveLength(1);
	expect(told[0].inquiryId).toBe(inquiry.id);
	return { inquiry, record: records[0], ledger: ledgerRows[0], notifications };
}
