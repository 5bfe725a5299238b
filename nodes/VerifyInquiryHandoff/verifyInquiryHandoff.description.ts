import type { INodeProperties, NodeHint } from 'n8n-workflow';
import { COMPARATORS } from '../../core/handoff/comparators';
import type { DefaultField } from '../../core/handoff/mapping';
import { DEFAULT_FIELDS } from '../../core/handoff/mapping';
import { MAX_ATTEMPTS, MAX_RETRY_DELAY_MS } from '../../core/handoff/readBack';
import type { HandoffMode } from '../../core/handoff/verifyItem';

/** Output order: items are routed by index, so this list and the node's routing must agree. */
export const OUTPUT_NAMES = ['Verified', 'Failed'] as const;
export const OUTPUT = { verified: 0, failed: 1 } as const;

const FIELD_LABELS: Record<DefaultField, string> = {
	name: 'Name (name)',
	email: 'Email (email)',
	phone: 'Phone (phone)',
	message: 'Message (message)',
	service: 'Service (service)',
	owner: 'Owner ID (ownerId)',
};

const COMPARATOR_OPTIONS: Record<
	(typeof COMPARATORS)[number],
	{ name: string; description: string }
> = {
	exact: { name: 'Exactly the Same', description: 'Same text, same case' },
	normalized: {
		name: 'Same Ignoring Case and Spaces',
		description: '"Jane  Roe" matches "jane roe"',
	},
	phone: { name: 'Same Phone Number', description: '+14155550123 matches (415) 555-0123' },
	email: { name: 'Same Email Address', description: 'Ignores case, "mailto:" and a display name' },
	contains: {
		name: 'Starts the Same (May Be Shortened)',
		description:
			'For messages: whole, inside a longer note, or cut off after at least the minimum length',
	},
	present: {
		name: 'Has Any Value',
		description: 'Only checks that the destination field is not empty',
	},
};

/**
 * A reader node that finds nothing usually returns no item at all, so that inquiry never reaches
 * this node and cannot be reported: the one way a record-mode check can miss a lost record.
 */
export const VERIFY_HINTS: NodeHint[] = [
	{
		message:
			'If the node that reads the record returns nothing when it finds nothing, that inquiry never reaches this node. Turn on "Always Output Data" in that node\'s settings (one inquiry per execution), or use "Read Back Over HTTP" for batches.',
		displayCondition: '={{ $parameter.mode === "record" }}',
		whenToDisplay: 'beforeExecution',
		location: 'ndv',
		type: 'info',
	},
];

const onModes = (...mode: HandoffMode[]) => ({ show: { mode } });
const onReadBack = onModes('readBack');

export const verifyInquiryHandoffProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: "Check the Previous Step's Response",
				value: 'response',
				description:
					'The input is what the node that wrote the record returned: HTTP Request (with Full Response), a CRM node, Data table or Postgres',
			},
			{
				name: 'Read Back Over HTTP',
				value: 'readBack',
				description:
					"Fetch the record from the destination's API by ID or by a search, retrying while it is not there yet",
			},
			{
				name: 'Compare With a Record From an Earlier Node',
				value: 'record',
				description:
					'The input is the record as another node read it back, e.g. HubSpot "Get" or Data table "Get"',
			},
		],
		default: 'response',
	},
	{
		displayName:
			'Only a read-back proves the record is really stored. A write response shows what the destination accepted, not what it kept.',
		name: 'responseNotice',
		type: 'notice',
		default: '',
		displayOptions: onModes('response'),
	},
	{
		displayName: 'Destination Name',
		name: 'destination',
		type: 'string',
		default: '',
		placeholder: 'e.g. HubSpot',
		description:
			'What people call the system the record went to. Used in the receipt and the alert text.',
	},
	{
		displayName: 'Inquiry Comes From',
		name: 'inquirySource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'The Input Item',
				value: 'inputItem',
				description:
					'The input item is the inquiry, with the record or response in one of its fields',
			},
			{
				name: 'An Earlier Node',
				value: 'earlierNode',
				description:
					'The input item is the record or response; the inquiry is read from an earlier node',
			},
		],
		default: 'inputItem',
	},
	{
		displayName: 'Inquiry',
		name: 'inquiry',
		type: 'json',
		default: '',
		placeholder: "e.g. {{ $('Assign Inquiry Owner').item.json }}",
		displayOptions: { show: { inquirySource: ['earlierNode'] } },
		description:
			"The inquiry as it was before the write: an expression that reads the item of the last of this package's nodes before the write, by the name it has in your workflow",
	},
	{
		displayName: 'Record Field',
		name: 'recordField',
		type: 'string',
		default: 'record',
		placeholder: 'e.g. record',
		displayOptions: { show: { inquirySource: ['inputItem'], mode: ['response', 'record'] } },
		description:
			'The field of the input item that holds the record or the response (dots for nested fields). An item without it counts as a missing record.',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '/contacts/{recordId}',
		placeholder: 'e.g. /contacts/{recordId} or /contacts?email={email}',
		displayOptions: onReadBack,
		description:
			"Added to the credential's Base URL. {recordId} is the ID the previous step returned (see Record ID Path); {email}, {phone}, {name}, {inquiryId} or any inquiry path such as {contact.email.address} search by the inquiry's values.",
	},
	{
		displayName: 'Attempts',
		name: 'attempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_ATTEMPTS },
		default: 3,
		displayOptions: onReadBack,
		description:
			'How many times to look for the record. Many CRMs show a new record only after a few seconds; a record still not there after the last attempt is Missing.',
	},
	{
		// eslint-disable-next-line n8n-nodes-base/node-param-display-name-miscased -- "ms" as n8n writes it ("Wait Between Tries (ms)")
		displayName: 'Wait Before Retry (ms)',
		name: 'retryDelay',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_RETRY_DELAY_MS },
		default: 1000,
		displayOptions: onReadBack,
		description:
			'The first wait between attempts. It doubles after each attempt, up to 30 seconds.',
	},
	{
		// eslint-disable-next-line n8n-nodes-base/node-param-display-name-miscased -- "ms" as n8n writes it
		displayName: 'Timeout (ms)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 100 },
		default: 10000,
		displayOptions: onReadBack,
		description:
			'How long one attempt may take. A destination that never answers in time is an Error, never Verified.',
	},
	{
		displayName: 'Record Path',
		name: 'recordPath',
		type: 'string',
		default: '',
		placeholder: 'e.g. data or results',
		description:
			'Where the record sits inside the response. Empty means the response is the record; a list (a search result) gives its first entry.',
	},
	{
		displayName: 'Record ID Path',
		name: 'recordIdPath',
		type: 'string',
		default: 'id',
		// eslint-disable-next-line n8n-nodes-base/node-param-placeholder-miscased-id -- a path is case-sensitive: most records keep "id"
		placeholder: 'e.g. id or data.id',
		description:
			'Where the record keeps its ID. A record ID in the receipt is what proves the transfer on the scorecard.',
	},
	{
		displayName: 'Fields to Compare',
		name: 'fieldsMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Standard Fields',
				value: 'standard',
				description:
					'Name, email, phone, message, service and owner, under the same names in the destination',
			},
			{
				name: 'Define Below',
				value: 'custom',
				description: 'Pair each inquiry field with its destination field',
			},
		],
		default: 'standard',
	},
	{
		displayName: 'Standard Fields',
		name: 'standardFields',
		type: 'multiOptions',
		options: DEFAULT_FIELDS.map((value) => ({ name: FIELD_LABELS[value], value })),
		default: [...DEFAULT_FIELDS],
		displayOptions: { show: { fieldsMode: ['standard'] } },
		description:
			'Which fields to check, by the destination field name in brackets. A field the inquiry does not have is skipped.',
	},
	{
		displayName: 'Destination Field Prefix',
		name: 'destinationPrefix',
		type: 'string',
		default: '',
		placeholder: 'e.g. properties.',
		displayOptions: { show: { fieldsMode: ['standard'] } },
		description:
			'Where the destination nests its fields: "properties." for HubSpot, "fields." for Airtable',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { fieldsMode: ['custom'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Comparison',
						name: 'comparator',
						type: 'options',
						options: COMPARATORS.map((value) => ({ ...COMPARATOR_OPTIONS[value], value })),
						default: 'normalized',
					},
					{
						displayName: 'Destination Field',
						name: 'destinationPath',
						type: 'string',
						default: '',
						placeholder: 'e.g. properties.phone',
						description:
							'Where the destination record holds it (dots for nested fields, [0] for the first of a list)',
					},
					{
						displayName: 'Inquiry Field',
						name: 'inquiryPath',
						type: 'string',
						default: '',
						placeholder: 'e.g. contact.phone.e164',
						description:
							'Where the inquiry holds the value, e.g. contact.email.address, contact.phone.e164 or request.message. Empty only for "Has Any Value".',
					},
					{
						displayName: 'Minimum Kept Characters',
						name: 'minKept',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 20,
						displayOptions: { show: { comparator: ['contains'] } },
						description: 'A shortened text must keep at least this many characters of the start',
					},
					{
						displayName: 'Name',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. phone',
						description: 'How the field is called in the receipt and the alert ("phone lost")',
					},
				],
			},
		],
	},
	{
		displayName: 'Deadline',
		name: 'deadline',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Minutes After the Inquiry Arrived', value: 'sla' },
			{
				name: "The Owner's Respond-By Time",
				value: 'respondBy',
				description: 'Set by Assign Inquiry Owner; inquiries without it use the minutes below',
			},
			{ name: 'No Deadline', value: 'none' },
		],
		default: 'sla',
		description: 'A record that arrives intact but after this is Late, and leaves through Failed',
	},
	{
		displayName: 'Minutes Allowed',
		name: 'slaMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		displayOptions: { show: { deadline: ['sla', 'respondBy'] } },
		description: "Minutes from the inquiry's arrival until its record must be in the destination",
	},
];
