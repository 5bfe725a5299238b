import { IANAZone } from 'luxon';
import { InquiryError } from '../shared/errors';

/**
 * The self-audit's setup checks: every place a business must fill in before going live, read
 * from plain rows (inquiry_settings as { setting: value }, inquiry_team rows) and plain facts
 * (what each entry webhook answered, recent owner notifications, and, when the audit may read
 * them, the workflows themselves). Each problem names where it is and the fix, in one sentence.
 */
export interface SetupFacts {
	settings: Record<string, unknown>;
	team: ReadonlyArray<Record<string, unknown>>;
	/** One per entry the audit posted to: its answer, and whether its inquiry reached the ledger. */
	entries?: ReadonlyArray<{
		entry: string;
		template?: string;
		answered: unknown;
		onLedger: boolean;
	}>;
	/** The latest real owner notifications (inquiry_notifications rows of kind owner_assigned). */
	ownerNotices?: ReadonlyArray<{ status?: unknown }>;
	/** Workflows as n8n stores them ({ name, nodes }), when the audit can read them. */
	workflows?: ReadonlyArray<{ name?: unknown; nodes?: unknown }>;
}

export interface SetupProblem {
	/** Where to go: "inquiry_settings: managerEmail", "inquiry_team: owner-1", a workflow and node. */
	where: string;
	problem: string;
	fix: string;
}

export interface SetupAudit {
	passed: boolean;
	problems: SetupProblem[];
	/** Whether owners are really told: no owner notification left undelivered, and a sender set. */
	visibility: { passed: boolean; delivered: number; of: number; why: string };
}

/** Domains nobody can receive at: documentation domains (RFC 2606) and reserved top-level domains. */
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|invalid|test|example|localhost)$/i;
const isPlaceholderEmail = (address: string) =>
	address.includes('@') && RESERVED_DOMAIN.test(address.slice(address.lastIndexOf('@') + 1));
/** The all-zero sender and North America's numbers reserved for fiction, 555-0100 to 555-0199. */
const PLACEHOLDER_PHONE = /^\+?1?(?:0{9,}|\d{3}55501\d\d)$/;
const PLACEHOLDER_NAME = /^(?:your business( name)?|business name|acme.*)$/i;
const EMAIL = /^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** Steps that send to a person: on, they need a credential (n8n type → what to add). */
const SEND_STEPS: Record<string, string> = {
	'n8n-nodes-base.emailSend': 'an SMTP credential',
	'n8n-nodes-base.gmail': 'a Gmail credential',
	'n8n-nodes-base.microsoftOutlook': 'an Outlook credential',
	'n8n-nodes-base.twilio': 'a Twilio credential',
	'n8n-nodes-base.slack': 'a Slack credential',
	'n8n-nodes-base.telegram': 'a Telegram credential',
};

const text = (value: unknown) =>
	value === undefined || value === null ? '' : String(value as string).trim();

export function auditSetup(facts: SetupFacts): SetupAudit {
	const problems = [
		...settingProblems(facts.settings),
		...teamProblems(facts.team),
		...entryProblems(facts.entries ?? []),
		...workflowProblems(facts.workflows ?? []),
		...alertPathProblems(facts.settings, facts.workflows ?? []),
	];
	return {
		passed: problems.length === 0,
		problems,
		visibility: visibility(facts),
	};
}

const inSettings = (setting: string) => `inquiry_settings: ${setting}`;
const setIt = (setting: string, what: string) =>
	`In the inquiry_settings table, set the value of ${setting} to ${what}.`;

function settingProblems(settings: Record<string, unknown>): SetupProblem[] {
	const value = (name: string) => text(settings[name]);
	const problems: SetupProblem[] = [];
	const name = value('businessName');
	if (name === '' || PLACEHOLDER_NAME.test(name))
		problems.push({
			where: inSettings('businessName'),
			problem:
				name === ''
					? 'is empty, so customers are greeted without it'
					: `is a placeholder ("${name}")`,
			fix: setIt('businessName', 'your business as customers know it'),
		});
	const zone = value('timeZone');
	if (zone === '' || !IANAZone.isValidZone(zone))
		problems.push({
			where: inSettings('timeZone'),
			problem:
				zone === ''
					? "is empty, so hours and deadlines follow the n8n server's clock"
					: `"${zone}" is not a time zone`,
			fix: setIt('timeZone', 'your time zone, e.g. America/Chicago or Europe/Berlin'),
		});
	problems.push(
		...addressProblems(
			value('managerEmail'),
			'managerEmail',
			'alerts reach nobody',
			'the address that gets alerts',
		),
		...addressProblems(
			value('emailFrom'),
			'emailFrom',
			'nothing can be e-mailed',
			'the address your e-mails are sent from, e.g. inquiries@yourdomain',
		),
	);
	const sender = value('textBackSender');
	const senderProblem =
		sender === ''
			? 'is empty, so missed callers get no text back'
			: PLACEHOLDER_PHONE.test(sender.replace(/[\s()-]/g, ''))
				? `is a placeholder number (${sender})`
				: E164.test(sender.replace(/[\s()-]/g, ''))
					? undefined
					: `"${sender}" is not a phone number in international form`;
	if (senderProblem)
		problems.push({
			where: inSettings('textBackSender'),
			problem: senderProblem,
			fix: setIt('textBackSender', 'your Twilio number in international form, e.g. +14155550123'),
		});
	return problems;
}

function addressProblems(address: string, setting: string, whenEmpty: string, what: string) {
	const problem =
		address === ''
			? `is empty, so ${whenEmpty}`
			: isPlaceholderEmail(address)
				? `is a placeholder address (${address})`
				: EMAIL.test(address)
					? undefined
					: `"${address}" is not an e-mail address`;
	return problem ? [{ where: inSettings(setting), problem, fix: setIt(setting, what) }] : [];
}

const isActive = (row: Record<string, unknown>) =>
	row.active === true || /^(true|yes|1)$/i.test(text(row.active));

function teamProblems(team: SetupFacts['team']): SetupProblem[] {
	const active = team.filter(isActive);
	if (active.length === 0)
		return [
			{
				where: 'inquiry_team',
				problem: team.length === 0 ? 'has nobody in it' : 'has nobody marked active',
				fix: 'Add one row per person who can take inquiries in the inquiry_team table, with active checked.',
			},
		];
	return active.flatMap((row) => {
		const who = text(row.ownerId) || text(row.name) || 'a row';
		const email = text(row.email);
		const phone = text(row.phone).replace(/[\s()-]/g, '');
		const fake = [
			...(isPlaceholderEmail(email) ? [`e-mail ${email}`] : []),
			...(PLACEHOLDER_PHONE.test(phone) ? [`phone ${text(row.phone)}`] : []),
		];
		if (email === '' && phone === '')
			return [
				{
					where: `inquiry_team: ${who}`,
					problem: 'is active with no e-mail and no phone, so they cannot be told',
					fix: `In the inquiry_team table, give ${who} an e-mail or a phone, or uncheck active.`,
				},
			];
		if (fake.length === 0) return [];
		return [
			{
				where: `inquiry_team: ${who}`,
				problem: `is active with a placeholder ${fake.join(' and ')}`,
				fix: `In the inquiry_team table, replace ${who}'s sample row with a real person's details, or uncheck active.`,
			},
		];
	});
}

function entryProblems(entries: NonNullable<SetupFacts['entries']>): SetupProblem[] {
	return entries.flatMap(({ entry, template, answered, onLedger }) => {
		const where = template ? `${entry} (${template})` : entry;
		const status = Number(answered);
		if (status === 404)
			return [
				{
					where,
					problem: 'its webhook is not published (answered 404)',
					fix: `Import ${template ?? 'the entry template'} if it is missing, open it and press Publish.`,
				},
			];
		if (onLedger) return [];
		return [
			{
				where,
				problem: `answered ${text(answered) || 'nothing'}, but its inquiry never reached the hub`,
				fix: `Open ${template ?? 'the entry'}, pick "Inquiry Continuity Hub" in Run the Hub, and publish; make sure the hub is published too.`,
			},
		];
	});
}

function workflowProblems(workflows: NonNullable<SetupFacts['workflows']>): SetupProblem[] {
	return workflows.flatMap((workflow) => {
		const name = text(workflow.name);
		const nodes = Array.isArray(workflow.nodes)
			? (workflow.nodes as Record<string, unknown>[])
			: [];
		return nodes.flatMap((node): SetupProblem[] => {
			if (node.disabled === true) return [];
			const where = `${name}: ${text(node.name)}`;
			const type = text(node.type);
			const needs = SEND_STEPS[type];
			const credentials = node.credentials as Record<string, unknown> | undefined;
			if (needs && (!credentials || Object.keys(credentials).length === 0))
				return [
					{
						where,
						problem: 'is on but has no credential, so it sends nothing',
						fix: `Open ${name}, add ${needs} to ${text(node.name)}, or turn the step off.`,
					},
				];
			if (type === 'n8n-nodes-base.executeWorkflow' && hubTarget(node) === '') {
				const target = calledName(node) || HUB;
				return [
					{
						where,
						problem:
							target === HUB
								? 'points at no workflow, so inquiries never reach the hub'
								: `points at no workflow, so nothing reaches the ${target}`,
						fix: `Open ${name}, pick "${target}" in ${text(node.name)}, and publish.`,
					},
				];
			}
			return [];
		});
	});
}

const HUB = 'Inquiry Continuity Hub';
const OUTBOX = 'Inquiry Outbox';

/** The Outbox's alert steps for a failed send, by the setting that names the manager on that channel. */
const ALERT_STEPS = [
	{ setting: 'managerPhone', step: 'Alert by Text (Twilio)', needs: 'a Twilio credential' },
	{ setting: 'managerChat', step: 'Alert by Slack', needs: 'a Slack credential' },
] as const;

/**
 * A manager channel named in inquiry_settings whose alert step cannot send: a text needs
 * textBackSender; and, when the audit may read the workflows, the Outbox's step for it must be on
 * with a credential. (An active step without one is already reported by workflowProblems.)
 */
function alertPathProblems(
	settings: Record<string, unknown>,
	workflows: NonNullable<SetupFacts['workflows']>,
): SetupProblem[] {
	const outbox = workflows.find((workflow) => text(workflow.name) === OUTBOX);
	const nodes = Array.isArray(outbox?.nodes) ? (outbox.nodes as Record<string, unknown>[]) : [];
	return ALERT_STEPS.flatMap(({ setting, step, needs }): SetupProblem[] => {
		if (text(settings[setting]) === '') return [];
		if (setting === 'managerPhone' && text(settings.textBackSender) === '')
			return [
				{
					where: inSettings(setting),
					problem:
						'is set, but textBackSender is empty, so a failed send is never texted to the manager',
					fix: setIt('textBackSender', 'your Twilio number in international form'),
				},
			];
		const node = nodes.find((found) => text(found.name) === step);
		if (!outbox || (node && node.disabled !== true)) return [];
		return [
			{
				where: `${OUTBOX}: ${step}`,
				problem: `is ${node ? 'switched off' : 'missing'} while ${setting} is set, so a failed send never reaches the manager that way`,
				fix: `Open ${OUTBOX}, add ${needs} to ${step} and switch it on, or clear ${setting} in inquiry_settings.`,
			},
		];
	});
}

/** The name of the workflow an Execute Workflow node is meant to call, as the template names it. */
function calledName(node: Record<string, unknown>): string {
	const id = ((node.parameters ?? {}) as Record<string, unknown>).workflowId;
	return text(
		typeof id === 'object' && id !== null
			? (id as { cachedResultName?: unknown }).cachedResultName
			: '',
	);
}

/** The workflow an Execute Workflow node calls from the database ('' when none is picked). */
function hubTarget(node: Record<string, unknown>): string {
	const parameters = (node.parameters ?? {}) as Record<string, unknown>;
	if (parameters.source !== undefined && parameters.source !== 'database') return 'other source';
	const id = parameters.workflowId;
	return text(typeof id === 'object' && id !== null ? (id as { value?: unknown }).value : id);
}

function visibility({ settings, ownerNotices = [] }: SetupFacts): SetupAudit['visibility'] {
	const of = ownerNotices.length;
	const delivered = ownerNotices.filter((notice) => text(notice.status) === 'sent').length;
	if (delivered < of) {
		const counts = new Map<string, number>();
		for (const notice of ownerNotices) {
			const status = text(notice.status) || 'no status';
			if (status !== 'sent') counts.set(status, (counts.get(status) ?? 0) + 1);
		}
		const left = [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
		return {
			passed: false,
			delivered,
			of,
			why: `${delivered} of the last ${of} owner notifications were delivered (${left}): an owner who is not told cannot act.`,
		};
	}
	if (text(settings.emailFrom) === '')
		return {
			passed: false,
			delivered,
			of,
			why: 'No sender is set (emailFrom), so no owner can be e-mailed.',
		};
	return {
		passed: true,
		delivered,
		of,
		why:
			of === 0
				? 'No owner notification to check yet; a sender is set.'
				: `All of the last ${of} owner notifications were delivered.`,
	};
}

const UNREADABLE = Symbol('unreadable');

/**
 * The facts as the node's JSON parameters give them (objects, or JSON text): settings and team
 * under `setup` (what the hub's Business Setup reads), the rest as lists. Names the parameter
 * that is not what it should be.
 */
export function readSetupFacts(parameters: {
	setup: unknown;
	entries?: unknown;
	ownerNotices?: unknown;
	workflows?: unknown;
}): SetupFacts {
	const parse = (name: string, value: unknown): unknown => {
		if (typeof value !== 'string') return value;
		if (value.trim() === '') return undefined;
		let parsed: unknown = UNREADABLE;
		try {
			parsed = JSON.parse(value);
		} catch {
			// reported below, with the parameter's name
		}
		if (parsed === UNREADABLE)
			throw new InquiryError('INVALID_JSON_PARAMETER', `${name} is not valid JSON`);
		return parsed;
	};
	const list = <T>(name: string, value: unknown): T[] => {
		const parsed = parse(name, value);
		if (parsed === undefined || parsed === null) return [];
		if (!Array.isArray(parsed))
			throw new InquiryError(
				'INVALID_JSON_PARAMETER',
				`${name} must be a list, got ${typeof parsed}`,
			);
		return parsed as T[];
	};
	const setup = parse('Setup', parameters.setup);
	if (typeof setup !== 'object' || setup === null || Array.isArray(setup))
		throw new InquiryError(
			'INVALID_JSON_PARAMETER',
			'Setup must be an object { settings, team }',
			"To fix this, point Setup at the item that holds the business's settings and team, e.g. {{ $('Business Setup').first().json }}.",
		);
	const { settings, team } = setup as { settings?: unknown; team?: unknown };
	return {
		settings:
			typeof settings === 'object' && settings !== null
				? (settings as Record<string, unknown>)
				: {},
		team: list('Setup team', team),
		entries: list('Entries', parameters.entries),
		ownerNotices: list('Owner Notifications', parameters.ownerNotices),
		workflows: list('Workflows', parameters.workflows),
	};
}
