import { dataTableRows, updateDataTableRows } from '../e2e/harness/dataTables';
import type { TemplateResult } from '../e2e/harness/templates';
import type { People } from './answers';
import { modelPeople } from './answers';
import type { SimN8n } from './n8n';
import type { Row } from './observed';
import { epochMs, text } from './observed';
import { PeopleAtWork } from './peopleAtWork';
import { lastExecutionId, SWEEP_PATH, waitForRun } from './templateSetup';

/**
 * The loop on the day's compressed clock. Deadlines are whole business minutes, so the shortest
 * is one: every claim deadline is set to 1 minute, around the clock, and one wall minute stands
 * for the normal 240-minute deadline (a quarter of a second per business minute) when the people
 * model plays its delays. One move before the manager keeps the ladder's story to three rungs:
 * reminder → reassignment → manager escalation.
 */
export const LOOP_SETTINGS: Record<string, string> = {
	businessHours: '24/7',
	emergencyMinutes: '1',
	highMinutes: '1',
	normalMinutes: '1',
	lowMinutes: '1',
	maxHops: '1',
	remindBeforeMinutes: '10',
};
/** The deadline the people's habits are measured against: the template default for a normal inquiry. */
const NORMAL_DEADLINE_MINUTES = 240;
export const BUSINESS_MINUTE_MS = 60_000 / NORMAL_DEADLINE_MINUTES;
/**
 * How often the ladder (template 06, also the leak sweep) runs after the traffic: every 15 s, an
 * hour of the people's clock. Not during the traffic: its stalled-handoff check, at its shortest
 * (1 minute), would flag hub runs still queued on a loaded machine.
 */
const LADDER_EVERY_MS = 15_000;

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Sets the loop's settings and puts the team to work: returns the people, reading messages from now on. */
export async function startTheLoop(sim: SimN8n, seed: number): Promise<PeopleAtWork> {
	for (const [setting, value] of Object.entries(LOOP_SETTINGS))
		await updateDataTableRows(sim.client, 'inquiry_settings', { setting }, { value });
	const team = await dataTableRows(sim.client, 'inquiry_team');
	const ownerOf = new Map<string, string>();
	for (const member of team) {
		const ownerId = text(member.ownerId);
		if (!ownerId) continue;
		for (const address of [member.email, member.phone, member.chat])
			if (text(address)) ownerOf.set(text(address)!.toLowerCase(), ownerId);
	}
	const people: People = modelPeople({
		seed,
		ownerIds: [...new Set(ownerOf.values())],
		businessMinuteMs: BUSINESS_MINUTE_MS,
	});
	const atWork = new PeopleAtWork(sim, people, ownerOf);
	atWork.start();
	return atWork;
}

/**
 * Whether the ladder has nothing left to do for a ledger row: someone claimed or contacted it,
 * the manager was told, it left the open read, or (a handoff that never finished) the sweep
 * flagged it.
 */
export function ladderDone(row: Row): boolean {
	if (text(row.acceptedAt) || text(row.contactedAt) || text(row.escalatedAt)) return true;
	if (text(row.open) !== 'yes') return true;
	const handoffOver = text(row.verifiedAt) || text(row.alertedAt);
	return !handoffOver && epochMs(row.sweepAt) !== undefined;
}

/** Runs the ladder once through its webhook (its own path) and waits for that run to finish. */
async function ladderPass(sim: SimN8n, ladder: TemplateResult): Promise<boolean> {
	const path = ladder.endpoints.find((e) => e.prefix === 'webhook')?.path ?? SWEEP_PATH;
	const before = await lastExecutionId(sim.client, ladder.id);
	await sim.client.postWebhook(path, { method: 'POST', body: {} });
	return await waitForRun(sim.client, ladder.id, before, 900_000);
}

/**
 * After the traffic: the ladders pass (each on its own ledger: the Data table's, and in queue mode
 * the Postgres store's), every LADDER_EVERY_MS, until they have nothing left to do for any ledger
 * row (`readLedger`: every ledger's rows) (or `maxMs` ran out, noted), so nothing stays unclaimed
 * and unescalated.
 */
export async function ladderUntilDone(
	sim: SimN8n,
	ladders: TemplateResult[],
	notes: string[],
	maxMs: number,
	readLedger: () => Promise<Row[]>,
): Promise<number> {
	const deadline = Date.now() + maxMs;
	let passes = 0;
	for (;;) {
		const started = Date.now();
		for (const ladder of ladders)
			if (!(await ladderPass(sim, ladder)))
				notes.push(`a pass of "${ladder.name}" did not finish in time`);
		passes += 1;
		const waiting = (await readLedger()).filter((row) => !ladderDone(row));
		if (waiting.length === 0) return passes;
		if (Date.now() > deadline) {
			notes.push(`the ladder still had ${waiting.length} inquiries to move after ${passes} passes`);
			return passes;
		}
		await sleep(Math.max(0, LADDER_EVERY_MS - (Date.now() - started)));
	}
}
