import { listDataTables } from '../e2e/harness/dataTables';
import type { WorkflowDefinition } from '../e2e/harness/workflow';
import { publicWorkflowBody } from '../e2e/harness/workflow';
import type { SimN8n } from './n8n';
import type { SimControl } from './types';

/** The system of record the templates write, and the name it hides under while "down". */
const RECORDS_TABLE = 'inquiry_records';
const OFFLINE_NAME = `${RECORDS_TABLE}_offline`;
const ASSIGN_NODE = '.assignInquiryOwner';

type Node = WorkflowDefinition['nodes'][number];

/**
 * Breaks and heals a running n8n the way the day's faults need, through its public API:
 * - destination down/up: the records Data table is renamed away and back, so every write to it
 *   fails (the templates reference it by name) as a down CRM would;
 * - owners away/back: every owner in each template's roster is set inactive and republished, then
 *   restored, as an office manager would in the editor;
 * - restart: n8n is killed and started again.
 * Resolves with a note instead of failing when a template gives it nothing to change.
 */
export class TemplateControls {
	private readonly rosters = new Map<string, WorkflowDefinition>();

	constructor(
		private readonly sim: SimN8n,
		private readonly workflowIds: readonly string[],
	) {}

	async apply(control: SimControl): Promise<string | undefined> {
		switch (control.kind) {
			case 'restart':
				await this.sim.restart();
				return undefined;
			case 'destination_down':
				return await this.renameTable(RECORDS_TABLE, OFFLINE_NAME);
			case 'destination_up':
				return await this.renameTable(OFFLINE_NAME, RECORDS_TABLE);
			case 'owners_away':
				return await this.sendOwnersAway();
			case 'owners_back':
				return await this.bringOwnersBack();
		}
	}

	private async renameTable(from: string, to: string): Promise<string | undefined> {
		const table = (await listDataTables(this.sim.client)).find(
			(candidate) => candidate.name === from,
		);
		if (!table) return `no Data table named ${from}`;
		await this.sim.client.api('PATCH', `/data-tables/${table.id}`, { name: to });
		return undefined;
	}

	private async sendOwnersAway(): Promise<string | undefined> {
		for (const id of this.workflowIds) {
			const workflow = await this.sim.client.api<WorkflowDefinition>('GET', `/workflows/${id}`);
			if (!workflow.nodes.some(hasRoster)) continue;
			this.rosters.set(id, workflow);
			await this.save(id, {
				...workflow,
				nodes: workflow.nodes.map((node) => (hasRoster(node) ? everyoneInactive(node) : node)),
			});
		}
		return this.rosters.size
			? undefined
			: 'no template keeps its roster in the Assign Inquiry Owner node';
	}

	private async bringOwnersBack(): Promise<string | undefined> {
		if (!this.rosters.size) return 'no roster was changed';
		for (const [id, workflow] of this.rosters) await this.save(id, workflow);
		this.rosters.clear();
		return undefined;
	}

	private async save(id: string, workflow: WorkflowDefinition): Promise<void> {
		await this.sim.client.api('PUT', `/workflows/${id}`, publicWorkflowBody(workflow));
		await this.sim.client.publish(id);
	}
}

function ownersOf(node: Node): Array<Record<string, unknown>> | undefined {
	const owners = (node.parameters?.owners as { owner?: unknown } | undefined)?.owner;
	return Array.isArray(owners) ? (owners as Array<Record<string, unknown>>) : undefined;
}

const hasRoster = (node: Node) =>
	node.type.endsWith(ASSIGN_NODE) && (ownersOf(node)?.length ?? 0) > 0;

function everyoneInactive(node: Node): Node {
	const owners = (ownersOf(node) ?? []).map((owner) => ({ ...owner, active: false }));
	return {
		...node,
		parameters: {
			...node.parameters,
			owners: { ...(node.parameters?.owners as object), owner: owners },
		},
	};
}
