import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { readInquiryParameter, unreadableInquiryParameter } from '../../core/handoff/inquiryInput';
import { readPath } from '../../core/handoff/paths';
import type { UrlTemplate } from '../../core/handoff/readBack';
import { fillUrlTemplate, joinUrl, parseUrlTemplate, readBack, writeFailedWithoutId } from '../../core/handoff/readBack';
import { readHandedRecord, readRecordId, unwrapResponse } from '../../core/handoff/response';
import type { HandoffParameters, HandoffSettings } from '../../core/handoff/settings';
import { compileHandoffSettings } from '../../core/handoff/settings';
import { verifyInquiryHandoff } from '../../core/handoff/stage';
import type { VerifyHandoffOptions } from '../../core/handoff/verifyHandoff';
import { readInquiry } from '../../core/inquiry/read';
import type { Inquiry } from '../../core/inquiry/schema';
import { runPerItem } from '../shared/runner';
import { CREDENTIAL_TYPE, httpReadBackIo } from './httpReadBack';
import type { Mode } from './verifyInquiryHandoff.description';
import { OUTPUT, OUTPUT_NAMES, VERIFY_HINTS, verifyInquiryHandoffProperties } from './verifyInquiryHandoff.description';

/** Settings read once per run, from the first item, with the value a hidden parameter stands for. */
const SETTINGS: Record<keyof HandoffParameters, unknown> = {
	destination: '',
	inquirySource: 'earlierNode',
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

/** What the destination showed for one item: the record (if any) and how it was obtained. */
type Evidence = Pick<VerifyHandoffOptions, 'recordId' | 'statusCode' | 'error' | 'attempts'> & {
	record?: Record<string, unknown>;
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
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: [...OUTPUT_NAMES],
		credentials: [{ name: CREDENTIAL_TYPE, required: true, displayOptions: { show: { mode: ['readBack'] } } }],
		hints: VERIFY_HINTS,
		properties: verifyInquiryHandoffProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const nodeName = this.getNode().name;
		const mode = this.getNodeParameter('mode', 0) as Mode;
		let settings: HandoffSettings | undefined;
		let baseUrl: string | undefined;
		let lastUrl: string | undefined;
		let lastTemplate: UrlTemplate = [];

		const startRun = async (): Promise<HandoffSettings> => {
			const parameters = Object.fromEntries(
				Object.entries(SETTINGS).map(([name, hidden]) => [name, this.getNodeParameter(name, 0, hidden)]),
			) as unknown as HandoffParameters;
			if (mode === 'readBack') {
				const credentials = await this.getCredentials(CREDENTIAL_TYPE);
				baseUrl = String(credentials.baseUrl ?? '');
			}
			return compileHandoffSettings(parameters);
		};

		/** The response and record modes: what the input item itself shows. */
		const handedEvidence = (input: unknown, run: HandoffSettings): Evidence => {
			const handed = readHandedRecord(input, run, new Date());
			const { record, recordId, statusCode, error } = handed;
			return { record, recordId, statusCode, error, attempts: [handed.attempt] };
		};

		const readBackEvidence = async (inquiry: Inquiry, input: unknown, itemIndex: number, run: HandoffSettings): Promise<Evidence> => {
			const inputId = readRecordId(unwrapResponse(input).body, run.recordIdPath);
			const url = this.getNodeParameter('url', itemIndex, '') as string;
			if (url !== lastUrl) {
				lastTemplate = parseUrlTemplate(url);
				lastUrl = url;
			}
			if (writeFailedWithoutId(lastTemplate, input, inputId)) return handedEvidence(input, run);
			const timeout = this.getNodeParameter('timeout', itemIndex, 10000) as number;
			const result = await readBack(
				{
					url: joinUrl(baseUrl ?? '', fillUrlTemplate(lastTemplate, inquiry, inputId)),
					attempts: this.getNodeParameter('attempts', itemIndex, 3) as number,
					retryDelayMs: this.getNodeParameter('retryDelay', itemIndex, 1000) as number,
					recordPath: run.recordPath,
				},
				httpReadBackIo(this, timeout),
			);
			return { ...result, recordId: readRecordId(result.record, run.recordIdPath) ?? inputId };
		};

		const inquiryParameter = (itemIndex: number): unknown => {
			try {
				return this.getNodeParameter('inquiry', itemIndex);
			} catch (error) {
				throw unreadableInquiryParameter(error instanceof Error ? error.message : String(error));
			}
		};

		return await runPerItem(
			this,
			2,
			async (item, itemIndex) => {
				settings ??= await startRun();
				const fromInput = settings.recordField !== undefined;
				const inquiry = fromInput ? readInquiry(item.json) : readInquiryParameter(inquiryParameter(itemIndex));
				const input = settings.recordField ? readPath(item.json, settings.recordField) : item.json;
				const evidence = mode === 'readBack' ? await readBackEvidence(inquiry, input, itemIndex, settings) : handedEvidence(input, settings);
				const { record, ...seen } = evidence;
				const result = verifyInquiryHandoff(inquiry, record, settings.fields, {
					...seen,
					destination: settings.destination,
					now: new Date(),
					slaMinutes: settings.slaMinutes,
					useRespondBy: settings.useRespondBy,
					nodeName,
				});
				return { output: OUTPUT[result.output], json: result.inquiry as unknown as IDataObject };
			},
			{ errorOutput: OUTPUT.failed },
		);
	}
}
