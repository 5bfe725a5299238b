import { spawnSync } from 'child_process';
import { join } from 'path';
import { collectRegexes } from './redos/collect';
import type { FoundRegex } from './redos/collect';

/**
 * ReDoS probe: every regular expression in the shipped code is fed pathological inputs of 1,000
 * and 8,000 characters (its own characters repeated, with endings that force a failed match).
 * Linear cost grows ~8× between the two; quadratic ~64×, exponential never returns. The test
 * asserts the growth ratio, never a time.
 */
const ROOT = join(__dirname, '../..');
const LINEAR_BOUND = 24;

interface ProbeResult {
	file: string;
	line: number;
	source: string;
	worst: { ratio: number; pump: string; suffix: string };
}

/** Runs the probe in a child process, so a catastrophic pattern is killed by the timeout. */
function probe(
	regexes: Array<FoundRegex & { pump?: string; suffix?: string }>,
	careful = false,
): ProbeResult[] {
	const input = JSON.stringify(careful ? { careful, regexes } : regexes);
	const run = spawnSync(process.execPath, [join(__dirname, 'redos/probe.js')], {
		input,
		encoding: 'utf8',
		timeout: 120_000,
	});
	const lines = run.stdout
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as ProbeResult & { started?: string });
	if (run.signal)
		throw new Error(
			`The probe never returned on ${lines[lines.length - 1]?.started}: catastrophic backtracking`,
		);
	return lines.filter((l) => !l.started);
}

describe('ReDoS probe', () => {
	const { found, dynamic } = collectRegexes(ROOT, ['core', 'nodes', 'credentials']);

	it('finds the regular expressions in the shipped code', () => {
		expect(found.length).toBeGreaterThan(20);
		expect(found.some((r) => r.file === 'core/inquiry/contact/email.ts')).toBe(true);
	});

	it('builds every dynamic RegExp from a plain character class (reviewed list)', () => {
		// Dynamic patterns cannot be probed by source; each must be listed here after review.
		expect(dynamic.sort()).toEqual([
			'core/inquiry/contact/message.ts:2',
			'core/inquiry/contact/name.ts:99',
		]);
	});

	it('keeps every regex linear in its input length', () => {
		const results = probe(found);
		expect(results).toHaveLength(found.length);
		// A busy machine can make one quick measurement look super-linear; a real problem repeats when
		// measured carefully (this process's CPU time, longer windows), twice.
		const suspects = results.filter((r) => r.worst.ratio > LINEAR_BOUND);
		const confirmed = suspects.filter((suspect) => {
			const regex = found.find(
				(f) => f.file === suspect.file && f.line === suspect.line && f.source === suspect.source,
			)!;
			const again = { ...regex, pump: suspect.worst.pump, suffix: suspect.worst.suffix };
			return [0, 1].every(() => probe([again], true)[0].worst.ratio > LINEAR_BOUND);
		});
		const superLinear = confirmed.map(
			(r) =>
				`${r.file}:${r.line} /${r.source}/ grows ${r.worst.ratio.toFixed(0)}× on ${JSON.stringify(r.worst.pump)}×n + ${JSON.stringify(r.worst.suffix)}`,
		);
		expect(superLinear).toEqual([]);
	});

	it('would catch a quadratic pattern (the probe itself can fail), in both modes', () => {
		const quadratic = { file: 'probe', line: 1, source: '\\s+$', flags: '' };
		expect(probe([quadratic])[0].worst.ratio).toBeGreaterThan(LINEAR_BOUND);
		expect(probe([{ ...quadratic, pump: ' ', suffix: '!' }], true)[0].worst.ratio).toBeGreaterThan(
			LINEAR_BOUND,
		);
	});
});
