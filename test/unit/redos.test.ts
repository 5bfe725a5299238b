import { spawnSync } from 'child_process';
import { join } from 'path';
import { collectRegexes } from './redos/collect';

/**
 * ReDoS probe: every regular expression in the shipped code is fed pathological inputs of 1,000
 * and 8,000 characters (its own characters repeated, with endings that force a failed match).
 * Linear cost grows ~8× between the two; quadratic ~64×, exponential never returns. The test
 * asserts the growth ratio, never a time.
 */
const ROOT = join(__dirname, '../..');
const LINEAR_BOUND = 24;

describe('ReDoS probe', () => {
	const { found, dynamic } = collectRegexes(ROOT, ['core', 'nodes', 'credentials']);

	it('finds the regular expressions in the shipped code', () => {
		expect(found.length).toBeGreaterThan(20);
		expect(found.some((r) => r.file === 'core/inquiry/contact/email.ts')).toBe(true);
	});

	it('builds every dynamic RegExp from a plain character class (reviewed list)', () => {
		// Dynamic patterns cannot be probed by source; each must be listed here after review.
		expect(dynamic.sort()).toEqual(['core/inquiry/contact/message.ts:2', 'core/inquiry/contact/name.ts:7']);
	});

	it('keeps every regex linear in its input length', () => {
		const run = spawnSync(process.execPath, [join(__dirname, 'redos/probe.js')], { input: JSON.stringify(found), encoding: 'utf8', timeout: 120_000 });
		const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { started?: string; file: string; line: number; source: string; worst: { ratio: number; pump: string; suffix: string } });
		if (run.signal) throw new Error(`The probe never returned on ${lines[lines.length - 1]?.started}: catastrophic backtracking`);
		const results = lines.filter((l) => !l.started);
		expect(results).toHaveLength(found.length);
		const superLinear = results
			.filter((r) => r.worst.ratio > LINEAR_BOUND)
			.map((r) => `${r.file}:${r.line} /${r.source}/ grows ${r.worst.ratio.toFixed(0)}× on ${JSON.stringify(r.worst.pump)}×n + ${JSON.stringify(r.worst.suffix)}`);
		expect(superLinear).toEqual([]);
	});

	it('would catch a quadratic pattern (the probe itself can fail)', () => {
		const quadratic = [{ file: 'probe', line: 1, source: '\\s+$', flags: '' }];
		const run = spawnSync(process.execPath, [join(__dirname, 'redos/probe.js')], { input: JSON.stringify(quadratic), encoding: 'utf8', timeout: 60_000 });
		const result = JSON.parse(run.stdout.trim().split('\n')[1]) as { worst: { ratio: number } };
		expect(result.worst.ratio).toBeGreaterThan(LINEAR_BOUND);
	});
});
