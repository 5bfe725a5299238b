import { readFileSync } from 'fs';
import { join } from 'path';
import { VENDOR_PAYLOADS_DIR } from './paths';

/** A recorded vendor delivery (test/fixtures/vendor-payloads/*.json). */
export interface VendorPayload {
	vendor: string;
	event: string;
	contentType: string;
	headers: Record<string, string>;
	body: unknown;
	expected: {
		channel: string;
		name: string | null;
		email: string | null;
		phone: string | null;
		message: string | null;
		notes?: string;
	};
}

export function loadVendorPayload(name: string): VendorPayload {
	return JSON.parse(
		readFileSync(join(VENDOR_PAYLOADS_DIR, `${name}.json`), 'utf8'),
	) as VendorPayload;
}

/**
 * The bytes a vendor would post: JSON as JSON, form-encoded fields as form encoding. The sample's
 * signature headers are placeholders, so none are copied; sign the returned rawBody yourself.
 */
export function vendorRequest(payload: VendorPayload): { rawBody: string; contentType: string } {
	const contentType = payload.contentType.split(' ')[0];
	if (contentType === 'application/json')
		return { rawBody: JSON.stringify(payload.body), contentType };
	if (contentType === 'application/x-www-form-urlencoded') {
		const fields = Object.entries(payload.body as Record<string, unknown>).map(
			([key, value]): [string, string] => [key, String(value)],
		);
		return { rawBody: new URLSearchParams(fields).toString(), contentType };
	}
	throw new Error(
		`${payload.vendor}: posting ${payload.contentType} is not supported by the e2e helper`,
	);
}
