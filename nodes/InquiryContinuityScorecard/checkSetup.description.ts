import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<INodeProperties['displayOptions']>;

/** Check Setup's parameters: the business setup, and the facts the self-audit gathered. */
export const checkSetupProperties = (displayOptions: Show): INodeProperties[] => [
	{
		displayName: 'Setup',
		name: 'setup',
		type: 'json',
		default: "={{ $('Business Setup').first().json }}",
		displayOptions,
		description:
			'The business settings and team as one object, { settings: { setting: value }, team: [rows of inquiry_team] }. Read once per run.',
	},
	{
		displayName: 'Entries',
		name: 'entries',
		type: 'json',
		default: '[]',
		displayOptions,
		description:
			'What each entry webhook answered: [{ entry, template, answered, onLedger }]. An entry that answered without its inquiry reaching the ledger is not linked to the hub.',
	},
	{
		displayName: 'Owner Notifications',
		name: 'ownerNotices',
		type: 'json',
		default: '[]',
		displayOptions,
		description:
			'The latest owner notifications (inquiry_notifications rows). Any without status "sent" fails Visibility.',
	},
	{
		displayName: 'Workflows',
		name: 'workflows',
		type: 'json',
		default: '[]',
		displayOptions,
		description:
			"Workflows as n8n's API returns them, to find send steps on without a credential and hub calls that point nowhere. Optional.",
	},
];
