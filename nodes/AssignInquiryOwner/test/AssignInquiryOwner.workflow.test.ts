import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import { loadWorkflow, manualTriggerWorkflow, runWorkflow } from '../../../test/harness';
import type { WorkflowJson } from '../../../test/harness';

const fixture = (name: string) => loadWorkflow(join(__dirname, `${name}.workflow.json`));
const MON_10AM_NY = '2026-03-02T15:00:00.000Z';
const owners = (result: Awaited<ReturnType<typeof runWorkflow>>, output = 0) =>
	result
		.output('Assign Owner', output)
		.map((item) => (item.assignment as IDataObject & { owner?: { id: string } }).owner?.id);

/** The round-robin workflow with one pinned inquiry per execution, as a live trigger would run it. */
function withItems(workflow: WorkflowJson, items: IDataObject[]): WorkflowJson {
	return { ...workflow, pinData: { Start: items.map((json) => ({ json })) } };
}

describe('Assign Inquiry Owner in a workflow', () => {
	const roundRobin = fixture('round-robin');

	it('continues the rotation in the next production execution, from saved static data', async () => {
		const first = await runWorkflow(roundRobin, { now: MON_10AM_NY, mode: 'trigger' });
		expect(first.error).toBeUndefined();
		expect(owners(first)).toEqual(['ana', 'ben']);
		expect(first.items('Assign Owner').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
		const second = await runWorkflow(roundRobin, {
			now: MON_10AM_NY,
			mode: 'trigger',
			staticData: first.staticData,
		});
		expect(owners(second)).toEqual(['cara', 'ana']);
		expect(second.staticData['node:Assign Owner']).toMatchObject({
			routing: { assigned: 4, daily: { day: '2026-03-02', counts: { ana: 2, ben: 1, cara: 1 } } },
		});
	});

	it('writes the assignment and one trail entry onto each inquiry', async () => {
		const { output } = await runWorkflow(roundRobin, { now: MON_10AM_NY, mode: 'trigger' });
		const [first] = output('Assign Owner');
		expect(first.assignment).toMatchObject({
			status: 'assigned',
			owner: { id: 'ana', name: 'Ana Lopez', email: 'ana@example.com', chat: 'U01ANA' },
			strategy: 'round_robin',
			respondBy: '2026-03-02T19:00:00.000Z',
			escalateAt: '2026-03-02T20:00:00.000Z',
			fallbackUsed: false,
			dryRun: false,
			reason:
				'Ana Lopez is next in the round robin of the whole roster (3 of 3 available). Respond by Mon 2 Mar 14:00 (America/New_York).',
		});
		expect((first.continuity as { trail: IDataObject[] }).trail.at(-1)).toEqual({
			stage: 'trigger',
			node: 'Assign Owner',
			at: MON_10AM_NY,
			outcome: 'assigned',
			detail: 'ana (round_robin)',
		});
	});

	it('saves nothing from an editor (manual) run or a dry run', async () => {
		const first = await runWorkflow(roundRobin, { now: MON_10AM_NY, mode: 'trigger' });
		const manual = await runWorkflow(roundRobin, {
			now: MON_10AM_NY,
			mode: 'manual',
			staticData: first.staticData,
		});
		expect(owners(manual)).toEqual(['cara', 'ana']);
		expect(manual.staticData).toEqual(first.staticData);

		const dry = structuredClone(roundRobin);
		dry.nodes[1].parameters = { ...dry.nodes[1].parameters, dryRun: true };
		const preview = await runWorkflow(dry, {
			now: MON_10AM_NY,
			mode: 'trigger',
			staticData: first.staticData,
		});
		expect(owners(preview)).toEqual(['cara', 'ana']);
		expect(
			preview
				.output('Assign Owner')
				.every((item) => (item.assignment as IDataObject).dryRun === true),
		).toBe(true);
		expect(preview.staticData).toEqual(first.staticData);
	});

	// The 3 × 300 bound is measured against a real n8n in the e2e suite; this is its in-process twin.
	it('keeps 15 sequential executions over 3 owners exactly even', async () => {
		const workflow = withItems(roundRobin, []);
		let staticData: IDataObject = {};
		const counts: Record<string, number> = {};
		for (let n = 0; n < 15; n++) {
			const inquiry = {
				...(roundRobin.pinData?.Start[0].json as IDataObject),
				id: `inq-${n}`,
				identityKeys: [`email:c${n}@example.com`],
			};
			const result = await runWorkflow(withItems(workflow, [inquiry]), {
				now: MON_10AM_NY,
				mode: 'trigger',
				staticData,
			});
			staticData = result.staticData;
			const [owner] = owners(result);
			counts[owner as string] = (counts[owner as string] ?? 0) + 1;
		}
		expect(counts).toEqual({ ana: 5, ben: 5, cara: 5 });
	});

	it('overlapping executions both start from the same saved turn: the last one to finish wins', async () => {
		const one = (n: number) =>
			withItems(roundRobin, [
				{ ...(roundRobin.pinData?.Start[0].json as IDataObject), id: `inq-${n}` },
			]);
		const before = await runWorkflow(one(0), { now: MON_10AM_NY, mode: 'trigger' });
		// Two executions that overlap in time both load the static data saved before either began.
		const a = await runWorkflow(one(1), {
			now: MON_10AM_NY,
			mode: 'trigger',
			staticData: before.staticData,
		});
		const b = await runWorkflow(one(2), {
			now: MON_10AM_NY,
			mode: 'trigger',
			staticData: before.staticData,
		});
		expect([...owners(a), ...owners(b)]).toEqual(['ben', 'ben']);
		// Whichever finishes last is saved: one turn was repeated, none was lost or skipped.
		expect(b.staticData).toEqual(a.staticData);
		expect(
			owners(
				await runWorkflow(one(3), { now: MON_10AM_NY, mode: 'trigger', staticData: b.staticData }),
			),
		).toEqual(['cara']);
	});

	it('routes by rules, falls back to another team, and sends the rest to Unassigned with a reason', async () => {
		const result = await runWorkflow(fixture('rules-fallback'), {
			now: MON_10AM_NY,
			mode: 'trigger',
		});
		expect(result.error).toBeUndefined();
		const [assigned] = result.output('Assign Owner', 0);
		expect(assigned.assignment).toMatchObject({
			owner: { id: 'olga' },
			team: 'office',
			rule: 'Plumbing',
			fallbackUsed: true,
			respondBy: '2026-03-02T15:30:00.000Z',
			reason:
				'Nobody was available in team "plumbing": 1 off hours, 1 out of office. Olga Office is next in the round robin of team "office" (1 of 1 available). Rule "Plumbing" matched: service contains "plumb, drain". Respond by Mon 2 Mar 10:30 (America/New_York).',
		});
		const [unassigned] = result.output('Assign Owner', 1);
		expect(unassigned.assignment).toMatchObject({
			status: 'unassigned',
			unassignedReason: 'nobody_eligible',
			rule: 'Spanish speakers',
			fallbackUsed: true,
			respondBy: '2026-03-02T19:00:00.000Z',
		});
		expect(result.items('Assign Owner', 1)[0].pairedItem).toEqual({ item: 1 });
		expect((unassigned.continuity as { trail: IDataObject[] }).trail.at(-1)).toMatchObject({
			outcome: 'unassigned',
			detail: 'nobody_eligible',
		});
	});

	it('reads the roster from sheet rows through an expression, and keeps returning contacts with their owner', async () => {
		const result = await runWorkflow(fixture('roster-from-sheet'), {
			now: MON_10AM_NY,
			mode: 'trigger',
		});
		expect(result.error).toBeUndefined();
		expect(owners(result)).toEqual(['ana@example.com', 'ben@example.com', 'ana@example.com']);
		expect(result.output('Assign Owner')[2].assignment).toMatchObject({ strategy: 'sticky' });
		const routing = result.staticData['node:Assign Owner'] as {
			routing: { sticky: Record<string, string> };
		};
		expect(routing.routing.sticky).toEqual({
			'email:joe@example.com': 'ben@example.com',
			'email:jane@example.com': 'ana@example.com',
			'phone:+14155550123': 'ana@example.com',
		});
	});

	it('stops with a fix hint on a bad roster, and sends non-inquiries to Unassigned with the error when told to continue', async () => {
		const broken = structuredClone(roundRobin);
		broken.nodes[1].parameters = { ...broken.nodes[1].parameters, businessHours: 'Mon-Fry 9-5' };
		const stopped = await runWorkflow(broken, { now: MON_10AM_NY });
		expect(stopped.error).toMatchObject({
			node: 'Assign Owner',
			message: expect.stringContaining('"Fry" is not a day'),
			description: expect.stringContaining('To fix this, write hours like'),
		});

		const workflow = manualTriggerWorkflow(
			[{ hello: 'not an inquiry' }],
			[
				{
					name: 'Assign Owner',
					type: 'n8n-nodes-inquiry-continuity.assignInquiryOwner',
					parameters: roundRobin.nodes[1].parameters,
					onError: 'continueRegularOutput',
				},
			],
		);
		const continued = await runWorkflow(workflow, { now: MON_10AM_NY });
		// A failed item leaves through Unassigned, the branch people watch, never through Assigned.
		expect(continued.output('Assign Owner', 0)).toEqual([]);
		expect(continued.output('Assign Owner', 1)).toEqual([
			expect.objectContaining({ hello: 'not an inquiry', errorCode: 'NOT_AN_INQUIRY' }),
		]);
	});

	it('with Routing Memory From Input, takes the stored state by expression, saves nothing itself, and hands each item the state to store and the version it was read at', async () => {
		const fromStore = (state: unknown, version: number) => {
			const workflow = structuredClone(roundRobin);
			workflow.nodes[1].parameters = {
				...workflow.nodes[1].parameters,
				routingMemory: 'input',
				// As a string literal with every } escaped: n8n ends an expression at the first }}.
				routingState: `={{ ${JSON.stringify(JSON.stringify(state)).replace(/}/g, '\\u007d')} }}`,
				routingVersion: version,
			};
			return workflow;
		};
		const first = await runWorkflow(fromStore('', 0), { now: MON_10AM_NY, mode: 'trigger' });
		expect(first.error).toBeUndefined();
		expect(owners(first)).toEqual(['ana', 'ben']);
		expect(first.staticData).toEqual({});
		const [afterAna, afterBen] = first
			.output('Assign Owner')
			.map((item) => item.routingMemory as IDataObject);
		expect(afterAna).toMatchObject({
			basedOnVersion: 0,
			state: { assigned: 1, daily: { counts: { ana: 1 } } },
		});
		expect(afterBen).toMatchObject({
			basedOnVersion: 0,
			state: { assigned: 2, daily: { counts: { ana: 1, ben: 1 } } },
		});

		// The next run reads what the first one stored: the rotation goes on from there.
		const second = await runWorkflow(fromStore(afterBen.state, 1), {
			now: MON_10AM_NY,
			mode: 'trigger',
		});
		expect(owners(second)).toEqual(['cara', 'ana']);
		expect(second.output('Assign Owner')[1].routingMemory).toMatchObject({
			basedOnVersion: 1,
			state: { assigned: 4 },
		});
	});

	it('defaults to From Input from version 1.1, while a version 1 node saved without the setting keeps static data', async () => {
		expect(roundRobin.nodes[1].typeVersion).toBe(1);
		expect(roundRobin.nodes[1].parameters.routingMemory).toBeUndefined();
		const v1 = await runWorkflow(roundRobin, { now: MON_10AM_NY, mode: 'trigger' });
		expect(Object.keys(v1.staticData)).toEqual(['node:Assign Owner']);
		expect(v1.output('Assign Owner')[0].routingMemory).toBeUndefined();

		const current = structuredClone(roundRobin);
		current.nodes[1].typeVersion = 1.1;
		const v11 = await runWorkflow(current, { now: MON_10AM_NY, mode: 'trigger' });
		expect(v11.error).toBeUndefined();
		expect(v11.staticData).toEqual({});
		expect(v11.output('Assign Owner').map((item) => item.routingMemory)).toEqual([
			expect.objectContaining({
				basedOnVersion: 0,
				state: expect.objectContaining({ assigned: 1 }),
			}),
			expect.objectContaining({
				basedOnVersion: 0,
				state: expect.objectContaining({ assigned: 2 }),
			}),
		]);
	});
});
