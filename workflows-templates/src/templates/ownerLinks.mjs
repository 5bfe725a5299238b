// 0d. Inquiry Owner Links: the webhook behind "I've got it", "Pass it on" and "I've contacted
// them" in every owner message. Its own small workflow, so the hub stays a sub-workflow with one
// job. Each click is checked (signature, expiry) by Inquiry Claim Links and written to the ledger
// with a compare-and-set update: a second click, or a click after the inquiry moved on, matches
// no row, changes nothing and gets the "already" page.
import { assignFromSharedMemory, NODE as HUB } from '../chain.mjs';
import { expr, table, TemplateBuilder } from '../lib.mjs';
import { overview } from '../notes.mjs';
import { handToOutbox } from '../outbox.mjs';
import { notificationRow, updateRows, webhookEntry } from '../sections.mjs';
import { MANAGER_EMAIL, readBusinessSetup, setting, TEAM } from '../setup.mjs';
import { condition, conditions } from '../scorecardSections.mjs';
import { LINK_PATH, tellOwner } from '../tellOwner.mjs';
import { postgresVariant } from '../postgresStore.mjs';

export const file = '00d-inquiry-owner-links.json';
/** The same workflow on the Postgres store (template 00p's tables). */
export const OWNER_LINKS = 'Inquiry Owner Links';

const LEDGER = 'inquiry_ledger';
const CLICK = "$('Read Clicked Link').first().json";
/** On Postgres the pass takes one turn per inquiry and hop: a second click of the link gets the same owner. */
export const variants = [
	postgresVariant(build, 'postgres/00d-inquiry-owner-links.json', {
		turnKey: `$json.id + "@hop" + (${CLICK}.hop + 1)`,
	}),
];
const READ = 'Read Clicked Link';
const ifNode = (b, name, list, at) =>
	b.node(name, 'n8n-nodes-base.if', 2.2, { conditions: conditions(list), options: {} }, at);
const exists = (value) =>
	condition(expr(value), { type: 'number', operation: 'exists', singleValue: true });
const isTrue = (code) =>
	condition(expr(code), { type: 'boolean', operation: 'true', singleValue: true });

/**
 * The compare-and-set filter of a click: the inquiry, its owner, and a column that must still be
 * empty. The hop is checked once the inquiry has been passed on (hops 1+); a first owner's row
 * has no hops yet, and its owner id already tells the hops apart.
 */
function whereClick(emptyColumn) {
	return {
		conditions: [
			{ keyName: 'inquiryId', condition: 'eq', keyValue: expr(`${CLICK}.inquiryId`) },
			{ keyName: 'ownerId', condition: 'eq', keyValue: expr(`${CLICK}.ownerId`) },
			{ keyName: emptyColumn, condition: 'isEmpty' },
			{
				keyName: expr(`${CLICK}.hop > 0 ? "hops" : "inquiryId"`),
				condition: 'eq',
				keyValue: expr(`${CLICK}.hop > 0 ? ${CLICK}.hop : ${CLICK}.inquiryId`),
			},
		],
	};
}

const updateLedgerOnce = (b, name, emptyColumn, value, at) =>
	updateRows(b, name, at, {
		tableName: LEDGER,
		conditions: whereClick(emptyColumn).conditions,
		value,
		numbers: ['hops'],
	});

/** Answers the click with a page Read Clicked Link made (customer and owner text escaped there). */
function answer(b, name, page, at) {
	return b.node(
		name,
		'n8n-nodes-base.respondToWebhook',
		1.5,
		{
			respondWith: 'text',
			responseBody: expr(`${page}.html`),
			options: {
				responseCode: expr(`${page}.status`),
				responseHeaders: {
					entries: [{ name: 'content-type', value: 'text/html; charset=utf-8' }],
				},
			},
		},
		at,
	);
}

/** Changed a row: the done page; changed nothing: the "already" page. */
const PAGE_AFTER_UPDATE = `($json.id ? ${CLICK}.page : ${CLICK}.unchangedPage)`;

/** Who has passed the inquiry so far, the passer included, and the passer's name. */
const WHO_PASSED = `JSON.stringify(((team, ledger, passer) => {
	const passed = String(ledger.passedBy ?? "").split(",").map((id) => id.trim()).filter(Boolean);
	if (!passed.includes(passer)) passed.push(passer);
	return { passedBy: passed.join(","), passerName: team.find((r) => r.ownerId === passer)?.name ?? passer };
})(${TEAM}, $('Read Ledger Row').first().json, ${CLICK}.ownerId))`;
const PASSED = "$('Who Passed').first().json";
/** The team minus everyone who passed it (the hub's owner choice then skips who is inactive or away). */
const ROSTER_LEFT = `${TEAM}.filter((m) => !${PASSED}.passedBy.split(",").includes(m.ownerId))`;
/**
 * The inquiry the shared memory assigns: the stored one (from the first owner's message row), or
 * one made from the ledger row; received now, so the next owner gets a full claim window, and
 * without identity keys, so the memory's sticky owner (the one who passed) is not chosen again.
 */
const LEDGER_ROW = "$('Read Ledger Row').first().json";
const INQUIRY_TO_PASS = `((stored) => ({ ...(stored.id ? stored : { schemaVersion: 1, id: ${CLICK}.inquiryId, dedupeKey: ${CLICK}.inquiryId, channel: ${LEDGER_ROW}.channel || "other", source: { system: ${LEDGER_ROW}.sourceSystem || "ledger", preset: "ledger", detectedBy: "custom" }, contact: { name: { full: ${LEDGER_ROW}.contactName || undefined } }, request: { urgency: ${LEDGER_ROW}.urgency || "normal", location: {} }, attribution: {}, consent: {}, extraFields: {}, continuity: { trail: [] } }), identityKeys: [], receivedAt: ${CLICK}.at, assignment: undefined }))(JSON.parse($('Read First Message').first().json.inquiry || "{}"))`;
/** The person the shared memory chose (null when nobody could take it), as the pass writes it. */
const NEXT_OWNER = `JSON.stringify({ ...${PASSED}, next: $prevNode.name === "${HUB.decided}" && $json.assignment?.status === "assigned" ? { ownerId: $json.assignment.owner.id, name: $json.assignment.owner.name ?? $json.assignment.owner.id, email: $json.assignment.owner.email ?? "", phone: $json.assignment.owner.phone ?? "", chat: $json.assignment.owner.chat ?? "" } : null })`;

/** The stored inquiry (from the first owner's message row) with its new owner. */
const PASSED_INQUIRY = `JSON.stringify(((inquiry, next) => ({ ...inquiry, assignment: { ...(inquiry.assignment ?? {}), status: "assigned", owner: { id: next.ownerId, name: next.name ?? next.ownerId, email: next.email ?? "", phone: next.phone ?? "", chat: next.chat ?? "" }, reason: $('Choose Next Owner').first().json.passerName + " passed it on; you are next by the team's shared turn order." } }))(JSON.parse($('Read First Message').first().json.inquiry || "{}"), $('Choose Next Owner').first().json.next))`;

export function build() {
	const b = new TemplateBuilder(OWNER_LINKS, { tags: ['inquiry-continuity'] });
	overview(b, {
		closes:
			'Owners who are told but never say so: nobody knows whether an inquiry was taken, passed on or answered.',
		how: [
			"Every owner message carries three signed links to this webhook: **I've got it**, **Pass it on** and **I've contacted them**.",
			'**Read Clicked Link** checks the signature (the *Inquiry Link Secret API* credential), the action and the expiry. A forged, cut or expired link gets a clear page and changes nothing.',
			'I\'ve got it writes **acceptedAt**; I\'ve contacted them writes **contactedAt** on the ledger, each only while empty, so a second click gets the "already" page.',
			"Pass it on gives the inquiry to the person the hub's own choice picks from the shared owner memory (*inquiry_owner_memory*, the same turns every channel uses), never anyone in **passedBy**, adds one to **hops**, and tells the new owner through the Inquiry Outbox. With nobody left, the manager is told.",
		],
		setup: [
			'Create an **Inquiry Link Secret API** credential (a random secret of 32+ characters and the address people reach n8n at) and pick it in both Inquiry Claim Links nodes here and in the hub. `npm start` does it.',
			'Press **Publish**. The links in owner messages lead to /webhook/inquiry-link.',
		],
	});

	webhookEntry(b, 'Link Clicked', LINK_PATH, [0, 1], { method: 'GET' });
	readBusinessSetup(b, 'Link Clicked', [1, 1]);
	b.ours(
		READ,
		'inquiryClaimLinks',
		{
			operation: 'readClick',
			linkCode: expr("$('Link Clicked').first().json.query.t"),
			expectedAction: 'any',
			businessName: expr(setting('businessName')),
		},
		[4, 1],
		{ notes: 'Needs the same "Inquiry Link Secret API" credential as the hub.' },
	);
	b.connect('Business Setup', READ);

	updateLedgerOnce(
		b,
		'Claim Once',
		'acceptedAt',
		{ acceptedAt: expr(`${CLICK}.at`), ownerId: expr(`${CLICK}.ownerId`) },
		[5, -0.2],
	);
	b.connect(READ, 'Claim Once', 0);
	answer(b, 'Answer: Claim', PAGE_AFTER_UPDATE, [6, -0.2]);
	b.connect('Claim Once', 'Answer: Claim');
	updateLedgerOnce(
		b,
		'Contacted Once',
		'contactedAt',
		{ contactedAt: expr(`${CLICK}.at`) },
		[5, 3],
	);
	b.connect(READ, 'Contacted Once', 2);
	answer(b, 'Answer: Contacted', PAGE_AFTER_UPDATE, [6, 3]);
	b.connect('Contacted Once', 'Answer: Contacted');
	answer(b, 'Answer: Refused', '$json.page', [5, 4.2]);
	b.connect(READ, 'Answer: Refused', 3);

	passOn(b, [5, 1]);
	b.note(
		'One click, one change',
		"Each update changes the ledger row only while the column it writes is still empty and the link's owner still holds the inquiry: a compare-and-set, so two clicks at once still change it once.",
		[4.8, -1.6],
		{ width: 5, height: 1.2 },
	);
	return b;
}

/** Pass it on: read the ledger and the first message, choose the next person, move the row once, tell them. */
function passOn(b, [column, row]) {
	b.node(
		'Read Ledger Row',
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table(LEDGER),
			matchType: 'allConditions',
			filters: {
				conditions: [{ keyName: 'inquiryId', condition: 'eq', keyValue: expr('$json.inquiryId') }],
			},
			limit: 1,
		},
		[column, row],
		{ alwaysOutputData: true },
	);
	b.connect(READ, 'Read Ledger Row', 1);
	b.node(
		'Read First Message',
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table('inquiry_notifications'),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{
						keyName: 'dedupeKey',
						condition: 'eq',
						keyValue: expr(`${CLICK}.inquiryId + ":owner"`),
					},
				],
			},
			limit: 1,
		},
		[column + 1, row],
		{ alwaysOutputData: true },
	);
	b.connect('Read Ledger Row', 'Read First Message');
	b.node(
		'Who Passed',
		'n8n-nodes-base.set',
		3.4,
		{ mode: 'raw', jsonOutput: expr(WHO_PASSED), options: {} },
		[column + 1, row + 1.2],
	);
	b.connect('Read First Message', 'Who Passed');
	// The same choice the hub makes, from the same shared memory, without anyone who passed.
	const { outOfTries, unassigned } = assignFromSharedMemory(b, [column + 1, row + 2.6], {
		inquiry: INQUIRY_TO_PASS,
		roster: ROSTER_LEFT,
	});
	b.connect('Who Passed', HUB.readMemory);
	b.node(
		'Choose Next Owner',
		'n8n-nodes-base.set',
		3.4,
		{ mode: 'raw', jsonOutput: expr(NEXT_OWNER), options: {} },
		[column + 2, row],
	);
	b.connect(HUB.decided, 'Choose Next Owner');
	b.connect(unassigned.node, 'Choose Next Owner', unassigned.output);
	b.connect(outOfTries.node, 'Choose Next Owner', outOfTries.output);
	const next = "$('Choose Next Owner').first().json";
	updateLedgerOnce(
		b,
		'Pass Once',
		'acceptedAt',
		{
			ownerId: expr(`${next}.next?.ownerId ?? ""`),
			ownerName: expr(`${next}.next?.name ?? ""`),
			hops: expr(`${CLICK}.hop + 1`),
			passedBy: expr(`${next}.passedBy`),
			passedAt: expr(`${CLICK}.at`),
		},
		[column + 3, row],
	);
	b.connect('Choose Next Owner', 'Pass Once');
	ifNode(b, 'Passed?', [exists('$json.id')], [column + 4, row]);
	b.connect('Pass Once', 'Passed?');
	answer(b, 'Answer: Not Passed', `${CLICK}.unchangedPage`, [column + 5, row + 1]);
	b.connect('Passed?', 'Answer: Not Passed', 1);
	ifNode(b, 'Someone Next?', [isTrue(`${next}.next !== null`)], [column + 5, row]);
	b.connect('Passed?', 'Someone Next?', 0);
	b.node(
		'Passed Inquiry',
		'n8n-nodes-base.set',
		3.4,
		{ mode: 'raw', jsonOutput: expr(PASSED_INQUIRY), options: {} },
		[column + 6, row - 0.6],
	);
	b.connect('Someone Next?', 'Passed Inquiry', 0);
	const message = tellOwner(b, 'Passed Inquiry', [column + 7, row - 0.6], {
		notify: 'Notify New Owner',
		kind: 'reassigned',
		hop: `${CLICK}.hop + 1`,
		dedupeKey: `$json.id + ":owner:" + (${CLICK}.hop + 1)`,
	});
	const nobody = notificationRow(b, 'Alert: Nobody to Pass To', [column + 8, row + 0.6], {
		kind: 'alert',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: '"Passed on, and nobody is left to take it"',
		body: `${next}.passerName + " passed inquiry " + ${CLICK}.inquiryId + " on, and everyone else on the team has passed, is away or is inactive (or the message to the next person could not be made). Please take it or assign it by hand."`,
		dedupeKey: `${CLICK}.inquiryId + ":pass:" + (${CLICK}.hop + 1)`,
		inquiryId: `${CLICK}.inquiryId`,
	});
	b.connect('Someone Next?', nobody, 1);
	b.connect(message, nobody, 1);
	const outbox = handToOutbox(b, [column + 9, row]);
	b.connect('Notify New Owner', outbox);
	b.connect(nobody, outbox);
	answer(b, 'Answer: Passed', `${CLICK}.page`, [column + 10, row]);
	b.connect(outbox, 'Answer: Passed');
}
