import type { INodeProperties } from 'n8n-workflow';
import { CHANNELS } from '../../core/inquiry/schema';

/** Output order: items are routed by index, so this list and the node's routing must agree. */
export const OUTPUT_NAMES = ['Assigned', 'Unassigned'] as const;
export const OUTPUT = { assigned: 0, unassigned: 1 } as const;

const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
	form: 'Form',
	chat: 'Chat',
	call: 'Call',
	missed_call: 'Missed Call',
	sms: 'SMS',
	email: 'Email',
	booking: 'Booking',
	ad_lead: 'Ad Lead',
	marketplace: 'Marketplace',
	other: 'Other',
};

const onForm = { show: { rosterSource: ['form'] } };
const onJson = { show: { rosterSource: ['json'] } };

const ownerFields: INodeProperties[] = [
	{
		displayName: 'Owner ID',
		name: 'id',
		type: 'string',
		default: '',
		placeholder: 'e.g. ana',
		description:
			'A short, unique ID used in rules, fallbacks and open-load counts. Leave empty to use the email (or name).',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Ana Lopez' },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +14155550100',
	},
	{
		displayName: 'Chat Handle',
		name: 'chat',
		type: 'string',
		default: '',
		placeholder: 'e.g. U024BE7LH (Slack member ID)',
		description: 'Who to message in your chat tool when this owner gets an inquiry',
	},
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether this owner takes new inquiries at all',
	},
	{
		displayName: 'Teams',
		name: 'teams',
		type: 'string',
		default: '',
		placeholder: 'e.g. plumbing, emergencies',
		description:
			'Teams this owner belongs to, separated by commas. Rules and fallbacks route to teams by these names.',
	},
	{
		displayName: 'Skills or Services',
		name: 'skills',
		type: 'string',
		default: '',
		placeholder: 'e.g. plumbing, drains',
		description: 'Services this owner handles, separated by commas. Empty means every service.',
	},
	{
		displayName: 'Territories',
		name: 'territories',
		type: 'string',
		default: '',
		placeholder: 'e.g. 941, Oakland, CA',
		description:
			'Postal-code prefixes, cities, regions or countries this owner covers. Empty means everywhere.',
	},
	{
		displayName: 'Languages',
		name: 'languages',
		type: 'string',
		default: '',
		placeholder: 'e.g. English, Spanish',
		description: 'Languages this owner speaks. Empty means no language filter.',
	},
	{
		displayName: 'Channels',
		name: 'channels',
		type: 'multiOptions',
		options: CHANNELS.map((value) => ({ name: CHANNEL_LABELS[value], value })),
		default: [],
		description: 'Channels this owner handles. None selected means every channel.',
	},
	{
		displayName: 'Weight',
		name: 'weight',
		type: 'number',
		typeOptions: { minValue: 0.1 },
		default: 1,
		description:
			'Share of inquiries under the Weighted strategy: an owner with 2 gets twice as many as one with 1',
	},
	{
		displayName: 'Cap Per Day',
		name: 'capPerDay',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Most new inquiries per business day. 0 means no cap.',
	},
	{
		displayName: 'Cap on Open Inquiries',
		name: 'capOpen',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Most open inquiries at once, checked against Open Load. 0 means no cap.',
	},
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/Denver',
		description: 'Where this owner works. Empty means the business time zone.',
	},
	{
		displayName: 'Working Hours',
		name: 'hours',
		type: 'string',
		default: '',
		placeholder: 'e.g. Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00',
		description:
			'Weekly hours in the owner\'s time zone. Empty follows "Owners Without Own Hours".',
	},
	{
		displayName: 'Out of Office',
		name: 'outOfOffice',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-07-01..2026-07-14, 2026-08-03',
		description: 'Whole days away (both ends included), separated by commas',
	},
];

/** Where the rotation is remembered; its default depends on the node's version. */
function routingMemoryProperty(
	defaultMemory: 'staticData' | 'input',
	versions: NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>['@version'],
): INodeProperties {
	return {
		displayName: 'Routing Memory',
		name: 'routingMemory',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Workflow Static Data (Single Instance Only)',
				value: 'staticData',
				description:
					'Kept by n8n inside this workflow. Each workflow has its own, runs at the same moment can overwrite each other, and queue-mode workers start without it.',
			},
			{
				name: 'From Input (Your Store)',
				value: 'input',
				description:
					'Read from your store (a Data table row, or Postgres counts) by expression. Each item carries the new state and version for a compare-and-set, and the candidates a database can claim atomically.',
			},
		],
		default: defaultMemory,
		displayOptions: { show: { '@version': versions } },
		description: 'Where rotation, daily caps and returning contacts are remembered between runs',
	};
}

export const assignInquiryOwnerProperties: INodeProperties[] = [
	{
		displayName:
			'Static data holds rotation, daily caps and returning contacts for one n8n instance only: test runs never save it, two runs at the same moment overwrite each other, and in queue mode every worker execution starts from nothing (n8n 2.x), so the rotation restarts each time. For anything shared or in queue mode choose From Input (Your Store): the Inquiry Continuity Hub keeps the memory in a Data table or in Postgres. The settings below hold for the whole run: an expression must give every item the same value.',
		name: 'stateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { routingMemory: ['staticData'] } },
	},
	// Version 1 workflows saved without this parameter meant static data: they keep it. From 1.1
	// the shared store is the default, so static data is never the source of truth unless chosen.
	routingMemoryProperty('staticData', [1]),
	routingMemoryProperty('input', [{ _cnd: { gte: 1.1 } }]),
	{
		displayName:
			'What holds where: rotation, daily counts and returning contacts live in your store, never in this node or in workflow static data. The Inquiry Continuity Hub keeps them in the inquiry_owner_memory Data table, or on Postgres in inquiry_owner_counts, inquiry_owner_credits, inquiry_owner_sticky and inquiry_owner_claims. This node only decides: every item leaves with routingMemory, the state and the version it was read at (Data table: write it back only where the version is unchanged, add 1, else read again and rerun) and, when assigned, routingMemory.claim: the eligible owners in order, for a database to claim in one locked statement (Postgres: inquiry_claim_owner). Safe in queue mode either way. Left empty, Routing Memory State starts fresh on every run.',
		name: 'inputMemoryNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { routingMemory: ['input'] } },
	},
	{
		displayName: 'Routing Memory State',
		name: 'routingState',
		type: 'json',
		default: '',
		displayOptions: { show: { routingMemory: ['input'] } },
		placeholder: "e.g. {{ $('Read Owner Memory').first().json.state }}",
		description:
			'The stored state, as JSON text or an object. Empty starts a fresh memory. Read once per run, from the first item.',
	},
	{
		displayName: 'Routing Memory Version',
		name: 'routingVersion',
		type: 'number',
		default: 0,
		displayOptions: { show: { routingMemory: ['input'] } },
		placeholder: "e.g. {{ $('Read Owner Memory').first().json.version }}",
		description:
			'The version of the stored row that the state was read at. Read once per run, from the first item.',
	},
	{
		displayName: 'Roster Source',
		name: 'rosterSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Owners Listed Here', value: 'form', description: 'Type each owner into this node' },
			{
				// eslint-disable-next-line n8n-nodes-base/node-param-display-name-miscased -- "e.g." and "ms" read as English, as in n8n's own nodes
				name: 'JSON (e.g. from a sheet)',
				value: 'json',
				description:
					'Owners from an expression, such as the rows a Google Sheets or Data table node read',
			},
		],
		default: 'form',
	},
	{
		displayName: 'Owners',
		name: 'owners',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Owner',
		default: {},
		displayOptions: onForm,
		description: 'The people who can own an inquiry. Their order is the round-robin order.',
		options: [{ displayName: 'Owner', name: 'owner', values: ownerFields }],
	},
	{
		displayName: 'Roster (JSON)',
		name: 'rosterJson',
		type: 'json',
		default: '[]',
		displayOptions: onJson,
		placeholder: "e.g. {{ $('Read Roster').all().map(item => item.json) }}",
		description:
			'A list of owners, one object per owner. Column names are forgiving ("Time Zone", "Cap Per Day", "Skills" with commas, "Active" as yes/no). Evaluated for each item; it must give every item the same roster.',
	},
	{
		displayName: 'Business Time Zone',
		name: 'businessTimezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/New_York',
		description:
			"The time zone of the business hours and deadlines. Empty means the workflow's time zone.",
	},
	{
		displayName: 'Business Hours',
		name: 'businessHours',
		type: 'string',
		default: 'Mon-Fri 09:00-17:00',
		placeholder: 'e.g. Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00',
		description:
			'When the business is open. Deadlines count only these hours; write 24/7 to count every minute.',
	},
	{
		displayName: 'Holidays',
		name: 'holidays',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-12-25, 2027-01-01',
		description: 'Days the business is closed. Deadlines skip them and nobody is assigned on them.',
	},
	{
		displayName: 'Owners Without Own Hours',
		name: 'ownersWithoutHours',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Work the Business Hours',
				value: 'businessHours',
				description: 'In their own time zone: 9-5 is their local 9-5',
			},
			{
				name: 'Are Always Available',
				value: 'alwaysAvailable',
				description: 'Any time, any day (holidays and out-of-office still apply)',
			},
		],
		default: 'businessHours',
		description:
			'What an owner with empty Working Hours means. Chosen here so "no schedule" is never a silent guess.',
	},
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rule',
		default: {},
		description:
			'Checked top to bottom; the first rule that matches chooses the team or owner. No match uses Default Team.',
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				values: [
					{
						displayName: 'Condition Field',
						name: 'field',
						type: 'options',
						options: [
							{ name: 'Any Inquiry', value: 'any' },
							{ name: 'Channel', value: 'channel' },
							{ name: 'City', value: 'city' },
							{ name: 'Country', value: 'country' },
							{ name: 'Language', value: 'language' },
							{ name: 'Postal Code', value: 'postalCode' },
							{ name: 'Region', value: 'region' },
							{ name: 'Service', value: 'service' },
							{ name: 'Source', value: 'source' },
							{ name: 'Territory (Postal Prefix, City, Region or Country)', value: 'territory' },
							{ name: 'Urgency', value: 'urgency' },
						],
						default: 'service',
						description: 'What of the inquiry to look at. Any Inquiry makes a catch-all rule.',
					},
					{
						displayName: 'Condition Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Is', value: 'is' },
							{ name: 'Is Not', value: 'isNot' },
							{ name: 'Contains', value: 'contains' },
							{ name: 'Starts With', value: 'startsWith' },
						],
						default: 'is',
						displayOptions: { hide: { field: ['any'] } },
					},
					{
						displayName: 'Condition Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. plumbing, drains',
						description:
							'Compared without regard to case; several values separated by commas mean "any of"',
						displayOptions: { hide: { field: ['any'] } },
					},
					{
						displayName: 'Route To',
						name: 'routeTo',
						type: 'options',
						options: [
							{ name: 'Team', value: 'team' },
							{ name: 'Owner', value: 'owner' },
						],
						default: 'team',
					},
					{
						displayName: 'Rule Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Emergency plumbing',
						description: 'Shown in the reason for each assignment',
					},
					{
						displayName: 'Team or Owner ID',
						name: 'target',
						type: 'string',
						default: '',
						placeholder: 'e.g. plumbing',
					},
				],
			},
		],
	},
	{
		displayName: 'Default Team',
		name: 'defaultTeam',
		type: 'string',
		default: '',
		placeholder: 'e.g. office',
		description: 'The team used when no rule matches. Empty means every owner.',
	},
	{
		displayName: 'Strategy',
		name: 'strategy',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Round Robin',
				value: 'round_robin',
				description:
					'In roster order, skipping who is unavailable; nobody is "owed" turns after an absence',
			},
			{
				name: 'Weighted',
				value: 'weighted',
				description:
					"By each owner's Weight, interleaved (5:2 gives A B A A A B A, never blocks of five)",
			},
			{
				name: 'Fewest Open Inquiries',
				value: 'least_loaded',
				description:
					'The owner with the lowest Open Load; without counts, the fewest assigned today',
			},
			{
				name: 'Contact Hash',
				value: 'hash',
				description:
					'The same contact always gets the same owner (while available). Needs no saved state: safe in queue mode.',
			},
		],
		default: 'round_robin',
	},
	{
		displayName: 'Open Load (JSON)',
		name: 'openLoad',
		type: 'json',
		default: '',
		placeholder: 'e.g. {"ana": 3, "ben": 1}',
		description:
			'Open inquiries per owner ID right now, usually from an expression over a previous node (rows with an "owner" column are counted). Used by Fewest Open Inquiries and by Cap on Open Inquiries.',
	},
	{
		displayName: 'Sticky Owner for Returning Contacts',
		name: 'sticky',
		type: 'boolean',
		default: true,
		description:
			'Whether a contact who wrote or called before goes back to their previous owner (matched by email or phone, any channel) when that owner is available',
	},
	{
		displayName: 'Fallback Team',
		name: 'fallbackTeam',
		type: 'string',
		default: '',
		placeholder: 'e.g. office',
		description: 'Tried when nobody in the chosen team is available',
	},
	{
		displayName: 'Fallback Owner ID',
		name: 'fallbackOwner',
		type: 'string',
		default: '',
		placeholder: 'e.g. ana',
		description:
			'Tried after the fallback team. Also subject to availability: nobody gets inquiries while away.',
	},
	{
		displayName: 'Hold Until Next Available',
		name: 'holdUntilAvailable',
		type: 'boolean',
		default: false,
		description:
			'Whether to assign to the owner who starts work first when nobody is available now, with the deadline counted from their start. Off: such inquiries leave through Unassigned.',
	},
	{
		displayName: 'Hold At Most (Business Minutes)',
		name: 'maxHoldMinutes',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 527040 },
		default: 0,
		displayOptions: { show: { holdUntilAvailable: [true] } },
		description:
			"How long an inquiry may wait for someone to come back, counted in business minutes from its arrival. 0: until the inquiry's escalation deadline. When the first person back starts later than that, the inquiry leaves through Unassigned, saying who is back first and when.",
	},
	{
		displayName: 'Response Deadlines',
		name: 'deadlines',
		type: 'collection',
		placeholder: 'Change Deadline',
		default: {},
		description:
			'Business minutes to first response, by urgency, counted only while the business is open',
		options: [
			{
				displayName: 'Emergencies Around the Clock',
				name: 'emergencyAroundTheClock',
				type: 'boolean',
				default: false,
				description: 'Whether emergency deadlines count every minute, nights and weekends included',
			},
			{
				displayName: 'Emergency (Business Minutes)',
				name: 'emergencyMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 15,
			},
			{
				displayName: 'Escalate After (Business Minutes)',
				name: 'escalateAfterMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description: 'How long after Respond By the escalation checkpoint falls',
			},
			{
				displayName: 'High (Business Minutes)',
				name: 'highMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
			},
			{
				displayName: 'Low (Business Minutes)',
				name: 'lowMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 480,
			},
			{
				displayName: 'Normal (Business Minutes)',
				name: 'normalMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 240,
			},
		],
	},
	{
		displayName: 'Eligibility Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Change Filter',
		default: {},
		description:
			'Which owner details must fit the inquiry. Owners with an empty list are never filtered out.',
		options: [
			{
				displayName: 'Match Skills',
				name: 'skills',
				type: 'boolean',
				default: true,
				description: "Whether an owner must list the inquiry's service",
			},
			{
				displayName: 'Match Languages',
				name: 'languages',
				type: 'boolean',
				default: true,
				description: "Whether an owner must speak the inquiry's language",
			},
			{
				displayName: 'Match Territories',
				name: 'territories',
				type: 'boolean',
				default: true,
				description: "Whether an owner must cover the inquiry's location",
			},
			{
				displayName: 'Match Channels',
				name: 'channels',
				type: 'boolean',
				default: true,
				description: "Whether an owner must take the inquiry's channel",
			},
		],
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		noDataExpression: true,
		default: false,
		description:
			'Whether to only show who would get each inquiry, without saving rotation, caps or sticky memory',
	},
	{
		displayName: 'Sticky Memory Size',
		name: 'stickyMemorySize',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100000 },
		default: 5000,
		description:
			'How many contacts to remember for sticky routing; the least recently assigned are forgotten first',
		displayOptions: { show: { sticky: [true] } },
	},
];
