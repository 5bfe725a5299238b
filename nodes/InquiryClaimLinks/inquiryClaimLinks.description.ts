import type { INodeProperties } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const OPERATIONS = ['ownerMessage', 'readClick', 'ladder'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Output order per operation: items are routed by index, so these lists and the operations must agree. */
export const OUTPUT_NAMES: Record<Operation, readonly string[]> = {
	ownerMessage: ['Message'],
	readClick: ['Claim', 'Pass', 'Contacted', 'Refused'],
	ladder: ['Remind Owner', 'Reassign', 'Tell Manager', 'Nudge Contact', 'Nothing Due'],
};

export const CREDENTIAL_TYPE = 'inquiryLinkSecretApi';

const outputsJson = (names: readonly string[]) =>
	JSON.stringify(names.map((displayName) => ({ type: NodeConnectionTypes.Main, displayName })));

export const OUTPUTS_EXPRESSION: `={{${string}}}` = `={{ (${JSON.stringify(Object.fromEntries(OPERATIONS.map((op) => [op, JSON.parse(outputsJson(OUTPUT_NAMES[op]))])))})[$parameter.operation] }}`;

export const SUBTITLE_EXPRESSION = `={{ ({ ownerMessage: "Create owner message", readClick: "Read clicked link", ladder: "Find due escalation steps" })[$parameter.operation] }}`;

const show = (operation: Operation) => ({ displayOptions: { show: { operation: [operation] } } });

const pinnedClock: INodeProperties = {
	displayName: 'Current Time',
	name: 'now',
	type: 'string',
	default: '',
	placeholder: 'e.g. 2026-03-02T15:00:00Z',
	description:
		'Leave empty to use the real time. Set a fixed time to test how links, expiry and deadlines behave at that moment.',
};

const businessName: INodeProperties = {
	displayName: 'Business Name',
	name: 'businessName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Rivera Plumbing',
	description: 'Shown in the message and on the answer pages. Leave empty for neutral wording.',
};

export const inquiryClaimLinksProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'ownerMessage',
		options: [
			{
				name: 'Create Owner Message',
				value: 'ownerMessage',
				description:
					'Write the e-mail, text and chat message for the assigned owner, with signed "I\'ve got it" and "Pass it on" links',
				action: 'Create owner message',
			},
			{
				name: 'Read Clicked Link',
				value: 'readClick',
				description:
					'Check a clicked link from its webhook and say what to change in the ledger, with the page to answer',
				action: 'Read clicked link',
			},
			{
				name: 'Find Due Escalation Steps',
				value: 'ladder',
				description:
					'From the open ledger rows: who to remind, what to reassign and what to escalate to the manager, each once',
				action: 'Find due escalation steps',
			},
		],
	},
	// --- Create Owner Message ---
	{
		displayName:
			"Each input item is an inquiry from Assign Inquiry Owner. The message goes out under ownerNotice: send ownerNotice.email with a Send Email node, ownerNotice.sms or ownerNotice.chat with your SMS or chat node. The links lead to the webhook path below on the credential's Public Base URL.",
		name: 'ownerMessageNotice',
		type: 'notice',
		default: '',
		...show('ownerMessage'),
	},
	{
		displayName: 'Message Kind',
		name: 'messageKind',
		type: 'options',
		default: 'new',
		options: [
			{ name: 'New Inquiry', value: 'new' },
			{ name: 'Passed or Reassigned to Them', value: 'reassigned' },
			{ name: 'Reminder', value: 'reminder' },
		],
		...show('ownerMessage'),
	},
	{
		displayName: 'Assignment Hop',
		name: 'hop',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description:
			"Which assignment of the inquiry this is: 0 for the first owner, the ledger's hops after a pass or reassignment. Links of an earlier hop stop working.",
		...show('ownerMessage'),
	},
	{ ...businessName, ...show('ownerMessage') },
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/New_York',
		description:
			"The time zone the deadline is shown in. Leave empty for the workflow's time zone.",
		...show('ownerMessage'),
	},
	{
		displayName: 'Link Webhook Path',
		name: 'webhookPath',
		type: 'string',
		default: 'inquiry-link',
		hint: 'The Path of the Webhook node in the workflow that reads the clicks (Read Clicked Link)',
		...show('ownerMessage'),
	},
	{
		displayName: 'Link Lifetime (Hours)',
		name: 'lifetimeHours',
		type: 'number',
		default: 72,
		typeOptions: { minValue: 1 },
		description:
			'After this many hours a click gets the "link has expired" page and changes nothing',
		...show('ownerMessage'),
	},
	{ ...pinnedClock, ...show('ownerMessage') },
	// --- Read Clicked Link ---
	{
		displayName:
			"Put this after a Webhook node (GET, Respond: Using 'Respond to Webhook' Node). Update the ledger row where json.where holds with json.set; answer with json.page when a row changed, json.unchangedPage when none did. Refused clicks carry their page and change nothing.",
		name: 'readClickNotice',
		type: 'notice',
		default: '',
		...show('readClick'),
	},
	{
		displayName: 'Link Code',
		name: 'linkCode',
		type: 'string',
		default: '={{ $json.query.t }}',
		description: 'The t= value of the clicked link; a Webhook node puts it under query.t',
		...show('readClick'),
	},
	{
		displayName: 'Accept',
		name: 'expectedAction',
		type: 'options',
		default: 'any',
		options: [
			{ name: 'Any Link Action', value: 'any' },
			{ name: 'Only "I\'ve Got It"', value: 'claim' },
			{ name: 'Only "Pass It On"', value: 'pass' },
			{ name: 'Only "I\'ve Contacted Them"', value: 'contacted' },
		],
		description:
			'Whether this webhook reads every link, or only one kind (a link of another kind is refused)',
		...show('readClick'),
	},
	{ ...businessName, ...show('readClick') },
	{ ...pinnedClock, ...show('readClick') },
	// --- Find Due Escalation Steps ---
	{
		displayName:
			'Feed the open rows of your ledger (not contacted, not closed). Each due step leaves once, with json.where and json.set: write them with a compare-and-set update, so a second sweep never raises the same step again.',
		name: 'ladderNotice',
		type: 'notice',
		default: '',
		...show('ladder'),
	},
	{
		displayName: 'Business Time Zone',
		name: 'businessTimezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/New_York',
		description: "Leave empty for the workflow's time zone",
		...show('ladder'),
	},
	{
		displayName: 'Business Hours',
		name: 'businessHours',
		type: 'string',
		default: 'Mon-Fri 09:00-17:00',
		description:
			'Reminders count business minutes only, like the deadlines of Assign Inquiry Owner',
		...show('ladder'),
	},
	{
		displayName: 'Holidays',
		name: 'holidays',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-12-25, 2027-01-01',
		...show('ladder'),
	},
	{
		displayName: 'Remind Before Deadline (Business Minutes)',
		name: 'remindBeforeMinutes',
		type: 'number',
		default: 10,
		typeOptions: { minValue: 0 },
		description:
			'Remind an owner who has not claimed this long before the claim deadline; 0 turns reminders off',
		...show('ladder'),
	},
	{
		displayName: 'Reassignments Before the Manager',
		name: 'maxHops',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 0 },
		description:
			'How many times an unclaimed inquiry moves to the next person before the manager is told',
		...show('ladder'),
	},
	{
		displayName: 'Active Team (IDs)',
		name: 'team',
		type: 'string',
		default: '',
		placeholder: 'e.g. ana, ben, cara',
		description:
			'Optional: with the active owner IDs known, an inquiry that nobody else can take goes to the manager at once',
		...show('ladder'),
	},
	{
		displayName: 'Set Away After Missed Claims',
		name: 'awayAfterMisses',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description:
			'An owner who misses this many claims in a row is flagged setOwnerAway; 0 never does',
		...show('ladder'),
	},
	{
		displayName: 'Missed Claims So Far (JSON)',
		name: 'missedInARow',
		type: 'string',
		default: '',
		placeholder: 'e.g. {"ana": 1}',
		description: "Each owner's missed claims in a row, from your team table",
		...show('ladder'),
	},
	{ ...pinnedClock, ...show('ladder') },
];
