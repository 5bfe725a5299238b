import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { checkSetup } from './operations/checkSetup';
import { findStalled } from './operations/findStalled';
import { matchOpenInquiry } from './operations/matchOpenInquiry';
import { scoreInquiry } from './operations/scoreInquiry';
import { summarizePeriod } from './operations/summarizePeriod';
import type { Operation } from './inquiryContinuityScorecard.description';
import {
	OPERATIONS,
	OUTPUTS_EXPRESSION,
	scorecardProperties,
} from './inquiryContinuityScorecard.description';

/** One file per operation, as n8n's Set node keeps one per mode. */
const RUN: Record<
	Operation,
	(ctx: IExecuteFunctions, now: Date) => Promise<INodeExecutionData[][]>
> = {
	[OPERATIONS.score]: scoreInquiry,
	[OPERATIONS.summarize]: summarizePeriod,
	[OPERATIONS.findStalled]: findStalled,
	[OPERATIONS.checkSetup]: checkSetup,
	[OPERATIONS.matchOpen]: matchOpenInquiry,
};

export class InquiryContinuityScorecard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inquiry Continuity Scorecard',
		name: 'inquiryContinuityScorecard',
		icon: {
			light: 'file:inquiryContinuityScorecard.svg',
			dark: 'file:inquiryContinuityScorecard.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { scoreInquiry: "Score inquiry", summarizePeriod: "Summarize period", findStalled: "Find stalled inquiries", checkSetup: "Check setup", matchOpenInquiry: "Match open inquiry" }[$parameter.operation] }}',
		description:
			'Score each inquiry on the five continuity checks, send a period report with charts, sweep for inquiries that stalled, check the setup, and join repeat contacts to their open inquiry',
		defaults: { name: 'Inquiry Continuity Scorecard' },
		// An AI agent can call it: with Inquiry set to $fromAI(), Score Inquiry scores the inquiry the agent hands over.
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		properties: scorecardProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as Operation;
		return await RUN[operation](this, new Date());
	}
}
