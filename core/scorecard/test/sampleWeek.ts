import type { Channel, Inquiry, TrailEntry, TrailOutcome } from '../../inquiry/schema';
import { officeHours } from './calendar';

/**
 * A realistic, seeded week of inquiries for a local plumbing business in New York: most arrive in
 * business hours, missed calls often lack context, some handoffs fail (most are alerted), a few
 * are rejected or nobody can take them. Used by the report render (scripts/render-report.mjs)
 * and its browser test; the same seed always gives the same week.
 */

export const SAMPLE_WEEK = {
	from: new Date('2026-05-04T04:00:00.000Z'),
	to: new Date('2026-05-11T04:00:00.000Z'),
	now: new Date('2026-05-11T12:00:00.000Z'),
	timezone: 'America/New_York',
	/** The clocks count business minutes on these hours. */
	calendar: officeHours('America/New_York'),
};

const MINUTE = 60_000;

/** mulberry32: small, fast, good enough for sample data. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CHANNELS: [Channel, number, string[]][] = [
	['form', 34, ['typeform', 'jotform', 'webflow', 'n8n_form']],
	['missed_call', 18, ['twilio', 'openphone']],
	['call', 9, ['twilio', 'aircall']],
	['chat', 12, ['intercom', 'whatsapp']],
	['email', 8, ['gmail']],
	['booking', 8, ['calendly']],
	['ad_lead', 11, ['facebook_lead_ads', 'google_ads']],
];
const OWNERS = [
	{ id: 'ana', name: 'Ana Lopez' },
	{ id: 'ben', name: 'Ben Diaz' },
	{ id: 'cara', name: 'Cara Smith' },
	{ id: 'dev', name: 'Dev Patel' },
];
const FIRST = [
	'Jane',
	'Omar',
	'Li',
	'Maria',
	'Tom',
	'Aisha',
	'Pedro',
	'Emma',
	'Noah',
	'Grace',
	'Ivan',
	'Zoe',
];
const LAST = [
	'Roe',
	'Khan',
	'Chen',
	'Garcia',
	'Baker',
	'Diallo',
	'Silva',
	'Moore',
	'Kim',
	'Hughes',
	'Novak',
	'Reyes',
];

export function sampleWeek(seed = 7, count = 160): Inquiry[] {
	const rand = random(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
	const chance = (p: number) => rand() < p;
	const totalWeight = CHANNELS.reduce((sum, c) => sum + c[1], 0);
	const weekStart = SAMPLE_WEEK.from.getTime();
	const inquiries: Inquiry[] = [];

	for (let i = 0; i < count; i++) {
		let roll = rand() * totalWeight;
		const [channel, , systems] = CHANNELS.find((c) => (roll -= c[1]) < 0) ?? CHANNELS[0];
		// 75% in business hours (Mon–Fri 9–17 New York), the rest any time of the week.
		const day = chance(0.75) ? Math.floor(rand() * 5) : Math.floor(rand() * 7);
		const hour = chance(0.75) ? 9 + rand() * 8 : rand() * 24;
		const received = weekStart + day * 1440 * MINUTE + Math.round(hour * 60) * MINUTE;
		const afterHours = day >= 5 || hour < 9 || hour >= 17;
		const trail: TrailEntry[] = [];
		const step = (
			stage: TrailEntry['stage'],
			outcome: TrailOutcome,
			at: number,
			node: string,
			detail?: string,
		) =>
			trail.push({
				stage,
				node,
				at: new Date(at).toISOString(),
				outcome,
				...(detail ? { detail } : {}),
			});
		const name = `${pick(FIRST)} ${pick(LAST)}`;
		const inquiry: Record<string, unknown> = {
			schemaVersion: 1,
			id: `inq_${String(i + 1).padStart(4, '0')}`,
			dedupeKey: `dk_${i}`,
			identityKeys: [`phone:+1415555${String(1000 + i)}`],
			receivedAt: new Date(received).toISOString(),
			channel,
			source: { system: pick(systems), preset: channel, detectedBy: 'auto' },
			contact: {
				name: { full: name },
				phone: { e164: `+1415555${1000 + i}`, valid: true, raw: `(415) 555-${1000 + i}` },
			},
			request: { urgency: chance(0.1) ? 'emergency' : 'normal', location: {} },
			attribution: {},
			consent: {},
			extraFields: {},
			continuity: { trail },
		};
		inquiries.push(inquiry as Inquiry);

		if (chance(0.03)) {
			step('entry', 'rejected', received, 'Normalize Inquiry', 'signature_mismatch');
			continue;
		}
		step('entry', 'normalized', received, 'Normalize Inquiry');
		const needsContext = chance(channel === 'missed_call' ? 0.45 : 0.1);
		step(
			'context',
			needsContext ? 'needs_context' : 'complete',
			received + 1000,
			'Check Inquiry Context',
			needsContext ? 'missing service' : undefined,
		);
		inquiry.context = { outcome: needsContext ? 'needs_context' : 'complete' };

		if (chance(afterHours ? 0.2 : 0.03)) {
			const respondBy = received + 12 * 60 * MINUTE;
			step('trigger', 'unassigned', received + 2000, 'Assign Inquiry Owner', 'all_off_hours');
			inquiry.assignment = {
				status: 'unassigned',
				respondBy: new Date(respondBy).toISOString(),
				escalateAt: new Date(respondBy + 60 * MINUTE).toISOString(),
				assignedAt: new Date(received + 2000).toISOString(),
			};
			continue;
		}
		// Owners pick up fast in hours; after hours the round robin waits for the next opening.
		const delay = afterHours ? 60 * (6 + rand() * 10) : Math.exp(rand() * 4.2) - 0.5;
		const assigned = received + Math.round(delay * MINUTE);
		const owner = pick(OWNERS);
		const respondBy = assigned + 60 * MINUTE;
		step('trigger', 'assigned', assigned, 'Assign Inquiry Owner', `${owner.id} (round_robin)`);
		inquiry.assignment = {
			status: 'assigned',
			owner,
			respondBy: new Date(respondBy).toISOString(),
			escalateAt: new Date(respondBy + 60 * MINUTE).toISOString(),
			assignedAt: new Date(assigned).toISOString(),
		};
		const contact = rand();
		// The claim ("I've got it") comes before the call; drawn from the index, so the random
		// sequence (and every other figure of the week) stays as it was.
		const claimAfter = ((i * 37) % 25) + 1;
		if (contact < 0.9) {
			const contacted = assigned + Math.round(rand() * 50) * MINUTE;
			inquiry.contactedAt = new Date(contacted).toISOString();
			inquiry.acceptedAt = new Date(
				Math.min(contacted, assigned + claimAfter * MINUTE),
			).toISOString();
		} else if (contact < 0.96) {
			// Missed the claim deadline: the ladder moved it on, and the next owner called late.
			inquiry.contactedAt = new Date(respondBy + Math.round(rand() * 90) * MINUTE).toISOString();
			inquiry.reassignedAt = new Date(respondBy).toISOString();
			inquiry.hops = 1;
		}

		if (chance(0.05)) continue;
		const checked = assigned + Math.round((1 + rand() * 7) * MINUTE);
		const outcome = rand();
		if (outcome < 0.84) {
			step('transfer', 'written', checked - 30_000, 'Verify Inquiry Handoff', `rec_${i}`);
			step('tracking', 'verified', checked, 'Verify Inquiry Handoff', 'HubSpot');
			inquiry.handoff = {
				status: 'verified',
				destination: 'HubSpot',
				recordId: `rec_${i}`,
				checkedAt: new Date(checked).toISOString(),
			};
			continue;
		}
		const failure: TrailOutcome =
			outcome < 0.88 ? 'missing' : outcome < 0.93 ? 'mismatch' : outcome < 0.97 ? 'late' : 'error';
		if (failure !== 'missing' && failure !== 'error')
			step('transfer', 'written', checked - 30_000, 'Verify Inquiry Handoff', `rec_${i}`);
		step('tracking', failure, checked, 'Verify Inquiry Handoff', 'HubSpot');
		inquiry.handoff = {
			status: failure,
			destination: 'HubSpot',
			checkedAt: new Date(checked).toISOString(),
		};
		if (chance(0.6)) step('tracking', 'alerted', checked + 5000, 'Slack Alert', '#leads');
	}
	return inquiries;
}
