import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Inquiry } from '../../schema';
import { normalizeInquiry, parsePayload } from '../../normalizeInquiry';

export const NOW = new Date('2026-03-02T15:04:05.000Z');
const DIR = join(__dirname, '../../../../test/fixtures/vendor-payloads');

/** The body of a vendor sample from test/fixtures/vendor-payloads. */
export function sampleBody(file: string): Record<string, unknown> {
	return JSON.parse(readFileSync(join(DIR, file), 'utf8')).body as Record<string, unknown>;
}

/** Every vendor sample file in test/fixtures/vendor-payloads. */
export const SAMPLE_FILES = readdirSync(DIR).filter((file) => file.endsWith('.json'));

/** The payload as the node sees it: a JSON array body arrives as { events: [...] }. */
export function samplePayload(file: string): Record<string, unknown> {
	const payload = parsePayload(sampleBody(file));
	if (typeof payload === 'string') throw new Error(`${file}: ${payload}`);
	return payload;
}

/** Every inquiry a payload yields (auto-detect unless a source is given); fails on an invalid one. */
export function normalizeAll(body: unknown, source = 'auto'): Inquiry[] {
	return normalizeInquiry(body, { now: NOW, defaultCountry: 'US', source }).map((result) => {
		if (result.status === 'invalid') throw new Error(`invalid: ${result.reasons.join(', ')}`);
		return result.inquiry;
	});
}

export function normalizeOne(body: unknown, source = 'auto'): Inquiry {
	const all = normalizeAll(body, source);
	if (all.length !== 1) throw new Error(`expected one inquiry, got ${all.length}`);
	return all[0];
}

/** The values the vendor samples' `expected` blocks describe, for exact comparison. */
export function summary(inquiry: Inquiry) {
	return {
		preset: inquiry.source.preset,
		channel: inquiry.channel,
		name: inquiry.contact.name,
		email: inquiry.contact.email?.address,
		phone: inquiry.contact.phone?.e164,
		message: inquiry.request.message,
	};
}
