import type { SetupFacts } from './setupAudit';
import { InquiryError } from '../shared/errors';
import { auditSetup, readSetupFacts } from './setupAudit';

/** A business ready to go live: every setting filled in, two real people, the hub linked. */
const READY: SetupFacts = {
	settings: {
		businessName: 'Northside Plumbing',
		timeZone: 'America/Chicago',
		managerEmail: 'dana@northsideplumbing.com',
		emailFrom: 'inquiries@northsideplumbing.com',
		textBackSender: '+1 (312) 555-2671',
	},
	team: [
		{ ownerId: 'ana', name: 'Ana', email: 'ana@northsideplumbing.com', active: true },
		{ ownerId: 'ben', name: 'Ben', phone: '+13125552672', active: 'true' },
		{ ownerId: 'old', name: 'Old sample', email: 'first.owner@team.invalid', active: false },
	],
	entries: [{ entry: 'Web form', template: '01b-form-webhook', answered: 200, onLedger: true }],
	ownerNotices: [{ status: 'sent' }, { status: 'sent' }],
	workflows: [
		{
			name: 'Web form',
			nodes: [
				{
					name: 'Run the Hub',
					type: 'n8n-nodes-base.executeWorkflow',
					parameters: { source: 'database', workflowId: { __rl: true, value: 'hub-id' } },
				},
				{ name: 'Email', type: 'n8n-nodes-base.emailSend', credentials: { smtp: { id: '1' } } },
				{ name: 'Text', type: 'n8n-nodes-base.twilio', disabled: true },
			],
		},
	],
};

const withSettings = (settings: Record<string, unknown>): SetupFacts => ({
	...READY,
	settings: { ...READY.settings, ...settings },
});

describe('auditSetup', () => {
	it('passes a business with every setting, a real team, a linked hub and delivered notifications', () => {
		expect(auditSetup(READY)).toEqual({
			passed: true,
			problems: [],
			visibility: {
				passed: true,
				delivered: 2,
				of: 2,
				why: 'All of the last 2 owner notifications were delivered.',
			},
		});
	});

	it('fails the settings as shipped (all empty), one problem per setting, each with its fix', () => {
		const audit = auditSetup(
			withSettings({
				businessName: '',
				timeZone: '',
				managerEmail: '',
				emailFrom: '',
				textBackSender: '',
			}),
		);
		expect(audit.passed).toBe(false);
		expect(audit.problems).toEqual([
			{
				where: 'inquiry_settings: businessName',
				problem: 'is empty, so customers are greeted without it',
				fix: 'In the inquiry_settings table, set the value of businessName to your business as customers know it.',
			},
			{
				where: 'inquiry_settings: timeZone',
				problem: "is empty, so hours and deadlines follow the n8n server's clock",
				fix: 'In the inquiry_settings table, set the value of timeZone to your time zone, e.g. America/Chicago or Europe/Berlin.',
			},
			{
				where: 'inquiry_settings: managerEmail',
				problem: 'is empty, so alerts reach nobody',
				fix: 'In the inquiry_settings table, set the value of managerEmail to the address that gets alerts.',
			},
			{
				where: 'inquiry_settings: emailFrom',
				problem: 'is empty, so nothing can be e-mailed',
				fix: 'In the inquiry_settings table, set the value of emailFrom to the address your e-mails are sent from, e.g. inquiries@yourdomain.',
			},
			{
				where: 'inquiry_settings: textBackSender',
				problem: 'is empty, so missed callers get no text back',
				fix: 'In the inquiry_settings table, set the value of textBackSender to your Twilio number in international form, e.g. +14155550123.',
			},
		]);
	});

	it.each([
		['managerEmail', 'manager@example.com', 'is a placeholder address (manager@example.com)'],
		['managerEmail', 'boss@shop.invalid', 'is a placeholder address (boss@shop.invalid)'],
		['managerEmail', 'dana at northside', '"dana at northside" is not an e-mail address'],
		['emailFrom', 'inquiries@example.com', 'is a placeholder address (inquiries@example.com)'],
		['textBackSender', '+10000000000', 'is a placeholder number (+10000000000)'],
		['textBackSender', '+1 415 555 0100', 'is a placeholder number (+1 415 555 0100)'],
		[
			'textBackSender',
			'312-555-2671',
			'"312-555-2671" is not a phone number in international form',
		],
		['businessName', 'Your business name', 'is a placeholder ("Your business name")'],
		['timeZone', 'America/Chicgo', '"America/Chicgo" is not a time zone'],
	])('fails %s = %s: %s', (setting, value, problem) => {
		expect(auditSetup(withSettings({ [setting]: value })).problems).toEqual([
			expect.objectContaining({ where: `inquiry_settings: ${setting}`, problem }),
		]);
	});

	it('fails an empty team, a team with nobody active, and active sample or unreachable people', () => {
		expect(auditSetup({ ...READY, team: [] }).problems).toEqual([
			{
				where: 'inquiry_team',
				problem: 'has nobody in it',
				fix: 'Add one row per person who can take inquiries in the inquiry_team table, with active checked.',
			},
		]);
		expect(
			auditSetup({ ...READY, team: [{ ownerId: 'ana', email: 'ana@b.com', active: false }] })
				.problems[0].problem,
		).toBe('has nobody marked active');
		const audit = auditSetup({
			...READY,
			team: [
				{
					ownerId: 'owner-1',
					email: 'first.owner@team.invalid',
					phone: '+14155550101',
					active: true,
				},
				{ name: 'Cleo', active: 'yes' },
				{ ownerId: 'ana', email: 'ana@northsideplumbing.com', active: true },
			],
		});
		expect(audit.problems).toEqual([
			{
				where: 'inquiry_team: owner-1',
				problem:
					'is active with a placeholder e-mail first.owner@team.invalid and phone +14155550101',
				fix: "In the inquiry_team table, replace owner-1's sample row with a real person's details, or uncheck active.",
			},
			{
				where: 'inquiry_team: Cleo',
				problem: 'is active with no e-mail and no phone, so they cannot be told',
				fix: 'In the inquiry_team table, give Cleo an e-mail or a phone, or uncheck active.',
			},
		]);
	});

	it('names an entry that is not published, and one whose inquiry never reached the hub', () => {
		const audit = auditSetup({
			...READY,
			entries: [
				{ entry: 'Booking', template: '04-booking-to-owner', answered: 404, onLedger: false },
				{ entry: 'Chat', template: '03-chat-to-owner', answered: 500, onLedger: false },
				{ entry: 'Form', answered: 200, onLedger: true },
			],
		});
		expect(audit.problems).toEqual([
			{
				where: 'Booking (04-booking-to-owner)',
				problem: 'its webhook is not published (answered 404)',
				fix: 'Import 04-booking-to-owner if it is missing, open it and press Publish.',
			},
			{
				where: 'Chat (03-chat-to-owner)',
				problem: 'answered 500, but its inquiry never reached the hub',
				fix: 'Open 03-chat-to-owner, pick "Inquiry Continuity Hub" in Run the Hub, and publish; make sure the hub is published too.',
			},
		]);
	});

	it('reads the workflows: a send step on without a credential, a hub call pointing nowhere', () => {
		const audit = auditSetup({
			...READY,
			workflows: [
				{
					name: 'Chat entry',
					nodes: [
						{
							name: 'Run the Hub',
							type: 'n8n-nodes-base.executeWorkflow',
							parameters: {
								source: 'database',
								workflowId: { __rl: true, mode: 'list', value: '' },
							},
						},
						{ name: 'Email the Owner', type: 'n8n-nodes-base.emailSend', credentials: {} },
						{ name: 'Send Text', type: 'n8n-nodes-base.twilio' },
						{ name: 'Post Alert', type: 'n8n-nodes-base.slack', disabled: true },
						{ name: 'A note', type: 'n8n-nodes-base.stickyNote' },
					],
				},
			],
		});
		expect(audit.problems).toEqual([
			{
				where: 'Chat entry: Run the Hub',
				problem: 'points at no workflow, so inquiries never reach the hub',
				fix: 'Open Chat entry, pick "Inquiry Continuity Hub" in Run the Hub, and publish.',
			},
			{
				where: 'Chat entry: Email the Owner',
				problem: 'is on but has no credential, so it sends nothing',
				fix: 'Open Chat entry, add an SMTP credential to Email the Owner, or turn the step off.',
			},
			{
				where: 'Chat entry: Send Text',
				problem: 'is on but has no credential, so it sends nothing',
				fix: 'Open Chat entry, add a Twilio credential to Send Text, or turn the step off.',
			},
		]);
	});

	it('fails a manager channel for failed-send alerts that cannot send: a text without a sender, an Outbox alert step off', () => {
		const outbox = (textOn: boolean) => ({
			name: 'Inquiry Outbox',
			nodes: [
				{
					name: 'Alert by Text (Twilio)',
					type: 'n8n-nodes-base.twilio',
					disabled: !textOn,
					credentials: textOn ? { twilioApi: { id: '2' } } : undefined,
				},
				{ name: 'Alert by Slack', type: 'n8n-nodes-base.slack', disabled: true },
			],
		});
		const channels = { managerPhone: '+13125552699', managerChat: '#inquiries' };
		expect(auditSetup({ ...withSettings(channels), workflows: [outbox(false)] }).problems).toEqual([
			{
				where: 'Inquiry Outbox: Alert by Text (Twilio)',
				problem:
					'is switched off while managerPhone is set, so a failed send never reaches the manager that way',
				fix: 'Open Inquiry Outbox, add a Twilio credential to Alert by Text (Twilio) and switch it on, or clear managerPhone in inquiry_settings.',
			},
			{
				where: 'Inquiry Outbox: Alert by Slack',
				problem:
					'is switched off while managerChat is set, so a failed send never reaches the manager that way',
				fix: 'Open Inquiry Outbox, add a Slack credential to Alert by Slack and switch it on, or clear managerChat in inquiry_settings.',
			},
		]);
		// Switched on with its credential: nothing to fix. Channels not set: nothing asked.
		expect(
			auditSetup({ ...withSettings({ managerPhone: '+13125552699' }), workflows: [outbox(true)] })
				.problems,
		).toEqual([]);
		expect(auditSetup({ ...READY, workflows: [outbox(false)] }).problems).toEqual([]);
		expect(
			auditSetup(withSettings({ managerPhone: '+13125552699', textBackSender: '' })).problems.map(
				(problem) => [problem.where, problem.problem],
			),
		).toContainEqual([
			'inquiry_settings: managerPhone',
			'is set, but textBackSender is empty, so a failed send is never texted to the manager',
		]);
	});

	it('fails Visibility when any recent owner notification was not delivered', () => {
		const audit = auditSetup({
			...READY,
			ownerNotices: [{ status: 'sent' }, { status: 'pending' }, {}, { status: 'failed' }, {}],
		});
		expect(audit.visibility).toEqual({
			passed: false,
			delivered: 1,
			of: 5,
			why: '1 of the last 5 owner notifications were delivered (1 pending, 2 no status, 1 failed): an owner who is not told cannot act.',
		});
		// The setup itself may be fine: Visibility is a verdict on delivery.
		expect(audit.passed).toBe(true);
	});

	it('fails Visibility without a sender, and passes it with a sender and nothing to check yet', () => {
		expect(auditSetup({ ...withSettings({ emailFrom: '' }), ownerNotices: [] }).visibility).toEqual(
			{
				passed: false,
				delivered: 0,
				of: 0,
				why: 'No sender is set (emailFrom), so no owner can be e-mailed.',
			},
		);
		expect(auditSetup({ ...READY, ownerNotices: [] }).visibility.passed).toBe(true);
	});
});

describe('readSetupFacts', () => {
	it('takes objects or JSON text, and empty lists for what is not given', () => {
		expect(
			readSetupFacts({
				setup: { settings: { businessName: 'B' }, team: [{ ownerId: 'a' }] },
				entries: '[{"entry":"Form","answered":200,"onLedger":true}]',
				ownerNotices: '',
			}),
		).toEqual({
			settings: { businessName: 'B' },
			team: [{ ownerId: 'a' }],
			entries: [{ entry: 'Form', answered: 200, onLedger: true }],
			ownerNotices: [],
			workflows: [],
		});
	});

	it('names the parameter that is not readable', () => {
		expect(() => readSetupFacts({ setup: '[]' })).toThrow(
			'Setup must be an object { settings, team }',
		);
		expect(() => readSetupFacts({ setup: {}, entries: '{' })).toThrow('Entries is not valid JSON');
		expect(() => readSetupFacts({ setup: {}, workflows: { a: 1 } })).toThrow(
			new InquiryError('INVALID_JSON_PARAMETER', 'Workflows must be a list, got object'),
		);
	});
});
