import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { HandoffMode } from '../../core/handoff/verifyItem';
import { verifyHandoffItem } from '../../core/handoff/verifyItem';
import type { HandoffParameters } from '../../core/handoff/settings';
import { runPerItem } from '../shared/runner';
import { runSettingsReader } from '../shared/settings';
import { CREDENTIAL_TYPE, httpReadBackIo } from './httpReadBack';
import {
	OUTPUT,
	OUTPUT_NAMES,
	VERIFY_HINTS,
	verifyInquiryHandoffProperties,
} from './verifyInquiryHandoff.description';

/** Settings that hold for the whole run, with the value a hidden parameter stands for. */
const SETTINGS: Record<keyof HandoffParameters, unknown> = {
	destination: '',
	inquirySource: 'inputItem',
	recordField: 'record',
	recordPath: '',
	recordIdPath: 'id',
	fieldsMode: 'standard',
	standardFields: [],
	destinationPrefix: '',
	fields: {},
	deadline: 'sla',
	slaMinutes: 5,
};

export class VerifyInquiryHandoff implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Verify Inquiry Handoff',
		name: 'verifyInquiryHandoff',
		icon: { light: 'file:verifyInquiryHandoff.svg', dark: 'file:verifyInquiryHandoff.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ ($parameter.mode === "readBack" ? "Read back" : $parameter.mode === "record" ? "Compare record" : "Check response") + ($parameter.destination ? " · " + $parameter.destination : "") }}',
		description:
			'Prove each inquiry reached your CRM or system of record intact and in time, and get a one-line alert when it did not',
		defaults: { name: 'Verify Inquiry Handoff' },
		// An AI agent can call it: with Inquiry set to $fromAI() it reads back the record of the inquiry the agent hands over.
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: [...OUTPUT_NAMES],
		credentials: [
			{ name: CREDENTIAL_TYPE, required: true, displayOptions: { show: { mode: ['readBack'] } } },
		],
		hints: VERIFY_HINTS,
		properties: verifyInquiryHandoffProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const nodeName = this.getNode().name;
		const mode = this.getNodeParameter('mode', 0) as HandoffMode;
		const readSettings = runSettingsReader<HandoffParameters>(
			this,
			SETTINGS,
			verifyInquiryHandoffProperties,
		);
		let baseUrl: string | undefined;

		return await runPerItem(
			this,
			2,
			async (item, itemIndex) => {
				const parameter = <T>(name: string, fallback: T) =>
					this.getNodeParameter(name, itemIndex, fallback) as T;
				const result = await verifyHandoffItem(item.json, readSettings(itemIndex), {
					inquiryParameter: () => this.getNodeParameter('inquiry', itemIndex),
					readBack:
						mode === 'readBack'
							? {
									baseUrl: (baseUrl ??= String(
										(await this.getCredentials(CREDENTIAL_TYPE)).baseUrl ?? '',
									)),
									url: parameter('url', ''),
									attempts: parameter('attempts', 3),
									retryDelayMs: parameter('retryDelay', 1000),
									io: httpReadBackIo(this, parameter('timeout', 10000)),
								}
							: undefined,
					now: new Date(),
					nodeName,
				});
				return { output: OUTPUT[result.output], json: result.inquiry as unknown as IDataObject };
			},
			{ errorOutput: OUTPUT.failed },
		);
	}
}
