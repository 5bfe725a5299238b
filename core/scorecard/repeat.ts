import type { Channel, Inquiry } from '../inquiry/schema';
import { InquiryError } from '../shared/errors';
import { parseJsonText } from '../shared/result';

/**
 * Same person, same open inquiry: a new contact from someone whose earlier inquiry is still open
 * joins it (same owner, one record, one text-back) instead of opening a second one. These are the
 * pure decisions; the hub reads the ledger rows and writes what is decided here.
 */

/**
 * Three days: a Friday-evening call and the Monday-morning form that follows it are one request,
 * while a contact after the weekend's inquiry went unanswered that long is better a fresh one.
 */
export const DEFAULT_REPEAT_WINDOW_HOURS = 72;

/**
 * The ledger columns only joining writes. They are not part of a scored ledger row, so the later
 * stages' upserts of an inquiry's row never reset them; empty means one contact so far.
 */
export const JOIN_COLUMNS = ['contactCount', 'channels', 'lastContactAt'] as const;

/** What joining changes on the open inquiry's ledger row. */
export interface RepeatLedgerUpdate {
	contactCount: number;
	/** The channels the person used, first contact first, e.g. "missed_call, form". */
	channels: string;
	lastContactAt: string;
}

export interface OpenInquiry {
	inquiryId: string;
	ownerId: string;
	ownerName: string;
	receivedAt: string;
}

export type RepeatVerdict =
	| {
			status: 'repeat';
			open: OpenInquiry;
			update: RepeatLedgerUpdate;
			/** How the owner is told, e.g. "called again". */
			said: string;
	  }
	| { status: 'new'; reason: RepeatNewReason };

export type RepeatNewReason = 'no_identity' | 'window_off' | 'none_open';

/** The inquiry fields the decision reads. */
export type RepeatContact = Pick<Inquiry, 'id' | 'channel' | 'identityKeys'>;

/** A ledger row as the decision reads it, from a Data table (null, '' and Date cells allowed). */
interface EarlierRow {
	inquiryId: string;
	receivedAt: string;
	identityKey: string;
	contactPhone: string;
	contactEmail: string;
	ownerId: string;
	ownerName: string;
	contactedAt: string;
	channel: string;
	channels: string;
	contactCount: unknown;
	open: unknown;
}

function cellText(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function readRow(value: unknown): EarlierRow | undefined {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const cells = value as Record<string, unknown>;
	const text = (key: keyof EarlierRow) => cellText(cells[key]);
	const row = {
		inquiryId: text('inquiryId'),
		receivedAt: text('receivedAt'),
		identityKey: text('identityKey'),
		contactPhone: text('contactPhone'),
		contactEmail: text('contactEmail').toLowerCase(),
		ownerId: text('ownerId'),
		ownerName: text('ownerName'),
		contactedAt: text('contactedAt'),
		channel: text('channel'),
		channels: text('channels'),
		contactCount: cells.contactCount,
		open: cells.open,
	};
	return row.inquiryId === '' ? undefined : row;
}

/** Whether a ledger row names the same person: its identity key, phone or e-mail is one of the contact's keys. */
function samePerson(row: EarlierRow, keys: ReadonlySet<string>): boolean {
	return (
		keys.has(row.identityKey) ||
		(row.contactPhone !== '' && keys.has(`phone:${row.contactPhone}`)) ||
		(row.contactEmail !== '' && keys.has(`email:${row.contactEmail}`))
	);
}

/**
 * Open means someone owns it and is still to answer: an owner was assigned, nobody has been
 * recorded as contacting the person (contactedAt), and the row is not marked closed (an `open`
 * column the escalation ladder cleared to '' or set to false; a ledger without the column counts
 * as open). An inquiry nobody owns is not joined: the new
 * contact gets its own chance at an owner.
 */
export function isOpenRow(row: Pick<EarlierRow, 'ownerId' | 'contactedAt' | 'open'>): boolean {
	const closed = row.open === false || row.open === 'false' || row.open === 0 || row.open === '';
	return row.ownerId !== '' && row.contactedAt === '' && !closed;
}

/** The channels already on a row: its list, or (never joined before) its own channel. */
function channelsOf(row: EarlierRow): string[] {
	const listed = row.channels
		.split(',')
		.map((channel) => channel.trim())
		.filter(Boolean);
	return listed.length ? listed : row.channel ? [row.channel] : [];
}

/** A row's count of contacts so far: written by earlier joins, else the one contact that opened it. */
function contactsOf(row: EarlierRow): number {
	const count = Number(cellText(row.contactCount));
	return Number.isInteger(count) && count >= 1 ? count : 1;
}

/** What joining one more contact on `channel` at `now` writes to the open inquiry's ledger row. */
function joinUpdate(row: EarlierRow, channel: Channel, now: Date): RepeatLedgerUpdate {
	const channels = channelsOf(row);
	return {
		contactCount: contactsOf(row) + 1,
		channels: (channels.includes(channel) ? channels : [...channels, channel]).join(', '),
		lastContactAt: now.toISOString(),
	};
}

const CALLED: readonly Channel[] = ['call', 'missed_call'];

/** How the owner hears of it: "called again" for calls, "texted again" for texts, else "wrote again". */
export function saidAgain(channel: Channel): string {
	if (CALLED.includes(channel)) return 'called again';
	return channel === 'sms' ? 'texted again' : 'wrote again';
}

/** The repeat-contact window in hours, as set by the business: a number of 0 or more (0 turns joining off). */
export function readRepeatWindow(value: unknown): number {
	const hours = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0)
		throw new InquiryError(
			'REPEAT_WINDOW_INVALID',
			`Repeat Contact Window is ${JSON.stringify(value)}`,
		);
	return hours;
}

/**
 * Whether `contact` joins an open inquiry among `rows` (earlier ledger rows, any channel): the
 * newest open inquiry of the same person (same identity key, phone or e-mail) received within
 * `windowHours` before `now`. A row of the contact's own inquiry id is a replay of that inquiry,
 * not a second contact, and is never joined.
 */
export function findOpenInquiry(
	contact: RepeatContact,
	rows: readonly unknown[],
	{ now, windowHours }: { now: Date; windowHours: number },
): RepeatVerdict {
	const keys = new Set(contact.identityKeys.map((key) => key.toLowerCase()));
	if (keys.size === 0) return { status: 'new', reason: 'no_identity' };
	if (windowHours <= 0) return { status: 'new', reason: 'window_off' };
	const since = now.getTime() - windowHours * 3_600_000;
	let newest: { row: EarlierRow; at: number } | undefined;
	for (const value of rows) {
		const row = readRow(value);
		if (!row || row.inquiryId === contact.id || !samePerson(row, keys) || !isOpenRow(row)) continue;
		const at = Date.parse(row.receivedAt);
		if (!(at >= since)) continue;
		if (!newest || at > newest.at) newest = { row, at };
	}
	if (!newest) return { status: 'new', reason: 'none_open' };
	const { row } = newest;
	return {
		status: 'repeat',
		open: {
			inquiryId: row.inquiryId,
			ownerId: row.ownerId,
			ownerName: row.ownerName,
			receivedAt: row.receivedAt,
		},
		update: joinUpdate(row, contact.channel, now),
		said: saidAgain(contact.channel),
	};
}

/** The Earlier Inquiries parameter: a list of ledger rows, or the JSON text of one. */
export function readEarlierRows(value: unknown): unknown[] {
	const parsed = typeof value === 'string' ? parseJsonText(value) : { ok: true as const, value };
	if (parsed.ok && Array.isArray(parsed.value)) return parsed.value;
	throw new InquiryError(
		'SCORECARD_INPUT_INVALID',
		'Earlier Inquiries is not a list of ledger rows',
	);
}

/**
 * One item of Match Open Inquiry: a repeat contact leaves with `repeat` (the open inquiry, its
 * owner, the wording and the ledger update); a new one leaves unchanged.
 */
export function matchOpenInquiryItem<T extends RepeatContact>(
	contact: T,
	rows: readonly unknown[],
	window: { now: Date; windowHours: number },
): { repeat: boolean; json: T | (T & { repeat: RepeatVerdict }) } {
	const verdict = findOpenInquiry(contact, rows, window);
	return verdict.status === 'repeat'
		? { repeat: true, json: { ...contact, repeat: verdict } }
		: { repeat: false, json: contact };
}
