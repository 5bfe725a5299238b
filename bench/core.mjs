// Core benchmark: each pure stage over realistic inquiries, against the physical floor of
// JSON.parse + JSON.stringify of the same payloads, plus memory over a long stream.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { formatRate, printTable, throughput } from './measure.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const core = require(join(root, 'dist/core/index.js'));

const fixtures = join(root, 'test/fixtures/vendor-payloads');
export const payloads = readdirSync(fixtures)
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(join(fixtures, f), 'utf8')).body);
const payloadTexts = payloads.map((p) => JSON.stringify(p));
const now = new Date('2026-03-02T15:04:05.000Z');

/** Normalized inquiries to feed the later stages (one per sample that yields an inquiry). */
export function sampleInquiries() {
	return payloads.flatMap((p) => core.normalizeInquiry(p, { now, defaultCountry: 'US' })).filter((r) => r.status !== 'invalid').map((r) => r.inquiry);
}

/** A roster of `size` owners across four teams, with business hours and a holiday. */
export function assignConfig(size) {
	const owners = Array.from({ length: size }, (_, i) => ({
		id: `owner-${i}`,
		name: `Owner ${i}`,
		teams: [`team-${i % 4}`],
		skills: i % 3 === 0 ? ['repair'] : [],
		weight: 1 + (i % 3),
	}));
	const week = { start: '08:00', end: '18:00' };
	return {
		roster: { owners },
		calendar: { timezone: 'America/New_York', hours: { mon: [week], tue: [week], wed: [week], thu: [week], fri: [week] }, holidays: ['2026-12-25'] },
		strategy: 'round_robin',
		holdUntilAvailable: true,
	};
}

export function runCoreBench({ quick }) {
	const options = quick ? { samples: 5, sampleMs: 60, warmupMs: 150 } : { samples: 15, sampleMs: 120, warmupMs: 400 };
	const n = payloads.length;
	const floor = throughput(() => {
		for (const text of payloadTexts) JSON.stringify(JSON.parse(text));
	}, { ...options, opsPerCall: n });

	const stages = [];
	const stage = (name, fn, opsPerCall) => stages.push({ name, result: throughput(fn, { ...options, opsPerCall }) });
	stage('normalize (all vendor samples)', () => {
		for (const p of payloads) core.normalizeInquiry(p, { now, defaultCountry: 'US' });
	}, n);

	const inquiries = sampleInquiries();
	const wording = core.FollowUpWording.parse({ businessName: 'Acme Plumbing' });
	stage('check context (quote-ready)', () => {
		for (const inquiry of inquiries) core.checkContext(inquiry, core.BUILT_IN_PROFILES.quoteReady, { wording });
	}, inquiries.length);

	for (const size of [10, 200]) {
		const session = new core.AssignmentSession(assignConfig(size));
		stage(`assign (${size} owners, round robin)`, () => {
			for (const inquiry of inquiries) session.assign(inquiry, { now });
		}, inquiries.length);
	}

	const rows = stages.map(({ name, result }) => ({
		stage: name,
		'ops/s median': formatRate(result.median),
		'ops/s p95': formatRate(result.p95),
		'ops/s max': formatRate(result.max),
		'× JSON floor cost': (floor.median / result.median).toFixed(2),
	}));
	printTable(`Core, per stage (floor: JSON.parse+stringify of the same payloads = ${formatRate(floor.median)}/s)`, rows, Object.keys(rows[0]));
	return { floor, stages: Object.fromEntries(stages.map((s) => [s.name, { ...s.result, costVsFloor: floor.median / s.result.median }])) };
}
