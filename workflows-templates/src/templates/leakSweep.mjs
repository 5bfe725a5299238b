// 6. Escalation ladder: every 15 minutes, each open inquiry moves one rung when it is due: the
// owner is reminded before the claim deadline, it passes to the next eligible person at the
// deadline, and the manager is told when the moves run out. Each rung is raised once.
import { deliverEveryRow, HAND_TO_OUTBOX, STALE_SENDING_MINUTES } from '../outbox.mjs';
import { assignFromSharedMemory, NODE as HUB } from '../chain.mjs';
import { expr, table, TemplateBuilder } from '../lib.mjs';
import { overview } from '../notes.mjs';
import { notificationRow, updateRows } from '../sections.mjs';
import { tellOwner } from '../tellOwner.mjs';
import {
	condition,
	conditions,
	LEDGER,
	readLedger,
	scorecard,
	SELF_AUDIT_NAME,
	setFields,
	updateLedger,
	where,
} from '../scorecardSections.mjs';
import {
	localTime,
	MANAGER_EMAIL,
	numberSetting,
	readBusinessSetup,
	setting,
	TEAM,
	TIME_ZONE,
} from '../setup.mjs';
import { postgresVariant } from '../postgresStore.mjs';

export const file = '06-leak-sweep.json';
/** The same workflow on the Postgres store (template 00p's tables). */
/** On Postgres a reassignment takes one turn per inquiry and hop (the row's hops, already moved on). */
export const variants = [
	postgresVariant(build, 'postgres/06-leak-sweep.json', {
		turnKey: `$json.id + "@hop" + $('One Reassignment at a Time').item.json.hops`,
	}),
];

export const NODE = {
	schedule: 'Every 15 Minutes',
	onRequest: 'Sweep on Request',
	read: 'Read Open Ledger Rows',
	skipAudit: 'Leave Out Self-Audit Inquiries',
	finished: 'Handoff Finished?',
	ladder: 'Find Due Escalation Steps',
	loop: 'One Reassignment at a Time',
	sweep: 'Find Stalled Handoffs',
	flag: 'Mark Flagged in Ledger',
	removeLedger: 'Remove Old Closed Inquiries',
	removeNotifications: 'Remove Old Notifications',
};

const STEP = `$('${NODE.ladder}').item.json`;
const WHO = `(${STEP}.contactName || ${STEP}.contactPhone || ${STEP}.contactEmail || "an inquiry")`;
const teamMember = (ownerId) => `(${TEAM}.find(m => m.ownerId === ${ownerId}) ?? {})`;
const BUSINESS_CLOCK = {
	businessTimezone: expr(TIME_ZONE),
	businessHours: expr(`${setting('businessHours')} || "Mon-Fri 09:00-17:00"`),
	holidays: expr(setting('holidays')),
};

/**
 * The rungs, in the ladder node's output order. `columns` are what the step writes on its ledger
 * row (the node's `ladder.set`); the write is a compare-and-set on the stepsRaised value read, so
 * a rung two overlapping runs both find is raised by one of them only.
 */
const RUNGS = [
	{
		output: 0,
		name: 'Reminder',
		columns: ['stepsRaised', 'remindedAt'],
		message: {
			kind: 'owner_reminder',
			recipient: `${teamMember(`${STEP}.ownerId`)}.email ?? ""`,
			subject: `"Reminder: please claim the inquiry from " + ${WHO} + " by " + ${localTime(`${STEP}.respondBy`)}`,
			body: `"You have not claimed inquiry " + ${STEP}.inquiryId + " (" + (${STEP}.channel || "unknown channel") + ") yet. Claim it before " + ${localTime(`${STEP}.respondBy`)} + ", or it moves to someone else."`,
		},
	},
	{
		output: 1,
		name: 'Reassign',
		unclaimedOnly: true,
		columns: [
			'stepsRaised',
			'reassignedAt',
			'ownerId',
			'acceptedAt',
			'remindedAt',
			'hops',
			'passedBy',
		],
	},
	{
		output: 2,
		name: 'Manager',
		unclaimedOnly: true,
		columns: ['stepsRaised', 'escalatedAt', 'open'],
		message: {
			kind: 'escalation',
			recipient: MANAGER_EMAIL,
			subject: `"Escalation: nobody has claimed the inquiry from " + ${WHO}`,
			body: `${STEP}.ladder.reason + ". Inquiry " + ${STEP}.inquiryId + " (" + (${STEP}.channel || "unknown channel") + "), received " + ${localTime(`${STEP}.receivedAt`)} + ". Please give it to someone or answer it yourself."`,
		},
	},
	{
		output: 3,
		name: 'Contact Nudge',
		columns: ['stepsRaised'],
		message: {
			kind: 'contact_reminder',
			recipient: `${teamMember(`${STEP}.ownerId`)}.email ?? ""`,
			subject: `"Please contact " + ${WHO} + ": the deadline has passed"`,
			body: `"You claimed inquiry " + ${STEP}.inquiryId + ", but nobody has contacted the person yet and the deadline was " + ${localTime(`${STEP}.respondBy`)} + ". Please get in touch now."`,
		},
	},
];

const ifNode = (b, name, list, at) =>
	b.node(name, 'n8n-nodes-base.if', 2.2, { conditions: conditions(list), options: {} }, at);
const exists = (value) =>
	condition(expr(value), { type: 'number', operation: 'exists', singleValue: true });
const isTrue = (value) =>
	condition(expr(value), { type: 'boolean', operation: 'true', singleValue: true });

/** Writes a rung on its ledger row, only if the row still holds what the ladder read; passes on the rows that changed. */
function raiseOnce(b, rung, [column, row]) {
	const write = `Raise Once: ${rung.name}`;
	updateRows(b, write, [column, row], {
		tableName: LEDGER,
		conditions: [
			where('inquiryId', 'eq', expr('$json.ladder.where.inquiryId')),
			// An empty cell reads as NULL or '', which only isEmpty matches.
			{
				keyName: 'stepsRaised',
				condition: expr('$json.ladder.where.stepsRaised ? "eq" : "isEmpty"'),
				keyValue: expr('$json.ladder.where.stepsRaised'),
			},
			// A claim or contact that landed after the read wins: the rung is not raised over it.
			...(rung.unclaimedOnly
				? [where('acceptedAt', 'isEmpty'), where('contactedAt', 'isEmpty')]
				: []),
		],
		value: Object.fromEntries(rung.columns.map((name) => [name, expr(`$json.ladder.set.${name}`)])),
		numbers: ['hops'],
	});
	b.connect(NODE.ladder, write, rung.output);
	const raised = `${rung.name} Raised?`;
	ifNode(b, raised, [exists('$json.id')], [column + 1, row]);
	b.connect(write, raised);
	if (!rung.message) return raised;
	const tell = `Notify: ${rung.name}`;
	notificationRow(b, tell, [column + 2, row], {
		...rung.message,
		channel: 'email',
		dedupeKey: `"ladder:" + ${STEP}.inquiryId + ":" + ${STEP}.ladder.key`,
		inquiryId: `${STEP}.inquiryId`,
	});
	b.connect(raised, tell);
	return raised;
}

/**
 * The inquiry a reassignment assigns, from its ledger row: received at the reassignment, so the
 * next owner gets a full claim window, and without identity keys, so the shared memory's sticky owner (the one who
 * let it go) is not chosen again.
 */
const ROW = `$('${NODE.loop}').item.json`;
const INQUIRY_FROM_ROW = `({ schemaVersion: 1, id: ${ROW}.inquiryId, dedupeKey: ${ROW}.inquiryId, identityKeys: [], receivedAt: ${ROW}.reassignedAt, channel: ${ROW}.channel || "other", source: { system: ${ROW}.sourceSystem || "ledger", preset: "ledger", detectedBy: "custom" }, contact: { name: { full: ${ROW}.contactName || undefined } }, request: { urgency: ${ROW}.urgency || "normal", location: {} }, attribution: {}, consent: {}, extraFields: {}, continuity: { trail: [] } })`;
/** The team minus everyone who passed it or let it go (the owner who missed is on the list now). */
const ROSTER_LEFT = `${TEAM}.filter(m => !String(${ROW}.passedBy ?? "").split(",").includes(m.ownerId))`;

/** Reassign: through the hub's own owner choice and shared memory, one inquiry at a time. */
function reassign(b, raised, [column, row]) {
	b.node(NODE.loop, 'n8n-nodes-base.splitInBatches', 3, { batchSize: 1, options: {} }, [
		column,
		row,
	]);
	b.connect(raised, NODE.loop);
	const { outOfTries, unassigned } = assignFromSharedMemory(b, [column + 1, row + 1], {
		inquiry: INQUIRY_FROM_ROW,
		roster: ROSTER_LEFT,
	});
	b.connect(NODE.loop, HUB.readMemory, 1);

	const decided = `$('${HUB.decided}').item.json`;
	updateRows(b, 'Save New Owner', [column + 8, row + 1], {
		tableName: LEDGER,
		conditions: [where('inquiryId', 'eq', expr('$json.id')), where('ownerId', 'isEmpty')],
		value: {
			ownerId: expr('$json.assignment.owner.id'),
			ownerName: expr('$json.assignment.owner.name'),
			assignedAt: expr('$json.assignment.assignedAt'),
			respondBy: expr('$json.assignment.respondBy'),
			escalateAt: expr('$json.assignment.escalateAt'),
		},
	});
	b.connect(HUB.decided, 'Save New Owner');
	// The new owner gets the same message as a first owner: with signed links bound to the new hop.
	b.node(
		'Reassigned Inquiry',
		'n8n-nodes-base.set',
		3.4,
		{ mode: 'raw', jsonOutput: expr(`JSON.stringify(${decided})`), options: {} },
		[column + 9, row + 1],
	);
	b.connect('Save New Owner', 'Reassigned Inquiry');
	const dedupeKey = `"ladder:" + ${decided}.id + ":owner@" + ${ROW}.hops`;
	const message = tellOwner(b, 'Reassigned Inquiry', [column + 10, row + 1], {
		notify: 'Notify: New Owner',
		kind: 'reassigned',
		hop: `Number(${ROW}.hops) || 1`,
		dedupeKey,
	});
	b.connect('Notify: New Owner', NODE.loop);
	// No link credential: the new owner is still told, without links. The message step's error
	// output carries only the error, so the inquiry is read from the steps before it.
	const reassigned = "$('Reassigned Inquiry').first().json";
	const loopRow = `$('${NODE.loop}').first().json`;
	notificationRow(b, 'Notify: New Owner (No Links)', [column + 11, row + 1.7], {
		kind: 'owner_reassigned',
		channel: 'email',
		recipient: `${reassigned}.assignment.owner.email ?? ""`,
		subject: `"Inquiry passed to you: " + (${loopRow}.contactName || "a new customer") + " — respond by " + ${localTime(`${reassigned}.assignment.respondBy`)}`,
		body: `"Inquiry " + ${reassigned}.id + " (" + ${reassigned}.channel + ") moved to you because " + (${loopRow}.passedBy || "the previous owner") + " did not claim it in time.\\nWhy you: " + ${reassigned}.assignment.reason + "\\nRespond by: " + ${localTime(`${reassigned}.assignment.respondBy`)}`,
		dedupeKey,
		inquiryId: `${reassigned}.id`,
	});
	b.connect(message, 'Notify: New Owner (No Links)', 1);
	b.connect('Notify: New Owner (No Links)', NODE.loop);

	// Nobody left who can take it, or the shared memory stayed busy: the manager steps in.
	setFields(b, 'Nobody to Pass It To', [column + 8, row + 2.4], {
		inquiryId: ['string', `${ROW}.inquiryId`],
		stepsRaised: ['string', `${ROW}.stepsRaised + ",manager"`],
		reason: [
			'string',
			`"Nobody else could take it (" + ($json.assignment?.reason ?? "the owner memory stayed busy") + ")"`,
		],
	});
	b.connect(unassigned.node, 'Nobody to Pass It To', unassigned.output);
	b.connect(outOfTries.node, 'Nobody to Pass It To', outOfTries.output);
	updateLedger(b, 'Save Escalation', [column + 9, row + 2.4], {
		inquiryId: expr('$json.inquiryId'),
		stepsRaised: expr('$json.stepsRaised'),
		escalatedAt: expr('$now.toUTC().toISO()'),
		open: '',
	});
	b.connect('Nobody to Pass It To', 'Save Escalation');
	notificationRow(b, 'Notify: Manager (Nobody Left)', [column + 10, row + 2.4], {
		kind: 'escalation',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: `"Escalation: nobody can take the inquiry from " + (${ROW}.contactName || "a customer")`,
		body: `$('Nobody to Pass It To').item.json.reason + ". " + (${ROW}.passedBy || "The owner") + " did not claim inquiry " + ${ROW}.inquiryId + " in time. Please give it to someone or answer it yourself."`,
		dedupeKey: `"ladder:" + ${ROW}.inquiryId + ":manager"`,
		inquiryId: `${ROW}.inquiryId`,
	});
	b.connect('Save Escalation', 'Notify: Manager (Nobody Left)');
	b.connect('Notify: Manager (Nobody Left)', NODE.loop);
}

/** An owner who let a claim deadline pass: the count goes on their team row, and past the limit they are set inactive. */
function countMissedClaims(b, raised, [column, row]) {
	ifNode(b, 'Owner Missed It?', [exists(`${STEP}.ownerMissedInARow`)], [column, row]);
	b.connect(raised, 'Owner Missed It?');
	const owner = [where('ownerId', 'eq', expr(`${STEP}.ownerId`))];
	updateRows(b, 'Count Missed Claim', [column + 1, row], {
		tableName: 'inquiry_team',
		conditions: owner,
		value: { missedClaims: expr(`${STEP}.ownerMissedInARow`) },
		numbers: ['missedClaims'],
	});
	b.connect('Owner Missed It?', 'Count Missed Claim');
	ifNode(b, 'Set Away Now?', [isTrue(`${STEP}.setOwnerAway === true`)], [column + 2, row]);
	b.connect('Count Missed Claim', 'Set Away Now?');
	updateRows(b, 'Set Owner Away', [column + 3, row], {
		tableName: 'inquiry_team',
		conditions: owner,
		value: { active: false },
	});
	b.connect('Set Away Now?', 'Set Owner Away');
}

/** Inquiries whose hub run never finished (n8n stopped mid-chain): the manager is told, once per reason. */
function stalledHandoffs(b, [column, row]) {
	scorecard(
		b,
		NODE.sweep,
		'findStalled',
		{ assignWithinMinutes: 15, verifyWithinMinutes: 30, clock: 'business', ...BUSINESS_CLOCK },
		[column, row],
	);
	b.connect(NODE.finished, NODE.sweep, 1);
	notificationRow(b, 'Notify: Stalled Handoff', [column + 1, row], {
		kind: 'alert',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: `"Check the handoff of the inquiry from " + ($json.contactName || $json.contactPhone || $json.contactEmail || "someone")`,
		body: '$json.stall.message + " Inquiry " + $json.inquiryId + " (" + ($json.channel || "unknown channel") + "), received " + $json.receivedAt + "."',
		// One message per inquiry and reason, however often the ladder runs.
		dedupeKey: '"sweep:" + $json.inquiryId + ":" + $json.stall.reason',
	});
	b.connect(NODE.sweep, 'Notify: Stalled Handoff', 0);
	updateLedger(b, NODE.flag, [column + 2, row], {
		inquiryId: expr(`$('${NODE.sweep}').item.json.inquiryId`),
		sweepReason: expr(`$('${NODE.sweep}').item.json.sweepReason`),
		sweepAction: expr(`$('${NODE.sweep}').item.json.sweepAction`),
		sweepAt: expr(`$('${NODE.sweep}').item.json.sweepAt`),
	});
	b.connect('Notify: Stalled Handoff', NODE.flag);
}

const RETENTION_CUTOFF = `$now.minus({ days: ${numberSetting('retentionDays', 90)} }).toUTC().toISO()`;

/** Retention: closed inquiries and notifications untouched for retentionDays are removed. */
function retention(b, setup, [column, row]) {
	const remove = (name, tableName, filters, at) =>
		b.node(
			name,
			'n8n-nodes-base.dataTable',
			1.1,
			{
				resource: 'row',
				operation: 'deleteRows',
				dataTableId: table(tableName),
				matchType: 'allConditions',
				filters: { conditions: filters },
				options: {},
			},
			at,
			{ executeOnce: true },
		);
	remove(
		NODE.removeLedger,
		LEDGER,
		[where('open', 'neq', 'yes'), where('updatedAt', 'lt', expr(RETENTION_CUTOFF))],
		[column, row],
	);
	remove(
		NODE.removeNotifications,
		'inquiry_notifications',
		[where('notifiedAt', 'lt', expr(RETENTION_CUTOFF))],
		[column, row + 1],
	);
	b.connect(setup, NODE.removeLedger);
	b.connect(setup, NODE.removeNotifications);
}

/**
 * Messages stuck in "sending" past the stale cutoff (the run sending them stopped): handed back to
 * the Outbox, which claims each again or gives it up. Reads only rows in "sending".
 */
function stuckSends(b, setup, at) {
	readLedger(b, 'Read Stuck Sends', at, {
		tableName: 'inquiry_notifications',
		filters: [
			where('status', 'eq', 'sending'),
			where(
				'claimedAt',
				'lt',
				expr(`$now.minus({ minutes: ${STALE_SENDING_MINUTES} }).toUTC().toISO()`),
			),
		],
	});
	b.connect(setup, 'Read Stuck Sends');
	b.connect('Read Stuck Sends', HAND_TO_OUTBOX);
}

export function build() {
	const b = new TemplateBuilder(
		'Inquiry continuity: escalation ladder (remind, reassign, tell the manager, once each)',
		{ tags: ['inquiry-continuity'] },
	);
	overview(b, {
		closes:
			'Inquiries nobody claims: the owner is reminded, then it moves to the next person, then the manager is told. Also inquiries whose handoff never finished.',
		how: [
			'Every 15 minutes **Read Open Ledger Rows** reads the *inquiry_ledger* rows whose *open* is "yes" (not contacted yet): the read grows with the open work, not with history.',
			'**Find Due Escalation Steps** finds, on your business hours, the one rung each inquiry is due for: a **reminder** to the owner *remindBeforeMinutes* before the claim deadline; at the deadline a **reassignment** to the next eligible person (never back to one who let it go), up to *maxHops* times; then the **manager**.',
			'Each rung is written on the ledger row (*remindedAt*, *reassignedAt*, *escalatedAt*) with a compare-and-set, so it is raised once however often the ladder runs, and each message is a row in *inquiry_notifications*.',
			'Closed inquiries and notifications older than *retentionDays* are removed on each run.',
		],
		setup: [
			'In *inquiry_settings*, set **managerEmail**, and if you like **remindBeforeMinutes**, **maxHops**, **awayAfterMisses** and **retentionDays**. Business hours, holidays and time zone are the ones the hub uses.',
			'Press **Publish**. To run it right away, open …/webhook/inquiry-leak-sweep.',
		],
	});

	b.node(
		NODE.schedule,
		'n8n-nodes-base.scheduleTrigger',
		1.2,
		{ rule: { interval: [{ field: 'minutes', minutesInterval: 15 }] } },
		[0, 1],
	);
	// Published, the ladder also runs on request (GET …/webhook/inquiry-leak-sweep), e.g. after a restart.
	b.node(
		NODE.onRequest,
		'n8n-nodes-base.webhook',
		2.1,
		{ httpMethod: 'GET', path: 'inquiry-leak-sweep', responseMode: 'onReceived', options: {} },
		[0, 0],
		{ webhookId: 'inquiry-leak-sweep' },
	);
	const setup = readBusinessSetup(b, NODE.schedule, [1, 0.5]);
	b.connect(NODE.onRequest, 'Read Settings');

	readLedger(b, NODE.read, [4, 1], { filters: [where('open', 'eq', 'yes')] });
	b.connect(setup, NODE.read);
	retention(b, setup, [4, -1]);
	b.node(
		NODE.skipAudit,
		'n8n-nodes-base.filter',
		2.2,
		{
			conditions: conditions([
				condition(
					expr('$json.contactName ?? ""'),
					{ type: 'string', operation: 'notEquals' },
					SELF_AUDIT_NAME,
				),
			]),
			options: {},
		},
		[5, 1],
	);
	b.connect(NODE.read, NODE.skipAudit);
	// The hub closes its run with a verified record or an alert; a row with neither stopped mid-chain.
	ifNode(
		b,
		NODE.finished,
		[
			condition(expr('$json.verifiedAt || $json.alertedAt || ""'), {
				type: 'string',
				operation: 'notEmpty',
				singleValue: true,
			}),
		],
		[6, 1],
	);
	b.connect(NODE.skipAudit, NODE.finished);

	b.ours(
		NODE.ladder,
		'inquiryClaimLinks',
		{
			operation: 'ladder',
			...BUSINESS_CLOCK,
			remindBeforeMinutes: expr(numberSetting('remindBeforeMinutes', 10)),
			maxHops: expr(numberSetting('maxHops', 2)),
			team: expr(
				`${TEAM}.filter(m => m.ownerId && m.active !== false && String(m.active) !== "false").map(m => m.ownerId).join(",")`,
			),
			awayAfterMisses: expr(numberSetting('awayAfterMisses', 0)),
			missedInARow: expr(
				`JSON.stringify(Object.fromEntries(${TEAM}.filter(m => m.ownerId).map(m => [m.ownerId, Number(m.missedClaims) || 0])))`,
			),
		},
		[7, 1],
	);
	b.connect(NODE.finished, NODE.ladder, 0);
	const raised = RUNGS.map((rung, index) => raiseOnce(b, rung, [8, index * 1.4 - 1]));
	reassign(b, raised[1], [11, 4.6]);
	countMissedClaims(b, raised[1], [11, 3.3]);
	stalledHandoffs(b, [7, 7]);
	// Reminders, new owners' messages and the manager's alerts are really sent, by the Outbox.
	deliverEveryRow(b, [14, 7]);
	stuckSends(b, setup, [4, -2.2]);

	b.note(
		'Which inquiries are read',
		[
			'Only ledger rows with *open* = "yes": the hub writes it when the inquiry enters, and it is cleared when someone contacts the person or the manager is told. The self-audit\'s synthetic inquiries (named "Self Audit") are left out.',
			'',
			'A row whose hub run never finished (no verified record, no alert) goes to **Find Stalled Handoffs**, which tells the manager once per reason.',
		].join('\n'),
		[3.6, 2.4],
		{ width: 3.3, height: 1.8 },
	);
	b.note(
		'Once per inquiry and rung',
		[
			"**Raise Once** writes the rung on the ledger row only where *stepsRaised* still holds what was read, so two overlapping runs never raise it twice. A reassignment goes through the hub's own owner choice and shared owner memory (**Read Owner Memory** … **Save Owner Memory**), one inquiry at a time.",
			'',
			'Each message is a row in *inquiry_notifications*, handed to the **Inquiry Outbox** (template 00c), which sends it once and writes its receipt.',
		].join('\n'),
		[8, -3.3],
		{ width: 4, height: 1.9 },
	);
	b.note(
		'Retention',
		"Closed inquiries (not open) and notifications untouched for *retentionDays* (90 by default) are removed, so the Data tables stay far below n8n's size limit (50 MB by default). The weekly report has counted them long before.",
		[4, -3.3],
		{ width: 3.3, height: 1.4 },
	);
	return b;
}
