import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { ContextProfile } from '../../core/context/profile';
import type { RequirementRow } from '../../core/context/profileForm';
import { resolveProfile } from '../../core/context/profileForm';
import { checkInquiryContext, contextOutput } from '../../core/context/stage';
import type { FollowUpWording } from '../../core/context/wording';
import { DEFAULT_GREETING } from '../../core/context/wording';
import { InquiryError } from '../../core/shared/errors';
import { runPerItem } from '../shared/runner';
import { parameterHoldsExpression } from '../shared/settings';
import {
	checkInquiryContextProperties,
	OUTPUT,
	OUTPUT_NAMES,
} from './checkInquiryContext.description';

interface ContextOptions {
	holdIncomplete?: boolean;
	treatRecommendedAsRequired?: boolean;
	minimumScore?: number;
	minMessageLength?: number;
	greeting?: string;
	emailSubject?: string;
	fieldPhrases?: { phrase?: { field?: string; text?: string }[] };
}

// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool -- deliberately not a tool: see the description
export class CheckInquiryContext implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Check Inquiry Context',
		name: 'checkInquiryContext',
		icon: { light: 'file:checkInquiryContext.svg', dark: 'file:checkInquiryContext.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { reachable: "Profile: Reachable", routeReady: "Profile: Route-Ready", quoteReady: "Profile: Quote-Ready", custom: "Custom profile", json: "Profile from JSON" }[$parameter.profile] }}',
		description:
			'Check that an inquiry has enough details to act on, list what is missing, and write the follow-up question that asks for it',
		defaults: { name: 'Check Inquiry Context' },
		// Not offered as an AI agent's tool: it reads the inquiry from the input item, and a tool call's
		// item holds only the arguments named by $fromAI() in parameters, none of which takes the inquiry.
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: [...OUTPUT_NAMES],
		properties: checkInquiryContextProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const now = new Date();
		const node = this.getNode();
		const choice = this.getNodeParameter('profile', 0) as string;
		const rowsParameter = choice === 'custom' ? 'requirements' : 'extraRequirements';

		const profiles = new Map<string, ContextProfile>();
		const profileFor = (itemIndex: number): ContextProfile => {
			const rows =
				choice === 'json'
					? []
					: (this.getNodeParameter(
							`${rowsParameter}.requirement`,
							itemIndex,
							[],
						) as RequirementRow[]);
			const json =
				choice === 'json' ? this.getNodeParameter('profileJson', itemIndex, '') : undefined;
			const key = JSON.stringify([rows, json]);
			let profile = profiles.get(key);
			if (!profile) {
				profile = resolveProfile(choice, rows, json);
				profiles.set(key, profile);
			}
			return profile;
		};
		// A profile without expressions is the same for every item: an error in it is a setup
		// mistake, so the node stops once instead of failing each item.
		const profileParameters = { extraRequirements: {}, requirements: {}, profileJson: '' };
		if (
			!Object.entries(profileParameters).some(([name, fallback]) =>
				parameterHoldsExpression(this, name, fallback),
			)
		) {
			try {
				profileFor(0);
			} catch (error) {
				const hint = error instanceof InquiryError ? error.hint : undefined;
				throw new NodeOperationError(node, error as Error, { description: hint });
			}
		}

		return await runPerItem(
			this,
			OUTPUT_NAMES.length,
			(item, itemIndex) => {
				const options = this.getNodeParameter('options', itemIndex, {}) as ContextOptions;
				const { status, inquiry } = checkInquiryContext(item.json, profileFor(itemIndex), {
					nodeName: node.name,
					now,
					treatRecommendedAsRequired: options.treatRecommendedAsRequired ?? false,
					minimumScore: options.minimumScore ?? 0,
					minMessageLength: options.minMessageLength,
					wording: wordingFrom(
						this.getNodeParameter('businessName', itemIndex, '') as string,
						options,
					),
				});
				return {
					output: OUTPUT[contextOutput(status, options.holdIncomplete ?? true)],
					json: inquiry as unknown as IDataObject,
				};
			},
			{ errorOutput: OUTPUT.unreachable },
		);
	}
}

function wordingFrom(businessName: string, options: ContextOptions): FollowUpWording {
	const fieldPhrases: Record<string, string> = {};
	for (const row of options.fieldPhrases?.phrase ?? []) {
		if (row.field && row.text?.trim()) fieldPhrases[row.field] = row.text.trim();
	}
	const wording: FollowUpWording = {
		businessName: String(businessName ?? ''),
		greeting: options.greeting ?? DEFAULT_GREETING,
		fieldPhrases,
	};
	if (options.emailSubject?.trim()) wording.emailSubject = options.emailSubject;
	return wording;
}
