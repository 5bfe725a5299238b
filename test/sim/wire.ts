import type { BodyEncoding } from './types';

/** The exact bytes a vendor puts on the wire for a body, and the content type that says how. */
export function encodeBody(
	encoding: BodyEncoding,
	body: Record<string, unknown>,
	boundarySeed: string,
): { rawBody: string; contentType: string } {
	if (encoding === 'json')
		return { rawBody: JSON.stringify(body), contentType: 'application/json' };
	const fields = Object.entries(body).map(([name, value]): [string, string] => [
		name,
		formValue(value),
	]);
	if (encoding === 'form')
		return {
			rawBody: new URLSearchParams(fields).toString(),
			contentType: 'application/x-www-form-urlencoded',
		};
	const boundary = `----SimFormBoundary${boundarySeed.replace(/[^A-Za-z0-9]/g, '').slice(-16)}`;
	const parts = fields.map(
		([name, value]) =>
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
	);
	return {
		rawBody: `${parts.join('')}--${boundary}--\r\n`,
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}

/** Form and multipart fields are text; null is sent as an empty field, objects as JSON. */
function formValue(value: unknown): string {
	if (value === null || value === undefined) return '';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** What a receiving Webhook node makes of the bytes: parsed JSON, or the form fields as text. */
export function decodeBody(rawBody: string, contentType: string): Record<string, unknown> {
	if (contentType.startsWith('application/json'))
		return JSON.parse(rawBody) as Record<string, unknown>;
	if (contentType.startsWith('application/x-www-form-urlencoded'))
		return Object.fromEntries(new URLSearchParams(rawBody));
	const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
	if (!boundary) throw new Error(`Cannot decode ${contentType}`);
	const fields: Record<string, string> = {};
	for (const part of rawBody.split(`--${boundary}`)) {
		const split = part.indexOf('\r\n\r\n');
		const name = /name="([^"]*)"/.exec(part.slice(0, split))?.[1];
		if (split === -1 || name === undefined) continue;
		fields[name] = part.slice(split + 4, part.endsWith('\r\n') ? -2 : undefined);
	}
	return fields;
}
