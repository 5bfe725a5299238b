/**
 * What the driver saw and what the tables held after the day: plain rows, read defensively
 * (Data tables return strings, numbers, booleans, ISO or epoch times, and null).
 */
export type Row = Record<string, unknown>;

/** The last answer a delivery got, after the vendor's retries. */
export interface Delivery {
	seq: number;
	/** The final HTTP status; 0 when the connection failed every time, undefined when never sent. */
	status?: number;
	attempts: number;
	/** Epoch ms of the first attempt. */
	sentAtMs?: number;
	/** From the webhook's receipt `{ inquiryId, status }`. */
	inquiryId?: string;
	receiptStatus?: string;
	/**
	 * n8n answered 200 "n8n is starting up. Please wait" without running any workflow (it does so
	 * while its database migrations run after a restart): the vendor sees success and never retries.
	 */
	startingUp?: boolean;
}

/** What n8n 2.41's server sends, with status 200, to every request while it is starting. */
export const N8N_STARTING_UP = 'n8n is starting up';

/** The three Data tables the templates write (workflows-templates/data-tables.json), and the HTTP CRM's contacts. */
export interface TablesAfter {
	ledger: Row[];
	records: Row[];
	notifications: Row[];
	/** Contacts in the CRM template 01c writes to (each carries its inquiryId). */
	crm?: Row[];
	/** Epoch ms when the tables were read: a deadline after it had not passed yet. */
	readAtMs?: number;
}

export function text(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Epoch ms from an ISO string, a Date, or an epoch number (seconds or milliseconds). */
export function epochMs(value: unknown): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'number' && Number.isFinite(value))
		return value < 1e11 ? value * 1000 : value;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) ? undefined : parsed;
}

/**
 * Whether the webhook took the delivery in: a 2xx whose receipt does not say it was rejected, and
 * that a workflow answered (not n8n's own "starting up" reply; those are counted apart).
 */
export function accepted(delivery: Delivery | undefined): boolean {
	if (!delivery?.status || delivery.status < 200 || delivery.status > 299) return false;
	if (delivery.startingUp) return false;
	return delivery.receiptStatus?.toLowerCase() !== 'rejected';
}

/** Nearest-rank percentile of a list of numbers (p in 0–100); undefined for an empty list. */
export function percentile(values: readonly number[], p: number): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1];
}

/** How many rows beyond the first share a key: 0 when every key appears once. */
export function extraPerKey<T>(
	items: readonly T[],
	keyOf: (item: T) => string | undefined,
): number {
	const counts = new Map<string, number>();
	for (const item of items) {
		const key = keyOf(item);
		if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	let extra = 0;
	for (const count of counts.values()) extra += count - 1;
	return extra;
}

export const digitsOf = (value: unknown) => text(value)?.replace(/\D/g, '');
