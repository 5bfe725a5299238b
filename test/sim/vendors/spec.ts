import type { Channel } from '../../../core/inquiry/schema';
import type { Request } from '../content';
import type { Person } from '../people';
import type { Prng } from '../prng';
import type { BodyEncoding, SimScheme } from '../types';

/** Which published template receives the vendor (workflows-templates, /tmp plan: webhook paths). */
export const PATHS = {
	form: 'inquiry-form',
	/** Template 01c: forms whose inquiries go to a CRM over HTTP, read back and verified. */
	formCrm: 'inquiry-form-crm',
	booking: 'inquiry-booking',
	phone: 'inquiry-missed-call',
	chat: 'inquiry-chat',
	adLead: 'inquiry-ad-lead',
} as const;

export interface BuildContext {
	random: Prng;
	person: Person;
	request: Request;
	/** Unique per built delivery; ids embed it so no two events share one by chance. */
	seq: number;
	atEpochMs: number;
	/** Missing context: leave out phone, service and location. */
	strip: boolean;
	/** Phone vendors: nobody answered. */
	missed: boolean;
	/** The shared token for vendors that carry it in the body (already wrong when forged). */
	token: string;
}

export interface Built {
	body: Record<string, unknown>;
	sourceEventId: string;
	channel: Channel;
	/** The first identity key normalization must derive from this body. */
	identityKey: string;
}

export interface VendorSpec {
	key: string;
	path: (typeof PATHS)[keyof typeof PATHS];
	scheme: SimScheme;
	encoding: BodyEncoding;
	/** Share of the day's original inquiries. */
	weight: number;
	/** Whether the vendor sends an email, so stripping phone and service still leaves an identity. */
	canStrip: boolean;
	/** Whether the vendor reports calls (missed or answered). */
	calls: boolean;
	build(context: BuildContext): Built;
}

const sampleText = new WeakMap<object, string>();

/**
 * A fresh copy of a recorded vendor sample's body (imported JSON, so bundles carry it), to mutate.
 * Parsing cached JSON text is several times faster than structuredClone here.
 */
export function sample<T = Record<string, unknown>>(recorded: { body: unknown }): T {
	let text = sampleText.get(recorded);
	if (text === undefined) {
		text = JSON.stringify(recorded.body);
		sampleText.set(recorded, text);
	}
	return JSON.parse(text) as T;
}

/** A random id of `length` characters that also embeds the seq, so it is unique for the day. */
export function uniqueId(context: BuildContext, length: number, alphabet = BASE36): string {
	const radix = alphabet === HEX ? 16 : alphabet === DIGITS ? 10 : 36;
	const tail = context.seq.toString(radix).padStart(6, '0');
	return context.random.chars(Math.max(length - tail.length, 2), alphabet) + tail;
}

export const iso = (epochMs: number) => new Date(epochMs).toISOString();
export const HEX = '0123456789abcdef';
export const DIGITS = '0123456789';
export const BASE36 = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
