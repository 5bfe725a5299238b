import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

/**
 * Tests that run against a real clock (a real n8n, the simulator, the templates as imported) must
 * build their dates from the run's own time: a fixed calendar date there is a time bomb that goes
 * off when the calendar passes it. A line may keep one only with a `fixed-date:` comment saying
 * why the clock cannot see it (for example a replayed day whose times are never compared with
 * now). `npm test` also runs the suites with the clock moved 18 months ahead.
 */
const ROOT = join(__dirname, '../..');
const WALL_CLOCK_PLACES = ['test/e2e', 'test/sim', 'workflows-templates/src'];
const CALENDAR_DATE = /\b20\d\d-[01]\d-[0-3]\d\b|Date\.UTC\(\s*20\d\d/;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === '.runs' || name === 'node_modules') return [];
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|mjs|json)$/.test(name) ? [path] : [];
	});
}

/** The simulator's own unit tests pin their clock; they run in the sim project, not against n8n. */
const pinsItsClock = (path: string) => /^test\/sim\/[^/]+\.test\.ts$/.test(path);

function fixedDates(): string[] {
	const found: string[] = [];
	for (const place of WALL_CLOCK_PLACES)
		for (const file of sourceFiles(join(ROOT, place))) {
			const path = relative(ROOT, file);
			if (pinsItsClock(path)) continue;
			readFileSync(file, 'utf8')
				.split('\n')
				.forEach((line, index) => {
					if (CALENDAR_DATE.test(line) && !line.includes('fixed-date:'))
						found.push(`${path}:${index + 1}: ${line.trim().slice(0, 120)}`);
				});
		}
	return found;
}

describe('no fixed calendar date where a test meets the real clock', () => {
	it('finds none in e2e tests, the simulator and the template sources', () => {
		expect(fixedDates()).toEqual([]);
	});

	it('would catch the out-of-office range that once failed when the calendar reached it', () => {
		const bomb =
			"const away = owners.map((o) => ({ ...o, outOfOffice: '2026-01-01..2027-12-31' }));";
		expect(CALENDAR_DATE.test(bomb)).toBe(true);
		expect(CALENDAR_DATE.test('const AWAY = { from: isoDay(-30), until: isoDay(395) };')).toBe(
			false,
		);
	});
});
