import { listDataTables, updateDataTableRows } from '../e2e/harness/dataTables';
import type { WorkflowDefinition } from '../e2e/harness/workflow';
import { publicWorkflowBody } from '../e2e/harness/workflow';
import type { SimCrm } from './crm';
import type { SimN8n } from './n8n';
import type { SimControl } from './types';

/** The system of record the Data table templates write, and the name it is missing under while "down". */
const RECORDS_TABLE = 'inquiry_records';
const OFFLINE_NAME = `${RECORDS_TABLE}_offline`;
const ASSIGN_NODE = '.assignInquiryOwner';
const TEAM_TABLE = 'inquiry_team';
const DATA_TABLE_NODE = 'n8n-nodes-base.dataTable';

type Node = WorkflowDefinition['nodes'][number];
type Patch = 'destination' | 'owners';

/**
 * Breaks and heals a running n8n the way the day's faults need, through its public API:
 * - destination down/up: the HTTP CRM (template 01c) drops every connection, and the Data table
 *   templates' record nodes point at a table that is not there, so every write and read-back
 *   fails as a down system of record would. (Renaming the table is not enough: a published
 *   workflow keeps the table it resolved by name.) Both are restored afterwards;
 * - owners away/back: every person in the inquiry_team table (the hub's roster) is set inactive,
 *   then active again, as an office manager would in the table view; a workflow with a roster of
 *   its own is changed and republished;
 * - restart: n8n is killed and started again.
 * Resolves with a note instead of failing when a template gives it nothing to change.
 */
export class TemplateControls {
	private readonly saved = new Map<Patch, Map<string, WorkflowDefinition>>();

	constructor(
		private readonly sim: SimN8n,
		private readonly workflowIds: readonly string[],
		private readonly crm?: SimCrm,
	) {}

	async apply(control: SimControl): Promise<string | undefined> {
		switch (control.kind) {
			case 'restart':
				await this.sim.restart();
				return undefined;
			case 'destination_down':
				this.crm?.down();
				return await this.patch('destination', writesRecords, offline, this.crm ? 1 : 0);
			case 'destination_up':
				this.crm?.up();
				return await this.restore('destination', this.crm !== undefined);
			case 'owners_away': {
				const team = await this.setTeamActive(false);
				const note = await this.patch('owners', hasRoster, everyoneInactive);
				return team ? undefined : note;
			}
			case 'owners_back': {
				const team = await this.setTeamActive(true);
				const note = await this.restore('owners');
				return team ? undefined : note;
			}
		}
	}

	/** Sets every row of the inquiry_team table active or not; false when there is no such table. */
	private async setTeamActive(active: boolean): Promise<boolean> {
		if (!(await listDataTables(this.sim.client)).some((table) => table.name === TEAM_TABLE))
			return false;
		await updateDataTableRows(this.sim.client, TEAM_TABLE, { active: !active }, { active });
		return true;
	}

	/** Changes the matching nodes of every template that has one and republishes it; the originals are kept. */
	private async patch(
		kind: Patch,
		matches: (node: Node) => boolean,
		change: (node: Node) => Node,
		alreadyChanged = 0,
	): Promise<string | undefined> {
		const originals = new Map<string, WorkflowDefinition>();
		for (const id of this.workflowIds) {
			const workflow = await this.sim.client.api<WorkflowDefinition>('GET', `/workflows/${id}`);
			if (!workflow.nodes.some(matches)) continue;
			originals.set(id, workflow);
			await this.save(id, {
				...workflow,
				nodes: workflow.nodes.map((node) => (matches(node) ? change(node) : node)),
			});
		}
		this.saved.set(kind, originals);
		return originals.size + alreadyChanged > 0
			? undefined
			: `no template has a node to change for ${kind}`;
	}

	private async restore(kind: Patch, alreadyRestored = false): Promise<string | undefined> {
		const originals = this.saved.get(kind);
		if (!originals?.size) return alreadyRestored ? undefined : 'nothing was changed';
		for (const [id, workflow] of originals) await this.save(id, workflow);
		this.saved.delete(kind);
		return undefined;
	}

	private async save(id: string, workflow: WorkflowDefinition): Promise<void> {
		await this.sim.client.api('PUT', `/workflows/${id}`, publicWorkflowBody(workflow));
		await this.sim.client.publish(id);
	}
}

function tableOf(node: Node): string | undefined {
	const locator = node.parameters?.dataTableId as { value?: unknown } | undefined;
	return typeof locator?.value === 'string' ? locator.value : undefined;
}

const writesRecords = (node: Node) =>
	node.type === DATA_TABLE_NODE && tableOf(node) === RECORDS_TABLE;

function offline(node: Node): Node {
	const locator = node.parameters?.dataTableId as Record<string, unknown>;
	return {
		...node,
		parameters: { ...node.parameters, dataTableId: { ...locator, value: OFFLINE_NAME } },
	};
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
