import type { INodeProperties } from 'n8n-workflow';
import { BUILT_IN_PROFILE_NAMES } from '../../core/context/builtins';
import { DEFAULT_FIELD_PHRASES, DEFAULT_GREETING } from '../../core/context/wording';
import { FIELD_OPTIONS, requirementList } from './requirementFields';

/** Output order: items are routed by index, so this list and the node's routing must agree. */
export const OUTPUT_NAMES = ['Complete', 'Needs Context', 'Unreachable'] as const;
export const OUTPUT = { complete: 0, needsContext: 1, unreachable: 2 } as const;

const PROFILE_DESCRIPTIONS: Record<(typeof BUILT_IN_PROFILE_NAMES)[number], string> = {
	reachable: 'A valid phone number or email',
	routeReady:
		'Reachable, plus the service wanted and where (address, city or postal code); a phone for emergencies',
	quoteReady: 'Route-Ready, plus a few words about the job and a preferred time',
};

export const checkInquiryContextProperties: INodeProperties[] = [
	{
		displayName: 'Profile',
		name: 'profile',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Reachable', value: 'reachable', description: PROFILE_DESCRIPTIONS.reachable },
			{ name: 'Route-Ready', value: 'routeReady', description: PROFILE_DESCRIPTIONS.routeReady },
			{ name: 'Quote-Ready', value: 'quoteReady', description: PROFILE_DESCRIPTIONS.quoteReady },
			{ name: 'Custom', value: 'custom', description: 'Build your own list of fields below' },
			{
				name: 'Profile (JSON)',
				value: 'json',
				description: 'A profile written as JSON, e.g. from an expression',
			},
		],
		default: 'routeReady',
		description: 'Which details an inquiry needs before it can be acted on',
	},
	{
		displayName:
			'Reachable: a valid phone or email. Route-Ready: reachable + service + location (and a phone for emergencies). Quote-Ready: route-ready + message details + preferred time. Add Extra Requirements to extend one.',
		name: 'profileNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { profile: [...BUILT_IN_PROFILE_NAMES] } },
	},
	requirementList(
		'Extra Requirements',
		'extraRequirements',
		'Fields to ask for on top of the chosen profile. A row for a field the profile already has replaces it (e.g. to make Name required).',
		[...BUILT_IN_PROFILE_NAMES],
	),
	requirementList('Requirements', 'requirements', 'The fields this profile asks for', ['custom']),
	{
		displayName: 'Profile (JSON)',
		name: 'profileJson',
		type: 'json',
		default:
			'{\n  "extends": "routeReady",\n  "requirements": [\n    { "field": "postalCode", "weight": 10 },\n    { "field": "phone", "when": { "field": "channel", "in": ["call", "missed_call"] } }\n  ]\n}',
		description:
			'A list of requirements, or an object with "requirements" and optionally "extends" (reachable, routeReady or quoteReady). Each requirement: "field" or "anyOf", "weight", "level" (required or recommended), "when" ({ "field", and one of "equals", "in", "present" }), "label".',
		displayOptions: { show: { profile: ['json'] } },
	},
	{
		displayName: 'Business Name',
		name: 'businessName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Acme Plumbing',
		description:
			'Used in the follow-up question ("Thanks for reaching out to Acme Plumbing!") wherever {business} appears',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Email Subject',
				name: 'emailSubject',
				type: 'string',
				default: '',
				placeholder: 'e.g. One more detail for {business}',
				description:
					'Subject of the email follow-up; empty uses "A quick question about your request to {business}"',
			},
			{
				displayName: 'Greeting',
				name: 'greeting',
				type: 'string',
				default: DEFAULT_GREETING,
				description:
					'Opens the follow-up question; {business} becomes the Business Name. Leave empty for no greeting.',
			},
			{
				displayName: 'Hold Incomplete Inquiries',
				name: 'holdIncomplete',
				type: 'boolean',
				default: true,
				description:
					'Whether inquiries missing required details wait on the Needs Context output. Turn off to let them continue through Complete right away, still marked as needing context and with their follow-up question. Unreachable inquiries always leave through Unreachable.',
			},
			{
				displayName: 'Minimum Message Length',
				name: 'minMessageLength',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 15,
				description:
					'Messages shorter than this many characters ("hi", "call me") do not count as message details',
			},
			{
				displayName: 'Minimum Score',
				name: 'minimumScore',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 0,
				description:
					'Inquiries scoring below this (0–100) need context even when every required field is there',
			},
			{
				displayName: 'Question Wording',
				name: 'fieldPhrases',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Wording',
				default: {},
				description:
					'How the follow-up asks for a field, e.g. Postal Code → "the ZIP code of the job site"',
				options: [
					{
						displayName: 'Wording',
						name: 'phrase',
						values: [
							{
								displayName: 'Field',
								name: 'field',
								type: 'options',
								options: FIELD_OPTIONS,
								default: 'postalCode',
							},
							{
								displayName: 'Ask For',
								name: 'text',
								type: 'string',
								default: '',
								placeholder: `e.g. ${DEFAULT_FIELD_PHRASES.postalCode}`,
								description: 'Completes "Could you share …?"; {business} becomes the Business Name',
							},
						],
					},
				],
			},
			{
				displayName: 'Treat Recommended as Required',
				name: 'treatRecommendedAsRequired',
				type: 'boolean',
				default: false,
				description: 'Whether a missing recommended field also holds the inquiry in Needs Context',
			},
		],
	},
];
