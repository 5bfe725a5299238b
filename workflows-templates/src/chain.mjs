// The Inquiry Continuity Hub: the one continuity chain every entry template calls through n8n's
// Execute Workflow node. Business settings and team are read once per execution; then
// ledger (entry) → Check Context → Assign Owner (shared owner memory, compare-and-set) → Save
// Record → Read Back → Verify → Notify Owner → ledger (final), with every failure branch ending in
// an alert row and a ledger row that says so: never in silence.
import { expr, table } from './lib.mjs';
import { ledgerAtEntry, ledgerAfter, SAVE_LEDGER_RECEIVED } from './ledger.mjs';
import { conditions, condition } from './scorecardSections.mjs';
import {
	localTime,
	MANAGER_EMAIL,
	minutes,
	readBusinessSetup,
	setting,
	TEAM,
	TIME_ZONE,
} from './setup.mjs';
import { deliverEveryRow } from './outbox.mjs';
import {
	notificationRow,
	notSentYet,
	readRecordBack,
	saveRecord,
	schemaColumn,
} from './sections.mjs';
import { findEarlierInquiries, joinOpenInquiry } from './repeat.mjs';
import { assignByClaim, onPostgres } from './postgresStore.mjs';
import { tellOwner } from './tellOwner.mjs';

/** After verification: a self-audit's inquiry, one new on the ledger here, or a replay. */
const TELL_WHICH_WAY = 'Self-Audit, New or Replay?';

/** The owner's message when Create Owner Message cannot run (no link credential): no links, still told. */
const NOTIFY_OWNER_PLAIN = 'Notify Owner (No Links)';

export const NODE = {
	trigger: 'Hub Trigger',
	isInquiry: 'Is an Inquiry?',
	context: 'Check Inquiry Context',
	readMemory: 'Read Owner Memory',
	assign: 'Assign Inquiry Owner',
	saveMemory: 'Save Owner Memory',
	decided: 'Owner Decided',
	save: 'Save Record',
	readBack: 'Read Record Back',
	verify: 'Verify Inquiry Handoff',
	notifyOwner: 'Notify Owner',
	alertHandoff: 'Alert: Handoff Failed',
};

/** The one row of inquiry_owner_memory this business's routing uses. */
export const MEMORY_TABLE = 'inquiry_owner_memory';
export const MEMORY_SCOPE = 'business';
/** Compare-and-set attempts before the hub gives up and alerts (each lost attempt means another execution won). */
export const MEMORY_TRIES = 20;

/**
 * A self-audit's synthetic inquiry carries this field in its payload (kept under `raw` by
 * Normalize Inquiry): the hub then takes the test path. Its record goes to RECORDS.test, the owner
 * is chosen from a copy of the owner memory that is not written back, and nobody is told. The mark
 * only ever does less than the real path, so a forged one gains nothing.
 */
export const TEST_MARK = 'inquiryContinuityTest';
const isTest = (inquiry = '$json') => `Boolean(${inquiry}.raw?.${TEST_MARK})`;
export const RECORDS = { real: 'inquiry_records', test: 'inquiry_test_records' };
const recordsTable = (inquiry) =>
	expr(`${isTest(inquiry)} ? "${RECORDS.test}" : "${RECORDS.real}"`);
/**
 * Whether this execution put the inquiry on the ledger (its entry row was new). Then no earlier
 * execution asked or told anything under a key only this inquiry has: each one writes or finds
 * the entry row before the chain runs, and retention removes a ledger row only with its
 * notifications. A replay (the entry row was there) still looks for the row first.
 */
const NEW_ON_LEDGER_HERE = `($('${SAVE_LEDGER_RECEIVED}').isExecuted && $('${SAVE_LEDGER_RECEIVED}').all().some((row) => row.json.inquiryId === $json.id))`;

/**
 * A Switch before a message recorded once per dedupe key: 0 a self-audit's inquiry (nobody is
 * asked or told), 1 straight to the message (new on the ledger here and `keyedByInquiry`), 2
 * through the gate that looks for the row first. Returns the Switch's name.
 */
function oncePerKey(b, name, at, { keyedByInquiry = 'true' } = {}) {
	return b.node(
		name,
		'n8n-nodes-base.switch',
		3.2,
		{
			mode: 'expression',
			numberOutputs: 3,
			output: expr(`${isTest('$json')} ? 0 : (${keyedByInquiry}) && ${NEW_ON_LEDGER_HERE} ? 1 : 2`),
		},
		at,
	);
}

/** The system of record the chain writes to and verifies against (the embedded default). */
const DESTINATION = 'inquiry_records (Data table)';

const exists = (value) =>
	condition(expr(value), { type: 'number', operation: 'exists', singleValue: true });
const ifNode = (b, name, list, at, combinator = 'and') =>
	b.node(
		name,
		'n8n-nodes-base.if',
		2.2,
		{ conditions: conditions(list, combinator), options: {} },
		at,
	);

/**
 * Builds the hub into `b`. `record` is 'dataTable' (the embedded default) or 'httpCrm' (the worked
 * CRM swap, template 00b); `store` is 'dataTable' or 'postgres' (template 00p: records, ledger,
 * notifications and owner counts in Postgres, postgresStore.mjs). Returns the grid column after
 * the last stage.
 */
export function addHubChain(b, { record = 'dataTable', store = 'dataTable' } = {}) {
	const row = 1;
	b.node(
		NODE.trigger,
		'n8n-nodes-base.executeWorkflowTrigger',
		1.1,
		{ inputSource: 'passthrough' },
		[0, row],
	);
	// The ledger rows of the same person, then the business setup, are read in the topmost branch:
	// n8n (executionOrder v1) runs it to its end before the chain below starts, so every later step
	// finds them by name without a Merge node waiting for both (one executed node less per inquiry).
	findEarlierInquiries(b, NODE.trigger, [1, row - 1.5]);
	readBusinessSetup(b, 'Find Earlier Inquiries', [2, row - 1.5]);

	// Normalize Inquiry (in the entry) sends inquiries, unreadable posts and forged posts alike.
	ifNode(b, NODE.isInquiry, [exists('$json.schemaVersion')], [5, row]);
	b.connect(NODE.trigger, NODE.isInquiry);
	ifNode(
		b,
		'Forged?',
		[
			condition(expr('$json.rejected !== undefined'), {
				type: 'boolean',
				operation: 'true',
				singleValue: true,
			}),
		],
		[6, row + 2.5],
	);
	b.connect(NODE.isInquiry, 'Forged?', 1);
	notificationRow(b, 'Alert: Forged Post', [7, row + 2], {
		kind: 'alert',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: '"A webhook post failed its signature check"',
		body: '"Refused a post whose signature did not match (" + ($json.rejected?.reason ?? "") + "). No record was created."',
		dedupeKey: '"rejected:" + $execution.id + ":" + $itemIndex',
	});
	b.connect('Forged?', 'Alert: Forged Post', 0);
	notificationRow(b, 'Alert: Unreadable Submission', [7, row + 3], {
		kind: 'alert',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: '"An inquiry could not be read"',
		body: '"A submission arrived that could not be turned into an inquiry: " + ($json.invalid?.hint ?? $json.error?.message ?? $json.error ?? "unknown reason")',
		dedupeKey: '"invalid:" + $execution.id + ":" + $itemIndex',
	});
	b.connect('Forged?', 'Alert: Unreadable Submission', 1);
	// A repeat contact joins its open inquiry there; only a new one goes on (output 1).
	const match = joinOpenInquiry(b, NODE.isInquiry, [5.6, row - 1.2]);
	ledgerAtEntry(b, match, [6.4, row - 3], 1);

	b.ours(
		NODE.context,
		'checkInquiryContext',
		{
			// Bookings need quote-ready details (message, preferred time); every other channel route-ready.
			profile: 'json',
			profileJson: expr(
				'JSON.stringify({ extends: $json.channel === "booking" ? "quoteReady" : "routeReady", requirements: [] })',
			),
			businessName: expr(setting('businessName')),
			options: {
				greeting: expr(
					`${setting('followUpGreeting')} || "Thanks for reaching out to {business}!"`,
				),
				emailSubject: expr(setting('followUpEmailSubject')),
			},
		},
		[6, row],
	);
	b.connect(match, NODE.context, 1);
	askFollowUp(b, [7, row - 1.3]);
	// A synthetic customer is never asked anything; a text back is keyed by the caller's day, so
	// only the other follow-ups (keyed by the inquiry) can skip the look for their row.
	const ask = oncePerKey(b, 'Self-Audit, New or Asked Before?', [6.5, row - 0.7], {
		keyedByInquiry: `!(${FOLLOW_UP_BY_TEXT})`,
	});
	b.connect(NODE.context, ask, 1);
	b.connect(ask, 'Ask Follow-Up Question', 1);
	b.connect(ask, 'Follow-Up Not Sent Yet?', 2);

	const alertUnreachable = notificationRow(b, 'Alert: No Way to Reach', [7, row + 4.3], {
		kind: 'alert',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: '"Inquiry with no way to reach the person"',
		body: '"Inquiry " + $json.id + " from " + ($json.contact?.name?.full ?? "someone") + " has no valid phone or email. Message: " + ($json.request?.message ?? "")',
	});
	b.connect(NODE.context, alertUnreachable, 2);
	ledgerAfter(b, alertUnreachable, NODE.context, 'Unreachable', [8, row + 4.3], {
		alertSent: true,
	});

	// Incomplete inquiries get the follow-up question AND are routed: asking never delays the owner.
	const assignFrom = store === 'postgres' ? 'Read Owner Counts' : NODE.readMemory;
	if (store === 'postgres')
		assignByClaim(b, [7, row], {
			context: NODE.context,
			assign: NODE.assign,
			decided: NODE.decided,
			assignSettings: ASSIGN_SETTINGS,
			alertNobodyAssigned,
		});
	else assignWithSharedMemory(b, [7, row]);
	b.connect(NODE.context, assignFrom, 0);
	b.connect(NODE.context, assignFrom, 1);

	const verifyColumn = 16;
	if (record === 'httpCrm') {
		writeToHttpCrm(b, [14, row]);
		verifyByReadBack(b, NODE.save, [verifyColumn, row]);
	} else {
		saveRecord(b, NODE.save, [14, row], { onError: 'continueErrorOutput' }, recordsTable('$json'));
		b.connect(NODE.decided, NODE.save, 0);
		readRecordBack(
			b,
			NODE.readBack,
			[15, row],
			NODE.decided,
			{ onError: 'continueErrorOutput' },
			recordsTable(`$('${NODE.decided}').item.json`),
		);
		b.connect(NODE.save, NODE.readBack);
		recordNotSaved(b, [15, row + 3.4]);
		verifyAgainstRecord(b, NODE.readBack, [verifyColumn, row]);
	}
	// On Postgres the rows go to the Outbox built on the same store (postgresStore.mjs).
	deliverEveryRow(b, [verifyColumn + 6, row + 3]);
	sectionNotes(b, row);
	if (store === 'postgres') onPostgres(b);
	return verifyColumn + 7;
}

/** Assign Inquiry Owner's settings, whichever store holds its memory. */
const ASSIGN_SETTINGS = {
	rosterSource: 'json',
	rosterJson: expr(TEAM),
	businessTimezone: expr(setting('timeZone')),
	businessHours: expr(`${setting('businessHours')} || "Mon-Fri 09:00-17:00"`),
	holidays: expr(setting('holidays')),
	strategy: 'round_robin',
	holdUntilAvailable: true,
	deadlines: {
		emergencyMinutes: expr(minutes('emergencyMinutes', 15)),
		highMinutes: expr(minutes('highMinutes', 60)),
		normalMinutes: expr(minutes('normalMinutes', 240)),
		lowMinutes: expr(minutes('lowMinutes', 480)),
		escalateAfterMinutes: expr(minutes('escalateAfterMinutes', 60)),
	},
};

/**
 * The owner is chosen from one memory shared by every channel: read the row, decide, and write
 * it back only if the row still holds the version read (a Data table update whose filter matches
 * the row id AND that version). An update that matched nothing means another execution won: read
 * again and decide again, up to MEMORY_TRIES times, then alert.
 */
function assignWithSharedMemory(b, [column, row]) {
	const { outOfTries, unassigned } = assignFromSharedMemory(b, [column, row], {
		inquiry: `$('${NODE.context}').item.json`,
	});
	const busy = notificationRow(b, 'Alert: Owner Memory Busy', [column + 6, row + 1.2], {
		kind: 'alert',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: '"An inquiry could not be given an owner"',
		body: `"Inquiry from " + ($('${NODE.context}').item.json.contact?.name?.full ?? "someone") + " lost ${MEMORY_TRIES} tries to update inquiry_owner_memory to other executions. Please assign it by hand."`,
		dedupeKey: `$('${NODE.context}').item.json.id + ":memory_busy"`,
		inquiryId: `$('${NODE.context}').item.json.id`,
	});
	b.connect(outOfTries.node, busy, outOfTries.output);
	ledgerAfter(b, busy, NODE.context, 'Memory Busy', [column + 7, row + 1.2], { alertSent: true });

	alertNobodyAssigned(b, [column + 4, row + 2.4], unassigned);
}

/**
 * The shared owner memory's compare-and-set, for any workflow that gives an inquiry an owner (the
 * hub, and the escalation ladder's reassignment): `inquiry` is an expression for the inquiry each
 * item assigns, `roster` the team it may go to. The decided inquiry leaves NODE.decided; returns
 * the outputs that need an alert: out of tries (other executions kept winning), and nobody
 * available.
 */
export function assignFromSharedMemory(b, [column, row], { inquiry, roster = TEAM }) {
	b.node(
		NODE.readMemory,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table(MEMORY_TABLE),
			matchType: 'allConditions',
			filters: { conditions: [{ keyName: 'scope', condition: 'eq', keyValue: MEMORY_SCOPE }] },
			limit: 1,
			// Should two rows ever exist (two first runs at once), everyone uses the oldest.
			orderBy: true,
			orderByColumn: 'id',
			orderByDirection: 'ASC',
		},
		[column, row],
		{ alwaysOutputData: true },
	);
	ifNode(b, 'Memory Row Found?', [exists('$json.id')], [column + 1, row]);
	b.connect(NODE.readMemory, 'Memory Row Found?');
	b.node(
		'Create Owner Memory',
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'insert',
			dataTableId: table(MEMORY_TABLE),
			columns: {
				mappingMode: 'defineBelow',
				value: { scope: MEMORY_SCOPE, state: '', version: 0 },
				matchingColumns: [],
				schema: [
					schemaColumn('scope'),
					schemaColumn('state'),
					{ ...schemaColumn('version'), type: 'number' },
				],
			},
			options: {},
		},
		[column + 1, row + 1.2],
	);
	b.connect('Memory Row Found?', 'Create Owner Memory', 1);
	b.connect('Create Owner Memory', NODE.readMemory);

	b.node(
		'Inquiry to Assign',
		'n8n-nodes-base.set',
		3.4,
		{
			mode: 'raw',
			jsonOutput: expr(`JSON.stringify(${inquiry})`),
			options: {},
		},
		[column + 2, row],
	);
	b.connect('Memory Row Found?', 'Inquiry to Assign', 0);

	b.ours(
		NODE.assign,
		'assignInquiryOwner',
		{
			...ASSIGN_SETTINGS,
			rosterJson: expr(roster),
			routingMemory: 'input',
			routingState: expr(`$('${NODE.readMemory}').item.json.state`),
			routingVersion: expr(`$('${NODE.readMemory}').item.json.version`),
		},
		[column + 3, row],
	);
	b.connect('Inquiry to Assign', NODE.assign);

	b.node(
		NODE.saveMemory,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'update',
			dataTableId: table(MEMORY_TABLE),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{
						keyName: 'id',
						condition: 'eq',
						keyValue: expr(`$('${NODE.readMemory}').item.json.id`),
					},
					{
						// A synthetic inquiry is decided from the memory as read, which is then left as it
						// was: its version to match is one no row has, so the write changes nothing.
						keyName: 'version',
						condition: 'eq',
						keyValue: expr(`${isTest('$json')} ? -1 : $json.routingMemory.basedOnVersion`),
					},
				],
			},
			columns: {
				mappingMode: 'defineBelow',
				value: {
					state: expr('JSON.stringify($json.routingMemory.state)'),
					version: expr('$json.routingMemory.basedOnVersion + 1'),
				},
				matchingColumns: [],
				schema: [schemaColumn('state'), { ...schemaColumn('version'), type: 'number' }],
			},
			options: {},
		},
		[column + 4, row],
		{ alwaysOutputData: true },
	);
	b.connect(NODE.assign, NODE.saveMemory, 0);
	// Saved, or (a synthetic inquiry) kept as read on purpose: one If instead of a test-path If
	// before the write, so a real inquiry runs one node less.
	ifNode(
		b,
		'Memory Saved?',
		[
			exists('$json.id'),
			condition(expr(isTest(`$('${NODE.assign}').item.json`)), {
				type: 'boolean',
				operation: 'true',
				singleValue: true,
			}),
		],
		[column + 5, row],
		'or',
	);
	b.connect(NODE.saveMemory, 'Memory Saved?');
	// The inquiry as decided, without the memory it carried for the write-back.
	b.node(
		NODE.decided,
		'n8n-nodes-base.set',
		3.4,
		{
			mode: 'raw',
			jsonOutput: expr(
				`JSON.stringify((({ routingMemory, ...inquiry }) => inquiry)($('${NODE.assign}').item.json))`,
			),
			options: {},
		},
		[column + 6, row],
	);
	b.connect('Memory Saved?', NODE.decided, 0);

	ifNode(
		b,
		'Tries Left?',
		[condition(expr('$runIndex'), { type: 'number', operation: 'lt' }, MEMORY_TRIES - 1)],
		[column + 5, row + 1.2],
	);
	b.connect('Memory Saved?', 'Tries Left?', 1);
	b.connect('Tries Left?', NODE.readMemory, 0);
	return {
		outOfTries: { node: 'Tries Left?', output: 1 },
		unassigned: { node: NODE.assign, output: 1 },
	};
}

/** Assign Inquiry Owner's second output: nobody could take the inquiry. */
function alertNobodyAssigned(b, [column, row], from = { node: NODE.assign, output: 1 }) {
	const alertUnassigned = notificationRow(b, 'Alert: Nobody Assigned', [column, row], {
		kind: 'alert',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: '"Inquiry without an owner"',
		body: '"Nobody could take inquiry " + $json.id + ": " + ($json.assignment?.reason ?? $json.error ?? "") + ". Please assign it by hand."',
	});
	b.connect(from.node, alertUnassigned, from.output);
	ledgerAfter(b, alertUnassigned, NODE.assign, 'Unassigned', [column + 1, row], {
		alertSent: true,
	});
}

/** Missed calls are asked by text (one text back per caller per day); chats in the chat; the rest by e-mail. */
const FOLLOW_UP_BY_TEXT = '$json.channel === "missed_call"';
const FOLLOW_UP_KEY = `${FOLLOW_UP_BY_TEXT} ? "text_back:" + ($json.contact.phone?.e164 ?? $json.id) + ":" + $now.setZone(${TIME_ZONE}).toISODate() : $json.id + ":follow_up"`;

/**
 * The follow-up question, recorded once per dedupe key: a caller who rings three times in a day
 * gets one text back. The notification row is the memory, so a second call finds it and sends nothing.
 */
function askFollowUp(b, [column, row]) {
	notSentYet(b, 'Follow-Up Not Sent Yet?', FOLLOW_UP_KEY, [column, row]);
	notificationRow(b, 'Ask Follow-Up Question', [column + 1, row], {
		kind: expr(`${FOLLOW_UP_BY_TEXT} ? "text_back" : "follow_up"`),
		channel: expr(`${FOLLOW_UP_BY_TEXT} ? "sms" : $json.channel === "chat" ? "chat" : "email"`),
		recipient: `${FOLLOW_UP_BY_TEXT} ? ($json.contact.phone?.e164 ?? "") : ($json.contact.email?.address ?? $json.contact.phone?.e164 ?? "")`,
		subject: `${FOLLOW_UP_BY_TEXT} ? "" : ($json.context.followUp?.email?.subject ?? "")`,
		body: `${FOLLOW_UP_BY_TEXT} ? ($json.context.followUp?.sms ?? $json.context.followUp?.chat ?? "") : $json.channel === "chat" ? ($json.context.followUp?.chat ?? "") : ($json.context.followUp?.email?.body ?? $json.context.followUp?.chat ?? "")`,
		dedupeKey: FOLLOW_UP_KEY,
	});
	b.connect('Follow-Up Not Sent Yet?', 'Ask Follow-Up Question');
}

/** One short note above each stage, in plain words, including where to swap in a CRM. */
function sectionNotes(b, row) {
	const top = row - 5.3;
	const span = (from, to) => ({ width: to - from - 0.1, height: 1.4 });
	b.note(
		'Business setup',
		'Reads **inquiry_settings** and **inquiry_team** once per inquiry, so an edit in either table counts from the next inquiry on every channel. Nothing else holds your business details.',
		[0, top],
		span(0, 5),
	);
	b.note(
		'Context and owner',
		'Someone whose inquiry is still open (owned, not yet contacted) and who gets in touch again within repeatContactWindowHours, on any channel, joins it: the owner is told they called or wrote again; no new turn, record or text back. Missing details get one follow-up question, and the inquiry is still routed. The owner comes from one memory shared by every channel (**inquiry_owner_memory**), saved with a compare-and-set: if another inquiry got there first, the hub reads again and decides again.',
		[5, top],
		span(5, 14),
	);
	b.note(
		'Record: swap in your CRM',
		"Save Record and Read Record Back use the inquiry_records Data table. For HubSpot, Pipedrive, Airtable, Google Sheets or Postgres, use that app's create and get nodes and set Verify's field prefix (HubSpot: properties.). Any HTTP CRM: see template 00b. Every entry gets the change at once.",
		[14, top],
		span(14, 16),
	);
	b.note(
		'Verify and tell',
		'The stored record is compared with the inquiry. Verified: the owner gets who, why them and by when, with "I\'ve got it", "Pass it on" and "I\'ve contacted them" links. Failed: a one-line alert to managerEmail. Every message row goes to the **Inquiry Outbox**, which sends it and writes its receipt; a channel turns on when you add its credential there.',
		[16, top],
		span(16, 23),
	);
}

function verifyAgainstRecord(b, readBack, at) {
	b.ours(
		NODE.verify,
		'verifyInquiryHandoff',
		{ mode: 'record', destination: DESTINATION, ...VERIFY_COMMON },
		at,
	);
	b.connect(readBack, NODE.verify);
	afterVerify(b, at);
}

const VERIFY_COMMON = {
	inquirySource: 'earlierNode',
	inquiry: expr(`$('${NODE.decided}').item.json`),
	recordIdPath: 'id',
	fieldsMode: 'standard',
	deadline: 'sla',
	slaMinutes: 5,
};

/**
 * The worked swap: the record goes to a CRM over HTTP and is read back through the "Handoff
 * Destination API" credential, retrying while the CRM catches up. A write the CRM refuses
 * becomes an alert, like any failed handoff.
 */
function writeToHttpCrm(b, [column, row]) {
	b.node(
		NODE.save,
		'n8n-nodes-base.httpRequest',
		4.2,
		{
			method: 'POST',
			url: CRM_CONTACTS_URL,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: expr(`JSON.stringify(${CRM_CONTACT})`),
			// A replayed inquiry (same id) sends the same key: a CRM that honours it keeps one contact.
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Idempotency-Key', value: expr('$json.id') }] },
			options: {},
		},
		[column, row],
		{
			onError: 'continueErrorOutput',
			notes:
				'Your CRM\'s "create contact" address. Add its sign-in under Authentication (e.g. Header Auth).',
		},
	);
	b.connect(NODE.decided, NODE.save, 0);
	const refused = notificationRow(b, 'Alert: CRM Refused the Record', [column + 1, row + 3.4], {
		kind: 'alert',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: '"The CRM did not accept an inquiry"',
		body: `"Inquiry from " + ($('${NODE.decided}').item.json.contact.name.full ?? "someone") + " could not be written to the CRM: " + ($json.error?.message ?? $json.error ?? "unknown error") + ". Add it by hand."`,
		dedupeKey: `$('${NODE.decided}').item.json.id + ":crm_write"`,
		inquiryId: `$('${NODE.decided}').item.json.id`,
	});
	b.connect(NODE.save, refused, 1);
	ledgerAfter(b, refused, NODE.decided, 'CRM Refused', [column + 2, row + 3.4], {
		alertSent: true,
	});
}

/**
 * The system of record failed the write or the read-back (the table is gone, the database is
 * down): an alert and a ledger row that says so, as for a CRM that refuses the record.
 */
function recordNotSaved(b, [column, row]) {
	const notSaved = notificationRow(b, 'Alert: Record Not Saved', [column, row], {
		kind: 'alert',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: '"An inquiry could not be saved"',
		body: `"Inquiry from " + ($('${NODE.decided}').item.json.contact.name.full ?? "someone") + " could not be saved to inquiry_records: " + ($json.error?.message ?? $json.error ?? "unknown error") + ". Add it by hand."`,
		dedupeKey: `$('${NODE.decided}').item.json.id + ":record_write"`,
		inquiryId: `$('${NODE.decided}').item.json.id`,
	});
	b.connect(NODE.save, notSaved, 1);
	b.connect(NODE.readBack, notSaved, 1);
	ledgerAfter(b, notSaved, NODE.decided, 'Not Saved', [column + 1, row], { alertSent: true });
}

/** How the demo CRM (template 00b) reads one contact; most CRMs use /contacts/{recordId}. */
const CRM_READ_PATH = '/contacts?id={recordId}';

/** Where the demo CRM (template 00b) takes new contacts; replace with your CRM's address. */
export const CRM_CONTACTS_URL = 'http://127.0.0.1:5678/webhook/inquiry-demo-crm/contacts';
const CRM_CONTACT = `{ inquiryId: $json.id, name: $json.contact.name.full ?? "", email: $json.contact.email?.address ?? "", phone: $json.contact.phone?.e164 ?? "", message: $json.request.message ?? "", service: $json.request.service ?? "", ownerId: $json.assignment.owner.id }`;

function verifyByReadBack(b, write, at) {
	b.ours(
		NODE.verify,
		'verifyInquiryHandoff',
		{
			mode: 'readBack',
			destination: 'your CRM',
			...VERIFY_COMMON,
			url: CRM_READ_PATH,
			attempts: 3,
			retryDelay: 1000,
			timeout: 10000,
		},
		at,
	);
	b.connect(write, NODE.verify);
	afterVerify(b, at);
}

function afterVerify(b, [column, row]) {
	// A replayed inquiry (same id) was already told to its owner: the row is the memory.
	const ownerKey = '$json.id + ":owner"';
	// 0: a synthetic inquiry, whose owner is not told (its ledger row is written as if they were);
	// 1: new on the ledger in this execution, told at once; 2: a replay, told only if not told yet.
	oncePerKey(b, TELL_WHICH_WAY, [column + 0.5, row - 1]);
	b.connect(NODE.verify, TELL_WHICH_WAY, 0);
	notSentYet(b, 'Owner Not Told Yet?', ownerKey, [column + 1, row]);
	b.connect(TELL_WHICH_WAY, 'Owner Not Told Yet?', 2);
	// The owner's message with its signed links; without the link credential, the plain message.
	const message = tellOwner(b, 'Owner Not Told Yet?', [column + 2, row], {
		notify: NODE.notifyOwner,
		dedupeKey: ownerKey,
	});
	b.connect(TELL_WHICH_WAY, message, 1);
	notificationRow(b, NOTIFY_OWNER_PLAIN, [column + 3, row + 0.9], {
		kind: 'owner_assigned',
		channel: 'email',
		recipient: '$json.assignment.owner.email ?? $json.assignment.owner.phone ?? ""',
		subject: `"New inquiry for you: " + ($json.contact.name.full ?? "a new customer") + " — respond by " + ${localTime('$json.assignment.respondBy')}`,
		body: OWNER_MESSAGE,
		dedupeKey: ownerKey,
	});
	b.connect(message, NOTIFY_OWNER_PLAIN, 1);
	ledgerAfter(b, NODE.notifyOwner, NODE.verify, 'Verified', [column + 4, row]);
	b.connect(NOTIFY_OWNER_PLAIN, 'Ledger Row: Verified');
	b.connect(TELL_WHICH_WAY, 'Ledger Row: Verified', 0);

	notificationRow(b, NODE.alertHandoff, [column + 1, row + 1.5], {
		kind: 'alert',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: '"An inquiry did not reach " + $json.handoff.destination',
		body: '$json.handoff.alert',
		dedupeKey: '$json.id + ":handoff:" + $json.handoff.status',
	});
	b.connect(NODE.verify, NODE.alertHandoff, 1);
	ledgerAfter(b, NODE.alertHandoff, NODE.verify, 'Alerted', [column + 2, row + 1.5], {
		alertSent: true,
	});
}

/** What the owner is told: who, what, why them, and by when (in the business's time zone). */
const OWNER_MESSAGE = [
	'"New inquiry " + $json.id + "\\n"',
	'"From: " + ($json.contact.name.full ?? "unknown") + " " + ($json.contact.phone?.national ?? $json.contact.phone?.e164 ?? "") + " " + ($json.contact.email?.address ?? "") + "\\n"',
	'"Wants: " + ($json.request.service ?? "not said") + " — " + ($json.request.message ?? "") + "\\n"',
	'"Why you: " + $json.assignment.reason + "\\n"',
	`"Respond by: " + ${localTime('$json.assignment.respondBy')}`,
].join(' + ');

export { expr };
