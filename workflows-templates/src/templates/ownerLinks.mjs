// 0d. Inquiry Owner Links: the webhook behind "I've got it", "Pass it on" and "I've contacted
// them" in every owner message. Its own small workflow, so the hub stays a sub-workflow with one
// job. Each click is checked (signature, expiry) by Inquiry Claim Links and written to the ledger
// with a compare-and-set update: a second click, or a click after the inquiry moved on, matches
// no row, changes nothing and gets the "already" page.
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
export const variants = [postgresVariant(build, 'postgres/00d-inquiry-owner-links.json')];
export const OWNER_LINKS = 'Inquiry Owner Links';

const LEDGER = 'inquiry_ledger';
const CLICK = "$('Read Clicked Link').first().json";
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

/**
 * The next person for a passed inquiry: active team rows in roster order after the one who
 * passed, never anyone in passedBy (nor the passer), nobody away right now.
 */
const NEXT_OWNER = `JSON.stringify(((team, ledger, passer) => {
	const passed = String(ledger.passedBy ?? "").split(",").map((id) => id.trim()).filter(Boolean);
	if (!passed.includes(passer)) passed.push(passer);
	const now = $now.toMillis();
	const away = (r) => { const from = Date.parse(r.awayFrom || ""), until = Date.parse(r.awayUntil || ""); return (isNaN(from) || from <= now) && (isNaN(until) ? !isNaN(from) : now < until); };
	const at = team.findIndex((r) => r.ownerId === passer);
	const next = [...team.slice(at + 1), ...team.slice(0, at + 1)].find((r) => !passed.includes(r.ownerId) && !away(r));
	return { next: next ?? null, passedBy: passed.join(","), passerName: team.find((r) => r.ownerId === passer)?.name ?? passer };
})(${TEAM}.filter((r) => r.active !== false && r.ownerId), $('Read Ledger Row').first().json, ${CLICK}.ownerId))`;

/** The stored inquiry (from the first owner's message row) with its new owner. */
const PASSED_INQUIRY = `JSON.stringify(((inquiry, next) => ({ ...inquiry, assignment: { ...(inquiry.assignment ?? {}), status: "assigned", owner: { id: next.ownerId, name: next.name ?? next.ownerId, email: next.email ?? "", phone: next.phone ?? "", chat: next.chat ?? "" }, reason: $('Choose Next Owner').first().json.passerName + " passed it on; you are next on the team." } }))(JSON.parse($('Read First Message').first().json.inquiry || "{}"), $('Choose Next Owner').first().json.next))`;

export function build() {
	const b = new TemplateBuilder(OWNER_LINKS, { tags: ['inquiry-continuity'] });
	overview(b, {
		closes:
			'Owners who are told but never say so: nobody knows whether an inquiry was taken, passed on or answered.',
		how: [
			"Every owner message carries three signed links to this webhook: **I've got it**, **Pass it on** and **I've contacted them**.",
			'**Read Clicked Link** checks the signature (the *Inquiry Link Secret API* credential), the action and the expiry. A forged, cut or expired link gets a clear page and changes nothing.',
			'I\'ve got it writes **acceptedAt**; I\'ve contacted them writes **contactedAt** on the ledger, each only while empty, so a second click gets the "already" page.',
			'Pass it on moves the inquiry to the next active person in **inquiry_team** (never back to anyone in **passedBy**), adds one to **hops**, and tells the new owner through the Inquiry Outbox. With nobody left, the manager is told.',
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
		'Choose Next Owner',
		'n8n-nodes-base.set',
		3.4,
		{ mode: 'raw', jsonOutput: expr(NEXT_OWNER), options: {} },
		[column + 2, row],
	);
	b.connect('Read First Message', 'Choose Next Owner');
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
