import { at, isRecord } from '../sources/read';

/** Where the vendor's payload sits on an n8n item ("Read Payload From" in the node). */
export const PAYLOAD_SOURCES = ['auto', 'wholeItem', 'body', 'field'] as const;
export type PayloadSource = (typeof PAYLOAD_SOURCES)[number];

/** One incoming item, split into what the vendor sent and how it arrived. */
export interface Delivery {
	payload: unknown;
	/** Request headers when the item came from a Webhook node, else empty. */
	headers: Record<string, unknown>;
	query: Record<string, unknown>;
	/** The URL n8n's Webhook node reports it listened on. */
	webhookUrl?: string;
}

/** n8n's Webhook node emits { headers, params, query, body } (plus webhookUrl, executionMode). */
export function looksLikeWebhookItem(item: unknown): item is Record<string, unknown> {
	return (
		isRecord(item) &&
		isRecord(item.headers) &&
		'body' in item &&
		(isRecord(item.query) || isRecord(item.params))
	);
}

export function readDelivery(item: unknown, from: PayloadSource = 'auto', field = ''): Delivery {
	const record = isRecord(item) ? item : {};
	const fromWebhook = looksLikeWebhookItem(item);
	const delivery: Delivery = {
		payload: payloadOf(item, from, field, fromWebhook),
		headers: isRecord(record.headers) ? record.headers : {},
		query: isRecord(record.query) ? record.query : {},
	};
	if (typeof record.webhookUrl === 'string') delivery.webhookUrl = record.webhookUrl;
	return delivery;
}

function payloadOf(
	item: unknown,
	from: PayloadSource,
	field: string,
	fromWebhook: boolean,
): unknown {
	if (from === 'field') return field.trim() === '' ? undefined : at(item, field.trim());
	if (from === 'body' || (from === 'auto' && fromWebhook))
		return isRecord(item) ? item.body : undefined;
	return item;
}

/**
 * The URL a vendor signed: the configured public URL, else the Webhook node's own URL. A URL
 * without a query string gets the query the request carried, as vendors sign the URL they called.
 */
export function signedUrl(delivery: Delivery, publicUrl?: string): string | undefined {
	const base = publicUrl?.trim() || delivery.webhookUrl;
	if (!base || base.includes('?')) return base;
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(delivery.query)) {
		for (const one of Array.isArray(value) ? value : [value]) {
			if (typeof one === 'string' || typeof one === 'number' || typeof one === 'boolean')
				query.append(key, String(one));
		}
	}
	const text = query.toString();
	return text ? `${base}?${text}` : base;
}
