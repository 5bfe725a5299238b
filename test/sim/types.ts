import type { Channel } from '../../core/inquiry/schema';

/** The signature schemes the simulated vendors use (a subset of core's SignatureScheme). */
export type SimScheme =
	| 'typeform'
	| 'tally'
	| 'webflow'
	| 'calendly'
	| 'calcom'
	| 'meta'
	| 'intercom'
	| 'twilio'
	| 'openphone'
	| 'aircall'
	| 'googleAds'
	| 'none';

/** How the body goes on the wire. */
export type BodyEncoding = 'json' | 'form' | 'multipart';

/**
 * A fault injected into the day, and so what the system must do about it:
 * - duplicate: an exact replay of an earlier delivery (same source event id) → no second record;
 * - repeat_caller: the same phone calling 2–3 times within 2 minutes → exactly one text back;
 * - missing_context: phone, service and location stripped → a follow-up question, never silence;
 * - forged: a bad signature → Rejected, no record;
 * - destination_outage: the system of record is down → recovered, or a Failed receipt plus an alert;
 * - owners_away: the whole roster is out → Unassigned plus an alert;
 * - restart: sent around the moment n8n is killed and restarted → recovered, or found by the leak sweep.
 */
export type SimFault =
	| { kind: 'duplicate'; of: number }
	| { kind: 'repeat_caller'; burst: number; call: number }
	| { kind: 'missing_context'; stripped: readonly ('phone' | 'service' | 'location')[] }
	| { kind: 'forged' }
	| { kind: 'destination_outage'; window: number }
	| { kind: 'owners_away'; window: number }
	| { kind: 'restart' };

export type FaultKind = SimFault['kind'];

export const FAULT_KINDS: readonly FaultKind[] = [
	'duplicate',
	'repeat_caller',
	'missing_context',
	'forged',
	'destination_outage',
	'owners_away',
	'restart',
];

/**
 * What must be true at the end of the day for this delivery's inquiry:
 * verified (a record read back intact), verified_or_alerted (a fault allows a visible failure),
 * unassigned_alerted (no owner could take it: Unassigned plus an alert), rejected (forged: no
 * record), replay (the same inquiry as `dedupeOf`: nothing new may be created).
 */
export type ExpectedOutcome =
	| 'verified'
	| 'verified_or_alerted'
	| 'unassigned_alerted'
	| 'rejected'
	| 'replay';

export interface SimExpect {
	/** Whether a record for this inquiry must exist in the system of record (or be alerted when a fault allows). */
	record: boolean;
	outcome: ExpectedOutcome;
	/** The first identity key normalization must derive: a valid email, else a valid phone. */
	identityKey: string;
	/** Missed calls: whether this call must get the text back (only the first of a burst does). */
	textBack?: boolean;
	/** Whether context is missing, so a follow-up question is due. */
	followUp?: boolean;
	/** For a replay: the seq of the delivery it repeats. */
	dedupeOf?: number;
}

export interface SimEvent {
	seq: number;
	/** Milliseconds after the business day opened. */
	atMs: number;
	/** Webhook path under /webhook/. */
	path: string;
	method: 'POST';
	headers: Record<string, string>;
	contentType: string;
	body: Record<string, unknown>;
	/** The exact string sent; signatures cover it. */
	rawBody: string;
	encoding: BodyEncoding;
	vendor: string;
	channel: Channel;
	scheme: SimScheme;
	/** The vendor's own id for this delivery; a replay carries the same one. */
	sourceEventId: string;
	/** The full URL the vendor posts to (Twilio signs it). */
	url: string;
	fault?: SimFault;
	expect: SimExpect;
}

/** A change to the world at a moment of the day, applied by the driver. */
export interface SimControl {
	atMs: number;
	kind: 'destination_down' | 'destination_up' | 'owners_away' | 'owners_back' | 'restart';
	window?: number;
}

export interface SimDay {
	seed: number;
	count: number;
	baseUrl: string;
	/** Epoch ms when the business day opens; signatures are dated from it. */
	dayStartMs: number;
	dayLengthMs: number;
	events: SimEvent[];
	timeline: SimControl[];
}
