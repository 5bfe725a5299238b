import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

/**
 * Proves the packed-package check fails on purpose: each case builds a tiny unpacked package
 * with one defect and runs the real checker over it.
 */
const ROOT = join(__dirname, '../..');
const VALID_MANIFEST = {
	name: 'n8n-nodes-probe',
	version: '1.0.0',
	description: 'A probe package for the packed-package check.',
	license: 'MIT',
	keywords: ['n8n-community-node-package'],
	author: { name: 'Probe', email: 'probe@example.com' },
	homepage: 'https://example.com',
	files: ['dist'],
	main: 'dist/index.js',
	peerDependencies: { 'n8n-workflow': '*' },
	n8n: { n8nNodesApiVersion: 1, strict: true, nodes: ['dist/Probe.node.js'], credentials: [] },
};
const nodeSource = (extra: string) => `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const n8n_workflow_1 = require("n8n-workflow");
${extra}
class Probe {
	constructor() {
		this.description = { displayName: 'Probe', name: 'probe', group: ['transform'], version: 1, description: 'Probe node', defaults: { name: 'Probe' }, inputs: [n8n_workflow_1.NodeConnectionTypes.Main], outputs: [n8n_workflow_1.NodeConnectionTypes.Main], usableAsTool: true, properties: [] };
	}
	async execute() { return [this.getInputData().map((item, i) => ({ json: item.json, pairedItem: { item: i } }))]; }
}
exports.Probe = Probe;
`;

let work: string;
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), 'probe-pkg-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function probe(
	manifest: object,
	source: string,
	extraFiles: Record<string, string | null> = {},
): string[] {
	mkdirSync(join(work, 'dist'), { recursive: true });
	const files: Record<string, string | null> = {
		'package.json': JSON.stringify(manifest, null, 2),
		'README.md': '# Probe\n',
		LICENSE: 'MIT License\n',
		'dist/Probe.node.js': source,
		'dist/Probe.node.json': JSON.stringify({
			node: 'n8n-nodes-probe.probe',
			categories: ['Utility'],
		}),
		'dist/index.js': 'module.exports = {};\n',
		...extraFiles,
	};
	for (const [file, text] of Object.entries(files)) {
		if (text === null) continue;
		mkdirSync(join(work, dirname(file)), { recursive: true });
		writeFileSync(join(work, file), text);
	}
	const run = spawnSync(
		process.execPath,
		[join(ROOT, 'scripts/check-package.mjs'), '--dir', work],
		{ encoding: 'utf8' },
	);
	if (run.status !== 0) throw new Error(run.stderr);
	return (JSON.parse(run.stdout) as { problems: string[] }).problems;
}

describe('packed-package check', () => {
	it('passes a clean package (the control case)', () => {
		expect(probe(VALID_MANIFEST, nodeSource(''))).toEqual([]);
	});

	it('fails when a node requires a module the n8n host does not provide', () => {
		const problems = probe(VALID_MANIFEST, nodeSource('const axios = require("axios");'));
		expect(problems.some((p) => p.includes('FORBIDDEN_REQUIRE axios'))).toBe(true);
		expect(problems.some((p) => p.includes('no-restricted-imports'))).toBe(true);
	});

	it('fails when a node requires a Node built-in other than crypto', () => {
		const problems = probe(VALID_MANIFEST, nodeSource('const fs = require("fs");'));
		expect(problems.some((p) => p.includes('FORBIDDEN_REQUIRE fs'))).toBe(true);
	});

	it('fails when the manifest declares a runtime dependency', () => {
		const problems = probe(
			{ ...VALID_MANIFEST, dependencies: { 'libphonenumber-js': '^1.12.0' } },
			nodeSource(''),
		);
		expect(problems).toContain('runtime dependencies are not allowed: libphonenumber-js');
		expect(problems.some((p) => p.includes('no-runtime-dependencies'))).toBe(true);
	});

	it('fails when compiled code reads process.env', () => {
		const problems = probe(VALID_MANIFEST, nodeSource('const secret = process.env.SECRET;'));
		expect(problems.some((p) => p.includes('no-restricted-globals'))).toBe(true);
	});

	it('fails when README.md or LICENSE is missing from the package', () => {
		const problems = probe(VALID_MANIFEST, nodeSource(''), { 'README.md': null, LICENSE: null });
		expect(problems).toEqual(
			expect.arrayContaining([
				'missing from the tarball: README.md',
				'missing from the tarball: LICENSE',
			]),
		);
	});

	it('fails on a file outside dist/ other than package.json, README.md and LICENSE', () => {
		const problems = probe(VALID_MANIFEST, nodeSource(''), {
			'src/Probe.node.ts': 'export {};\n',
			'.env': 'X=1\n',
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				'unexpected file in the tarball: src/Probe.node.ts',
				'unexpected file in the tarball: .env',
			]),
		);
	});

	it('fails when a node package.json names, or its codex, is not in the package', () => {
		const manifest = {
			...VALID_MANIFEST,
			n8n: { ...VALID_MANIFEST.n8n, nodes: ['dist/Probe.node.js', 'dist/Other.node.js'] },
		};
		const problems = probe(manifest, nodeSource(''), { 'dist/Probe.node.json': null });
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringContaining('missing from the tarball: dist/Other.node.js'),
				expect.stringContaining('missing from the tarball: dist/Probe.node.json'),
			]),
		);
	});

	it('fails when the peer dependency is not exactly n8n-workflow "*"', () => {
		const problems = probe(
			{ ...VALID_MANIFEST, peerDependencies: { 'n8n-workflow': '^2.0.0' } },
			nodeSource(''),
		);
		expect(problems).toContain('peerDependencies must be exactly {"n8n-workflow": "*"}');
	});
});

describe('this package as npm packs it', () => {
	it('npm pack --dry-run lists only dist/, package.json, README.md and LICENSE, and all four', () => {
		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json'], {
				cwd: ROOT,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}),
		) as Array<{ files: Array<{ path: string }> }>;
		const topLevel = new Set(packed[0].files.map((file) => file.path.split('/')[0]));

		expect([...topLevel].sort()).toEqual(
			['LICENSE', 'README.md', 'dist', 'package.json'].filter(
				(entry) => entry !== 'dist' || existsSync(join(ROOT, 'dist')),
			),
		);
	});
});
