import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { SOURCE_PRESETS } from '../../core/inquiry/sources';
import { SIGNATURE_SCHEME_INFO } from '../../core/inquiry/signatures/verifySignature';
import { SIGNATURE_SCHEMES } from '../../core/inquiry/signatures/types';
import { CUSTOM_FIELDS } from '../../core/inquiry/receive/customDraft';

/** Output order: items are routed by index, so this list and the node's routing must agree. */
export const OUTPUT_NAMES = ['Normalized', 'Invalid', 'Rejected'] as const;
export const OUTPUT = { normalized: 0, invalid: 1, rejected: 2 } as const;

const outputsJson = (names: readonly string[]) =>
	JSON.stringify(names.map((displayName) => ({ type: NodeConnectionTypes.Main, displayName })));

/** "Rejected" exists only while signatures are checked, like the Switch node's rule outputs. */
export const OUTPUTS_EXPRESSION: `={{${string}}}` = `={{ $parameter.checkSignature ? ${outputsJson(OUTPUT_NAMES)} : ${outputsJson(OUTPUT_NAMES.slice(0, 2))} }}`;

const sourceOptions: INodePropertyOptions[] = [
	{
		name: 'Auto-Detect',
		value: 'auto',
		description:
			'Recognise the sender from the shape of its data; the choice is recorded under source.preset',
	},
	...SOURCE_PRESETS.map((preset) => ({ name: preset.label, value: preset.key })),
	{
		name: 'Generic (Any JSON)',
		value: 'generic',
		description:
			'Find name, email, phone, message, service and location in data from any other tool',
	},
	{
		name: 'Custom Mapping',
		value: 'custom',
		description: 'Point each inquiry field at a value yourself',
	},
];

/** The canvas subtitle: the source by its short name ("Typeform", "Auto-Detect") and whether signatures are checked. */
const SOURCE_SHORT_NAMES = Object.fromEntries(
	sourceOptions.map((option) => [option.value, option.name.replace(/ \(.*\)$/, '')]),
);
export const SUBTITLE_EXPRESSION = `={{ (${JSON.stringify(SOURCE_SHORT_NAMES)}[$parameter.source] || $parameter.source) + ($parameter.checkSignature ? " · signature checked" : "") }}`;

const COUNTRIES: [code: string, name: string][] = [
	['US', 'United States'],
	['CA', 'Canada'],
	['GB', 'United Kingdom'],
	['IE', 'Ireland'],
	['AU', 'Australia'],
	['NZ', 'New Zealand'],
	['ZA', 'South Africa'],
	['IN', 'India'],
	['SG', 'Singapore'],
	['PH', 'Philippines'],
	['AE', 'United Arab Emirates'],
	['MX', 'Mexico'],
	['BR', 'Brazil'],
	['AR', 'Argentina'],
	['CO', 'Colombia'],
	['CL', 'Chile'],
	['ES', 'Spain'],
	['PT', 'Portugal'],
	['FR', 'France'],
	['BE', 'Belgium'],
	['NL', 'Netherlands'],
	['DE', 'Germany'],
	['AT', 'Austria'],
	['CH', 'Switzerland'],
	['IT', 'Italy'],
	['PL', 'Poland'],
	['SE', 'Sweden'],
	['NO', 'Norway'],
	['DK', 'Denmark'],
	['FI', 'Finland'],
	['JP', 'Japan'],
	['NG', 'Nigeria'],
	['KE', 'Kenya'],
];

const signatureOn = { show: { checkSignature: [true] } };

export const normalizeInquiryProperties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: sourceOptions,
		default: 'auto',
		description:
			'Which tool sent the data. Auto-Detect recognises every listed tool; pick one to be strict.',
	},
	{
		displayName: 'Default Country',
		name: 'defaultCountry',
		type: 'options',
		options: COUNTRIES.map(([value, name]) => ({ name, value })),
		default: 'US',
		description:
			'The country assumed for phone numbers written without a country code. Numbers starting with + or 00 keep their own country.',
	},
	{
		displayName: 'Read Payload From',
		name: 'payloadFrom',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Auto',
				value: 'auto',
				description: 'The body of a Webhook node item, otherwise the whole item',
			},
			{
				name: 'Whole Item',
				value: 'wholeItem',
				description: 'The item as it is, e.g. from a Form Trigger or Gmail Trigger',
			},
			{
				name: 'Body (Webhook Node)',
				value: 'body',
				description: 'The "body" field a Webhook node puts the posted data in',
			},
			{
				name: 'Field',
				value: 'field',
				description: 'A field you name, e.g. the response of an HTTP Request node',
			},
		],
		default: 'auto',
		description: "Where the sender's data sits on each incoming item",
	},
	{
		displayName: 'Field Name',
		name: 'payloadField',
		type: 'string',
		default: '',
		placeholder: 'e.g. data.lead',
		description: 'The field holding the data; use dots for nested fields',
		displayOptions: { show: { payloadFrom: ['field'] } },
	},
	{
		displayName: 'Keep Raw Payload',
		name: 'keepRaw',
		type: 'boolean',
		default: true,
		description:
			'Whether to keep the original data under "raw", so nothing the sender gave is ever lost',
	},
	{
		displayName: 'Field Mapping',
		name: 'customMapping',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field',
		default: {},
		description:
			'Point each inquiry field at a value, usually an expression that picks a field from the incoming item',
		displayOptions: { show: { source: ['custom'] } },
		options: [
			{
				displayName: 'Mapping',
				name: 'mappings',
				values: [
					{
						displayName: 'Inquiry Field',
						name: 'field',
						type: 'options',
						options: Object.entries(CUSTOM_FIELDS).map(([value, name]) => ({ name, value })),
						default: 'email',
						description: 'The inquiry field to fill',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. {{ $json.contact.email }}',
						description:
							'The value for this field; drag a field from the input or write an expression',
					},
				],
			},
		],
	},
	{
		displayName: 'Check Signature',
		name: 'checkSignature',
		type: 'boolean',
		// It adds the Rejected output, so it is one choice for the whole node, never an expression.
		noDataExpression: true,
		default: false,
		description:
			'Whether to verify each delivery really comes from the sender, using the secret you share with it. Forged or altered posts leave through the Rejected output. A fixed choice (no expression), since it changes the outputs.',
	},
	{
		displayName:
			'In the Webhook node, open Options and turn on "Raw Body": most senders sign the exact bytes they posted, and only that option passes them on unchanged',
		name: 'rawBodyNotice',
		type: 'notice',
		default: '',
		displayOptions: signatureOn,
	},
	{
		displayName: 'Signature Scheme',
		name: 'signatureScheme',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'From Source',
				value: 'auto',
				description: 'The scheme of the tool chosen (or auto-detected) under Source',
			},
			...SIGNATURE_SCHEMES.filter((scheme) => scheme !== 'none').map((scheme) => ({
				name: SIGNATURE_SCHEME_INFO[scheme].label,
				value: scheme,
			})),
		],
		default: 'auto',
		description:
			'How the sender signs its posts. Generic and Custom Mapping need a scheme picked here.',
		displayOptions: signatureOn,
	},
	{
		displayName: 'Signature Options',
		name: 'signatureOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: signatureOn,
		options: [
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 300,
				description:
					"How old a signed timestamp may be before the post counts as a replay. Without this option each sender's own limit applies (e.g. 3 minutes for Calendly, 5 for HubSpot and Webflow). 0 turns the age check off.",
			},
		],
	},
];
