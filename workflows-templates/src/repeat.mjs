// Same person, same open inquiry: before the hub opens an inquiry, it looks on the ledger for an
// open one of the same person (any channel). A repeat contact joins it: the ledger row counts the
// contact, the owner is told "called again / wrote again", and nothing else runs (no new owner
// turn, no record, no second text-back). The decision itself is the Scorecard node's Match Open
// Inquiry operation (core/scorecard/repeat.ts).
import { expr, table } from './lib.mjs';
import { notificationRow, notSentYet, schemaColumn } from './sections.mjs';
import { setting, TEAM } from './setup.mjs';

export const FIND_EARLIER = 'Find Earlier Inquiries';
export const MATCH_OPEN = 'Same Person, Open Inquiry?';
export const TELL_AGAIN = 'Tell Owner: Contacted Again';

/** Rows read per contact: the newest first, so the open inquiry of the window is among them. */
const EARLIER_LIMIT = 25;
/** Stands in for a key the contact does not have: matches no ledger cell. */
const NO_KEY = '"(none)"';
const key = (prefix) => `($json.identityKeys ?? []).find((k) => k.startsWith("${prefix}:"))`;

/**
 * Reads the ledger rows of the same person: identity key equal to one of the contact's keys, or
 * the same valid phone (a caller's row has a phone key; the form they fill later leads with its
 * e-mail key). Runs before the business setup is read, so the rows are there when the match runs.
 */
export function findEarlierInquiries(b, from, at) {
	b.node(
		FIND_EARLIER,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table('inquiry_ledger'),
			matchType: 'anyCondition',
			filters: {
				conditions: [
					{
						keyName: 'identityKey',
						condition: 'eq',
						keyValue: expr(`${key('email')} ?? ${NO_KEY}`),
					},
					{
						keyName: 'identityKey',
						condition: 'eq',
						keyValue: expr(`${key('phone')} ?? ${NO_KEY}`),
					},
					{
						keyName: 'contactPhone',
						condition: 'eq',
						keyValue: expr(`${key('phone')}?.slice(6) ?? ${NO_KEY}`),
					},
				],
			},
			limit: EARLIER_LIMIT,
			orderBy: true,
			orderByColumn: 'id',
			orderByDirection: 'DESC',
		},
		at,
		{ alwaysOutputData: true },
	);
	b.connect(from, FIND_EARLIER);
	return FIND_EARLIER;
}

/**
 * The match after "Is an Inquiry?": output 0 (Repeat) joins the open inquiry here; output 1 (New)
 * is the caller's to wire into the chain. Returns the match node's name.
 */
export function joinOpenInquiry(b, from, [column, row]) {
	b.ours(
		MATCH_OPEN,
		'inquiryContinuityScorecard',
		{
			operation: 'matchOpenInquiry',
			inquiry: expr('$json'),
			earlierInquiries: expr(`$('${FIND_EARLIER}').all().map((row) => row.json)`),
			repeatWindowHours: expr(`Number(${setting('repeatContactWindowHours')} || 72)`),
		},
		[column, row],
	);
	b.connect(from, MATCH_OPEN, 0);

	// The contacted-again row is the memory: a replayed contact neither counts nor tells twice.
	notSentYet(b, 'Not Joined Yet?', '$json.id + ":contacted_again"', [column + 0.8, row - 1]);
	b.connect(MATCH_OPEN, 'Not Joined Yet?', 0);

	const update = '$json.repeat.update';
	b.node(
		'Join Open Inquiry',
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'update',
			dataTableId: table('inquiry_ledger'),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{ keyName: 'inquiryId', condition: 'eq', keyValue: expr('$json.repeat.open.inquiryId') },
				],
			},
			columns: {
				mappingMode: 'defineBelow',
				value: {
					contactCount: expr(`${update}.contactCount`),
					channels: expr(`${update}.channels`),
					lastContactAt: expr(`${update}.lastContactAt`),
				},
				matchingColumns: [],
				schema: [
					{ ...schemaColumn('contactCount'), type: 'number' },
					schemaColumn('channels'),
					schemaColumn('lastContactAt'),
				],
			},
			options: {},
		},
		[column + 1.8, row - 1],
		// The owner is told even if the open row was removed meanwhile.
		{ alwaysOutputData: true },
	);
	b.connect('Not Joined Yet?', 'Join Open Inquiry');

	const contact = `$('${MATCH_OPEN}').item.json`;
	const open = `${contact}.repeat.open`;
	const owner = `${TEAM}.find((person) => person.ownerId === ${open}.ownerId)`;
	notificationRow(b, TELL_AGAIN, [column + 2.8, row - 1], {
		kind: 'contacted_again',
		channel: 'email',
		recipient: `${owner}?.email || ${owner}?.phone || ""`,
		subject: `(${contact}.contact.name.full ?? "Your customer") + " " + ${contact}.repeat.said + " — inquiry " + ${open}.inquiryId`,
		body: AGAIN_MESSAGE(contact),
		dedupeKey: `${contact}.id + ":contacted_again"`,
		inquiryId: `${open}.inquiryId`,
	});
	b.connect('Join Open Inquiry', TELL_AGAIN);
	return MATCH_OPEN;
}

/** What the owner is told: who, on which channel, how many times now, and what they said. */
const AGAIN_MESSAGE = (contact) =>
	[
		`(${contact}.contact.name.full ?? "Your customer") + " " + ${contact}.repeat.said + " (" + ${contact}.channel + "), about inquiry " + ${contact}.repeat.open.inquiryId + " that you own.\\n"`,
		`"Contacts so far: " + ${contact}.repeat.update.contactCount + " (" + ${contact}.repeat.update.channels + ")\\n"`,
		`"Reach them: " + (${contact}.contact.phone?.national ?? ${contact}.contact.phone?.e164 ?? "") + " " + (${contact}.contact.email?.address ?? "") + "\\n"`,
		`"Said now: " + (${contact}.request.message ?? "nothing")`,
	].join(' + ');
