import type { Inquiry, Stage, TrailOutcome } from '../../inquiry/schema';

/** Test inquiries that went through some stages of the continuity map, with their trail and results. */

export const RECEIVED = '2026-05-04T14:00:00.000Z';

export type Step = [Stage, TrailOutcome, string?];

const NODES: Record<Stage, string> = {
	entry: 'Normalize Inquiry',
	transfer: 'Verify Inquiry Handoff',
	context: 'Check Inquiry Context',
	trigger: 'Assign Inquiry Owner',
	tracking: 'Verify Inquiry Handoff',
};

/** `steps` become trail entries one minute apart, starting at `receivedAt`. */
export function journey(
	steps: Step[],
	extra: Record<string, unknown> = {},
	receivedAt = RECEIVED,
): Inquiry {
	const start = Date.parse(receivedAt);
	return {
		schemaVersion: 1,
		id: (extra.id as string) ?? 'inq_1',
		dedupeKey: 'dk_1',
		identityKeys: ['email:jane@example.com'],
		receivedAt,
		channel: 'form',
		source: { system: 'typeform', preset: 'typeform', detectedBy: 'preset' },
		contact: {
			name: { full: 'Jane Roe', first: 'Jane', last: 'Roe' },
			email: { address: 'jane@example.com', valid: true, raw: 'jane@example.com' },
			phone: { e164: '+14155550123', valid: true, raw: '(415) 555-0123' },
		},
		request: { urgency: 'normal', location: {} },
		attribution: {},
		consent: {},
		extraFields: {},
		continuity: {
			trail: steps.map(([stage, outcome, detail], i) => ({
				stage,
				node: NODES[stage],
				at: new Date(start + i * 60_000).toISOString(),
				outcome,
				...(detail === undefined ? {} : { detail }),
			})),
		},
		...extra,
	} as Inquiry;
}

/** The happy path: every check passes. */
export const FULL_JOURNEY: Step[] = [
	['entry', 'normalized'],
	['context', 'complete'],
	['trigger', 'assigned', 'ana (round_robin)'],
	['transfer', 'written', 'rec_42'],
	['tracking', 'verified'],
];

export const ASSIGNMENT = {
	status: 'assigned',
	owner: { id: 'ana', name: 'Ana Lopez' },
	respondBy: '2026-05-04T15:00:00.000Z',
	escalateAt: '2026-05-04T16:00:00.000Z',
	assignedAt: '2026-05-04T14:02:00.000Z',
};
