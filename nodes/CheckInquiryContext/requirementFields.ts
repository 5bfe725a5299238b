import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { CONDITION_FIELD_LABELS, CONDITION_FIELDS } from '../../core/context/fields';
import { ALWAYS, ANY_OF_FIELD } from '../../core/context/profileForm';

/** Written out (not mapped from CONTEXT_FIELDS) so the linter can check defaults; a unit test keeps them in sync. */
export const FIELD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'City', value: 'city' },
	{ name: 'Company', value: 'company' },
	{ name: 'Country', value: 'country' },
	{ name: 'Email', value: 'email' },
	{
		name: 'Location',
		value: 'location',
		description: 'Any of street address, city or postal code',
	},
	{
		name: 'Message Details',
		value: 'message',
		description: 'A message of at least the minimum length',
	},
	{ name: 'Name', value: 'name' },
	{ name: 'Phone', value: 'phone' },
	{
		name: 'Phone or Email',
		value: 'contact',
		description: 'A valid phone number or a valid email',
	},
	{ name: 'Postal Code', value: 'postalCode' },
	{ name: 'Preferred Time', value: 'preferredTime' },
	{ name: 'Service', value: 'service' },
	{ name: 'State or Region', value: 'region' },
	{ name: 'Street Address', value: 'address' },
	{ name: 'Urgency', value: 'urgency' },
];

const REQUIREMENT_FIELD_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Any of Several Fields',
		value: ANY_OF_FIELD,
		description: 'Met by any one of the fields you pick',
	},
	...FIELD_OPTIONS,
];

const requirementValues: INodeProperties[] = [
	{
		displayName: 'Field',
		name: 'field',
		type: 'options',
		options: REQUIREMENT_FIELD_OPTIONS,
		default: 'postalCode',
		description:
			'"Phone or email" needs a valid one of either; "Location" is met by an address, a city or a postal code',
	},
	{
		displayName: 'Any Of',
		name: 'anyOf',
		type: 'multiOptions',
		options: FIELD_OPTIONS,
		default: [],
		description: 'The requirement is met when any one of these fields is there',
		displayOptions: { show: { field: [ANY_OF_FIELD] } },
	},
	{
		displayName: 'Level',
		name: 'level',
		type: 'options',
		options: [
			{
				name: 'Required',
				value: 'required',
				description: 'Missing it holds the inquiry in Needs Context',
			},
			{
				name: 'Recommended',
				value: 'recommended',
				description: 'Missing it lowers the score only',
			},
		],
		default: 'required',
	},
	{
		displayName: 'Weight',
		name: 'weight',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 10,
		description: 'How much this field counts towards the 0–100 score, relative to the others',
	},
	{
		displayName: 'Only When',
		name: 'condition',
		type: 'options',
		options: [
			{ name: 'Always', value: ALWAYS },
			...CONDITION_FIELDS.map((field) => ({ name: CONDITION_FIELD_LABELS[field], value: field })),
		],
		default: ALWAYS,
		description:
			'Ask for this field only for some inquiries, e.g. a phone when Urgency equals emergency',
	},
	{
		displayName: 'Condition',
		name: 'operator',
		type: 'options',
		options: [
			{ name: 'Equals', value: 'equals' },
			{ name: 'Is One Of', value: 'isOneOf' },
			{ name: 'Is Present', value: 'isPresent' },
			{ name: 'Is Missing', value: 'isMissing' },
		],
		default: 'equals',
		displayOptions: { hide: { condition: [ALWAYS] } },
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		placeholder: 'e.g. emergency',
		description:
			'Compared ignoring upper and lower case. For "Is One Of", separate values with commas (e.g. call, missed_call).',
		displayOptions: { hide: { condition: [ALWAYS], operator: ['isPresent', 'isMissing'] } },
	},
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		placeholder: 'e.g. Job site ZIP code',
		description: 'Shown in the missing and present lists instead of the field name',
	},
];

export const requirementList = (
	displayName: string,
	name: string,
	description: string,
	show: string[],
): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Requirement',
	default: {},
	description,
	displayOptions: { show: { profile: show } },
	options: [{ displayName: 'Requirement', name: 'requirement', values: requirementValues }],
});
