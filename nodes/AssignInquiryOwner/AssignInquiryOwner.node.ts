import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { readInquiry } from '../../core/inquiry/read';
import { AssignmentSession, withAssignment } from '../../core/ownership/assignOwner';
import type { OpenLoad } from '../../core/ownership/load';
import { readOpenLoad } from '../../core/ownership/load';
import type { AssignParameters } from '../../core/ownership/parameters';
import { compileAssignParameters } from '../../core/ownership/parameters';
import { readRoutingState } from '../../core/ownership/state';
import type { MemoryToStore } from '../../core/ownership/storedMemory';
import { readStoredMemory } from '../../core/ownership/storedMemory';
import { runPerItem } from '../shared/runner';
import { runSettingsReader } from '../shared/settings';
import {
	assignInquiryOwnerProperties,
	OUTPUT,
	OUTPUT_NAMES,
} from './assignInquiryOwner.description';

/** Settings that hold for the whole run, with the value a hidden parameter stands for. */
const SETTINGS: Record<keyof AssignParameters, unknown> = {
	rosterSource: 'form',
	owners: {},
	rosterJson: '[]',
	businessTimezone: '',
	businessHours: 'Mon-Fri 09:00-17:00',
	holidays: '',
	ownersWithoutHours: 'businessHours',
	rules: {},
	defaultTeam: '',
	strategy: 'round_robin',
	sticky: true,
	fallbackTeam: '',
	fallbackOwner: '',
	holdUntilAvailable: false,
	maxHoldMinutes: 0,
	deadlines: {},
	filters: {},
	stickyMemorySize: 5000,
};

// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool -- deliberately not a tool: see the description
export class AssignInquiryOwner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Assign Inquiry Owner',
		name: 'assignInquiryOwner',
		icon: { light: 'file:assignInquiryOwner.svg', dark: 'file:assignInquiryOwner.dark.svg' },
		group: ['transform'],
		// 1.1: Routing Memory defaults to From Input (your store); version 1 keeps static data.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ ($parameter.strategy === "weighted" ? "Weighted" : $parameter.strategy === "least_loaded" ? "Fewest open" : $parameter.strategy === "hash" ? "Contact hash" : "Round robin") + ($parameter.dryRun ? " (dry run)" : "") }}',
		description:
			'Give each inquiry an owner, a business-hours response deadline and a plain reason why, so no lead sits unowned',
		defaults: { name: 'Assign Inquiry Owner' },
		// Not offered as an AI agent's tool: it reads a canonical inquiry from the input item, which a
		// tool call cannot supply, and every call would spend a turn of the saved rotation.
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: [...OUTPUT_NAMES],
		properties: assignInquiryOwnerProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const now = new Date();
		const node = this.getNode().name;
		const dryRun = this.getNodeParameter('dryRun', 0, false) as boolean;
		// Static data: n8n saves it after production runs only; it is loaded once and saved once.
		// From Input: the caller's store holds the state; each item carries what to write back.
		const fromInput = this.getNodeParameter('routingMemory', 0) === 'input';
		const staticData = fromInput ? undefined : this.getWorkflowStaticData('node');
		let basedOnVersion = 0;
		let session: AssignmentSession | undefined;
		const readSettings = runSettingsReader<AssignParameters>(
			this,
			SETTINGS,
			assignInquiryOwnerProperties,
		);
		const startSession = (settings: AssignParameters) => {
			const stored = staticData
				? { ...readRoutingState(staticData.routing), basedOnVersion: 0 }
				: readStoredMemory(
						this.getNodeParameter('routingState', 0, ''),
						this.getNodeParameter('routingVersion', 0, 0),
					);
			const { state, reset } = stored;
			basedOnVersion = stored.basedOnVersion;
			return new AssignmentSession(compileAssignParameters(settings, this.getTimezone()), state, {
				stateWasReset: reset,
			});
		};
		let lastLoadParameter: unknown;
		let lastLoad: OpenLoad | undefined;

		const outputs = await runPerItem(
			this,
			2,
			(item, itemIndex) => {
				const settings = readSettings(itemIndex);
				session ??= startSession(settings);
				const inquiry = readInquiry(item.json);
				const loadParameter = this.getNodeParameter('openLoad', itemIndex, '');
				if (loadParameter !== lastLoadParameter) {
					lastLoad = readOpenLoad(loadParameter);
					lastLoadParameter = loadParameter;
				}
				const { result, claim } = session.assignForClaim(inquiry, {
					now,
					openLoad: lastLoad,
					dryRun,
				});
				const json = withAssignment(inquiry, result, node) as unknown as IDataObject;
				if (fromInput && !dryRun) {
					const routingMemory: MemoryToStore = {
						basedOnVersion,
						state: session.state(now),
						...(claim ? { claim } : {}),
					};
					json.routingMemory = routingMemory as unknown as IDataObject;
				}
				return {
					output: result.status === 'assigned' ? OUTPUT.assigned : OUTPUT.unassigned,
					json,
				};
			},
			{ errorOutput: OUTPUT.unassigned },
		);
		if (session && !dryRun && staticData)
			staticData.routing = session.state(now) as unknown as IDataObject;
		return outputs;
	}
}
