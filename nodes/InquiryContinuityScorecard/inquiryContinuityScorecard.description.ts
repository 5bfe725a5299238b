import type { INodeProperties } from 'n8n-workflow';
import { checkSetupProperties } from './checkSetup.description';

export const OPERATIONS = {
	score: 'scoreInquiry',
	summarize: 'summarizePeriod',
	findStalled: 'findStalled',
	checkSetup: 'checkSetup',
	matchOpen: 'matchOpenInquiry',
} as const;
export type Operation = (typeof OPERATIONS)[keyof typeof OPERATIONS];

/** Find Stalled Inquiries' output order; the other operations have one output. */
export const SWEEP_OUTPUT = { stalled: 0, healthy: 1 } as const;
/** Match Open Inquiry's output order. */
export const MATCH_OUTPUT = { repeat: 0, new: 1 } as const;

/** Outputs follow the operation: Stalled and Healthy for the sweep, Repeat and New for the match, one output otherwise. */
export const OUTPUTS_EXPRESSION: `={{${string}}}` = `={{ $parameter.operation === "${OPERATIONS.findStalled}" ? [{ "type": "main", "displayName": "Stalled" }, { "type": "main", "displayName": "Healthy" }] : $parameter.operation === "${OPERATIONS.matchOpen}" ? [{ "type": "main", "displayName": "Repeat" }, { "type": "main", "displayName": "New" }] : [{ "type": "main", "displayName": "Result" }] }}`;

const onScore = { show: { operation: [OPERATIONS.score] } };
const onSummarize = { show: { operation: [OPERATIONS.summarize] } };
const onSweep = { show: { operation: [OPERATIONS.findStalled] } };
const onCheckSetup = { show: { operation: [OPERATIONS.checkSetup] } };
const onMatch = { show: { operation: [OPERATIONS.matchOpen] } };
const onClock = { show: { operation: [OPERATIONS.findStalled, OPERATIONS.summarize] } };
const onBusinessClock = {
	show: { operation: [OPERATIONS.findStalled, OPERATIONS.summarize], clock: ['business'] },
};

export const scorecardProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Score Inquiry',
				value: OPERATIONS.score,
				description: 'Check one inquiry against the five continuity checks and give it a 1–5 score',
				action: 'Score an inquiry',
			},
			{
				name: 'Summarize Period',
				value: OPERATIONS.summarize,
				description:
					'Turn many inquiries or ledger rows into one report: figures, an HTML e-mail and a short text',
				action: 'Summarize a period',
			},
			{
				name: 'Find Stalled Inquiries',
				value: OPERATIONS.findStalled,
				description: 'Sweep ledger rows for inquiries nobody owns, answered or confirmed in time',
				action: 'Find stalled inquiries',
			},
			{
				name: 'Check Setup',
				value: OPERATIONS.checkSetup,
				description:
					'Check the business settings, the team and the entries for anything left to fill in, each with its fix',
				action: 'Check the setup',
			},
			{
				name: 'Match Open Inquiry',
				value: OPERATIONS.matchOpen,
				description:
					'Find whether the person behind a new contact already has an open inquiry it should join',
				action: 'Match an open inquiry',
			},
		],
		default: 'scoreInquiry',
	},
	{
		displayName:
			'Adds "scorecard" (the five checks with evidence and the 1–5 score) and "ledger" (one flat row for a Data table, keyed by inquiryId) to each inquiry. Use it after any stage to keep a continuity ledger, and at the end, after Verify Inquiry Handoff.',
		name: 'scoreNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: [OPERATIONS.score] } },
	},
	{
		displayName: 'Inquiry',
		name: 'inquiry',
		type: 'json',
		default: '={{ $json }}',
		displayOptions: { show: { operation: [OPERATIONS.score, OPERATIONS.matchOpen] } },
		description:
			"The inquiry to score, evaluated for each item. Keep the default when the input item is the inquiry. After a node that replaces the item (a Data table or an e-mail node), point at an earlier one of this package's nodes, e.g. the item of Verify Inquiry Handoff.",
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Inquiry With Scorecard',
				value: 'inquiry',
				description: 'The inquiry, plus "scorecard" and "ledger"',
			},
			{
				name: 'Ledger Row Only',
				value: 'ledgerRow',
				description:
					'Just the flat ledger row, so the next Data table node can upsert it with "Map Automatically"',
			},
		],
		default: 'inquiry',
		displayOptions: onScore,
	},
	{
		displayName: 'An Alert Was Just Sent',
		name: 'alertSent',
		type: 'boolean',
		default: false,
		displayOptions: onScore,
		description:
			'Whether this node comes right after the alert about a failed handoff. The trail then records the alert, so the Visibility check passes: the failure was seen by a person.',
	},
	{
		displayName:
			'All input items (inquiries, or rows of your continuity ledger Data table) become one report item with "summary", "html" (for an e-mail node), "text" (for Slack or SMS) and "subject"',
		name: 'summarizeNotice',
		type: 'notice',
		default: '',
		displayOptions: onSummarize,
	},
	{
		displayName: 'Period Start',
		name: 'periodStart',
		type: 'dateTime',
		default: '',
		description:
			'First moment of the period (inclusive). Empty means since the earliest item. A date without a time zone is read in the Report Time Zone.',
		displayOptions: onSummarize,
	},
	{
		displayName: 'Period End',
		name: 'periodEnd',
		type: 'dateTime',
		default: '',
		description:
			'End of the period (exclusive): for the week of 4–10 May, enter 11 May. Empty means up to now.',
		displayOptions: onSummarize,
	},
	{
		displayName: 'Report Title',
		name: 'reportTitle',
		type: 'string',
		default: 'Inquiry continuity report',
		placeholder: 'e.g. Weekly inquiry continuity',
		displayOptions: onSummarize,
	},
	{
		displayName: 'Business Name',
		name: 'businessName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Acme Plumbing',
		description: 'Shown under the title of the report',
		displayOptions: onSummarize,
	},
	{
		displayName: 'Report Time Zone',
		name: 'reportTimezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/New_York',
		description: "The time zone of the dates in the report. Empty means the workflow's time zone.",
		displayOptions: onSummarize,
	},
	{
		displayName:
			'Stalled: entered but nobody owns it, the owner missed the response deadline or the escalation checkpoint, or nothing confirmed the record arrived. Each stalled item says why and what to do (escalate, reassign or alert), and is raised once per reason: write the item back to your ledger so the next sweep skips it.',
		name: 'sweepNotice',
		type: 'notice',
		default: '',
		displayOptions: onSweep,
	},
	{
		displayName: 'Owner Needed Within (Minutes)',
		name: 'assignWithinMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 15,
		description:
			'An inquiry still without an owner this long after it arrived is stalled (escalate)',
		displayOptions: onSweep,
	},
	{
		displayName: 'Record Confirmed Within (Minutes)',
		name: 'verifyWithinMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description:
			'An owned inquiry whose record nothing verified (and no failure was alerted) this long after assignment is stalled (alert)',
		displayOptions: onSweep,
	},
	{
		displayName: 'Count Minutes',
		name: 'clock',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'During Business Hours',
				value: 'business',
				description: 'Nights, weekends and holidays do not count',
			},
			{ name: 'Around the Clock', value: 'wall', description: 'Every minute counts' },
		],
		default: 'business',
		description:
			"How minutes are counted: the sweep's two limits above, or the report's three clocks (to owner, to claim, to first contact). Response deadlines and escalation checkpoints come from Assign Inquiry Owner and are used as they are.",
		displayOptions: onClock,
	},
	{
		displayName: 'Business Time Zone',
		name: 'businessTimezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/New_York',
		description: "The time zone of the business hours. Empty means the workflow's time zone.",
		displayOptions: onBusinessClock,
	},
	{
		displayName: 'Business Hours',
		name: 'businessHours',
		type: 'string',
		default: 'Mon-Fri 09:00-17:00',
		placeholder: 'e.g. Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00',
		description: 'When the business is open; use the same hours as in Assign Inquiry Owner',
		displayOptions: onBusinessClock,
	},
	{
		displayName: 'Holidays',
		name: 'holidays',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-12-25, 2027-01-01',
		description: 'Days the business is closed',
		displayOptions: onBusinessClock,
	},
	...checkSetupProperties(onCheckSetup),
	{
		displayName:
			'Repeat: the same person (identity key, phone or e-mail) has an open inquiry from the window below: owned, not yet contacted, not closed. The item gets "repeat" with that inquiry, its owner, how to word the update ("called again") and the ledger columns to write (contactCount, channels, lastContactAt). New: anything else, unchanged.',
		name: 'matchNotice',
		type: 'notice',
		default: '',
		displayOptions: onMatch,
	},
	{
		displayName: 'Earlier Inquiries',
		name: 'earlierInquiries',
		type: 'json',
		default: '={{ [] }}',
		description:
			"Rows of your continuity ledger to look in, as a list: usually every row a Data table node found for the contact's phone or identity keys (the Inquiry Continuity Hub template shows how)",
		displayOptions: onMatch,
	},
	{
		displayName: 'Repeat Contact Window (Hours)',
		name: 'repeatWindowHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 72,
		description:
			'A contact joins an open inquiry received this many hours ago or less. 0 turns joining off.',
		displayOptions: onMatch,
	},
];
