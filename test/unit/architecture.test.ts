import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

/**
 * The architecture rules, checked on every run: core/ is pure (no n8n), nodes reach the world
 * only through n8n-workflow and the core, and nothing imports what the n8n host does not provide.
 */
const ROOT = join(__dirname, '../..');
const IMPORT =
	/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			if (name !== 'test' && name !== 'node_modules') out.push(...sourceFiles(path));
		} else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
			out.push(path);
		}
	}
	return out;
}

function importsOf(file: string): string[] {
	// Comments may mention modules (usage examples); only code counts.
	const text = readFileSync(file, 'utf8')
		.replace(/\/\*[^]*?\*\//g, '')
		.replace(/^\s*\/\/.*$/gm, '');
	return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function violations(
	folder: string,
	allowed: (specifier: string, file: string) => boolean,
): string[] {
	return sourceFiles(join(ROOT, folder)).flatMap((file) =>
		importsOf(file)
			.filter((specifier) => !allowed(specifier, file))
			.map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
	);
}

const isRelative = (s: string) => s.startsWith('./') || s.startsWith('../');

/**
 * The layers inside core/: shared ← inquiry ← stages ← nodes. Each folder may import only the
 * folders listed for it (and itself); vendor wraps the one bundled library.
 */
const STAGE_BASE = ['inquiry', 'shared', 'vendor'];
const LAYERS: Record<string, string[]> = {
	shared: [],
	vendor: [],
	inquiry: ['shared', 'vendor'],
	context: STAGE_BASE,
	ownership: STAGE_BASE,
	handoff: STAGE_BASE,
	scorecard: STAGE_BASE,
	loop: STAGE_BASE,
};
/**
 * Stage-to-stage imports that are deliberate, by target file: the leak sweep, the report's three
 * clocks and the escalation ladder count business minutes with the same hours parser and clock as Assign Inquiry Owner, so
 * all three agree on a deadline.
 */
const BUSINESS_CLOCK = [
	'ownership/businessTime',
	'ownership/clock',
	'ownership/hours',
	'ownership/hoursText',
	'ownership/roster',
];
const ACROSS_STAGES = ['scorecard', 'loop'].flatMap((stage) =>
	BUSINESS_CLOCK.map((target) => `${stage} → ${target}`),
);

/** "core/handoff/stage.ts imports ../inquiry/read" as "handoff → inquiry/read", or undefined within one folder. */
function layerStep(
	file: string,
	specifier: string,
): { from: string; to: string; target: string } | undefined {
	const from = relative(join(ROOT, 'core'), file).split('/')[0];
	const target = relative(join(ROOT, 'core'), join(file, '..', specifier));
	const to = target.split('/')[0];
	return from === to ? undefined : { from, to, target };
}

function layerViolations(files: string[]): string[] {
	return files.flatMap((file) =>
		importsOf(file)
			.filter(isRelative)
			.flatMap((specifier) => {
				const step = layerStep(file, specifier);
				if (!step || !(step.from in LAYERS)) return [];
				if (
					LAYERS[step.from].includes(step.to) ||
					ACROSS_STAGES.includes(`${step.from} → ${step.target}`)
				)
					return [];
				return [`${relative(ROOT, file)} imports ${specifier}`];
			}),
	);
}

describe('architecture', () => {
	it('finds the source files it guards', () => {
		expect(sourceFiles(join(ROOT, 'core')).length).toBeGreaterThan(10);
		expect(importsOf(join(ROOT, 'core/inquiry/normalize.ts'))).toContain('./contact/phone');
	});

	it('keeps core/ pure: zod, luxon, crypto and relative files only (libphonenumber-js through core/vendor)', () => {
		const bad = violations('core', (s, file) => {
			if (isRelative(s) || ['zod', 'luxon', 'crypto'].includes(s)) return true;
			return relative(ROOT, file).startsWith('core/vendor/') && s.startsWith('libphonenumber-js');
		});
		expect(bad).toEqual([]);
	});

	it('lets nodes and credentials import only n8n-workflow and relative files', () => {
		const allowed = (s: string) => isRelative(s) || s === 'n8n-workflow';
		expect([...violations('nodes', allowed), ...violations('credentials', allowed)]).toEqual([]);
	});

	it('never lets core/ reach into nodes/ or credentials/', () => {
		const bad = violations('core', (s, file) => {
			if (!isRelative(s)) return true;
			const target = relative(ROOT, join(file, '..', s));
			return target.startsWith('core');
		});
		expect(bad).toEqual([]);
	});

	it('holds the layers inside core/: shared imports no domain, inquiry only shared, stages not each other', () => {
		expect(Object.keys(LAYERS).sort()).toEqual(
			readdirSync(join(ROOT, 'core'))
				.filter((name) => statSync(join(ROOT, 'core', name)).isDirectory())
				.sort(),
		);
		expect(layerViolations(sourceFiles(join(ROOT, 'core')))).toEqual([]);
	});

	it('finds a layer violation (the layer rule itself can fail)', () => {
		const file = join(ROOT, 'core/shared/example.ts');
		expect(layerStep(file, '../inquiry/schema')).toEqual({
			from: 'shared',
			to: 'inquiry',
			target: 'inquiry/schema',
		});
		expect(layerStep(file, './errors')).toBeUndefined();
		expect(LAYERS.shared).not.toContain('inquiry');
		expect(LAYERS.handoff).not.toContain('ownership');
	});

	it('detects a forbidden import (the rule itself can fail)', () => {
		const text = "import { Workflow } from 'n8n-workflow';\nconst x = require('fs');";
		expect([...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3])).toEqual([
			'n8n-workflow',
			'fs',
		]);
	});
});
