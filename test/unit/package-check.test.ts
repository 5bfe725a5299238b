import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

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

function probe(manifest: object, source: string): string[] {
	mkdirSync(join(work, 'dist'), { recursive: true });
	writeFileSync(join(work, 'package.json'), JSON.stringify(manifest, null, 2));
	writeFileSync(join(work, 'dist/Probe.node.js'), source);
	writeFileSync(join(work, 'dist/index.js'), 'module.exports = {};\n');
	const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check-package.mjs'), '--dir', work], { encoding: 'utf8' });
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
		const problems = probe({ ...VALID_MANIFEST, dependencies: { 'libphonenumber-js': '^1.12.0' } }, nodeSource(''));
		expect(problems).toContain('runtime dependencies are not allowed: libphonenumber-js');
		expect(problems.some((p) => p.includes('no-runtime-dependencies'))).toBe(true);
	});

	it('fails when compiled code reads process.env', () => {
		const problems = probe(VALID_MANIFEST, nodeSource('const secret = process.env.SECRET;'));
		expect(problems.some((p) => p.includes('no-restricted-globals'))).toBe(true);
	});

	it('fails when the peer dependency is not exactly n8n-workflow "*"', () => {
		const problems = probe({ ...VALID_MANIFEST, peerDependencies: { 'n8n-workflow': '^2.0.0' } }, nodeSource(''));
		expect(problems).toContain('peerDependencies must be exactly {"n8n-workflow": "*"}');
	});
});
