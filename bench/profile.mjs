// Where n8n's CPU goes while it runs the web-form entry template: n8n started under
// `node --cpu-prof` (NODE_OPTIONS, so its task runner is profiled too), the template set up as in
// bench/templateSetup.mjs, a closed-loop burst posted, n8n stopped (it writes the profile on
// exit). Only samples taken during the burst count. Each sample is put in the first category
// (in the order below) that a frame of its stack belongs to, so "this package" is inclusive:
// everything our nodes' code calls, n8n's helpers included.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fixed, note, printTable } from './measure.mjs';
import { postLoad } from './templates.mjs';
import { ENTRIES, startTemplateInstance } from './templateSetup.mjs';

const CATEGORIES = [
	// The installed package (the runtime's own cache folder also carries the package's name).
	[
		'this package (nodes, inclusive)',
		(url) => url.includes('/node_modules/n8n-nodes-inquiry-continuity/'),
	],
	['Data table nodes and service', (url) => /data-table|DataTable/.test(url)],
	['expressions', (url) => /expression|isolated-vm|tmpl|@n8n\/expression-runtime/i.test(url)],
	['database (SQLite, TypeORM)', (url) => /sqlite|typeorm/i.test(url)],
	['Send Email (nodemailer)', (url) => /nodemailer|EmailSend/.test(url)],
	['other n8n and Node', () => true],
];

function categorize(profile, fromUs, toUs) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const categoryOf = new Map();
	const classify = (id) => {
		if (categoryOf.has(id)) return categoryOf.get(id);
		const urls = [];
		for (let at = id; at !== undefined; at = parent.get(at)) urls.push(byId.get(at).callFrame.url);
		const own = byId.get(id).callFrame.functionName;
		const category =
			own === '(idle)' || own === '(program)' || own === '(garbage collector)'
				? own
				: CATEGORIES.find(([, test]) => urls.some((url) => url && test(url)))[0];
		categoryOf.set(id, category);
		return category;
	};
	const totals = {};
	let t = profile.startTime;
	profile.samples.forEach((id, i) => {
		t += profile.timeDeltas[i];
		if (t < fromUs || t > toUs) return;
		const category = classify(id);
		totals[category] = (totals[category] ?? 0) + profile.timeDeltas[i];
	});
	return totals;
}

export async function runProfileBench({ root, quick, log = console.log }) {
	const harness = createRequire(import.meta.url)(join(root, 'bench/.build/harness.cjs'));
	const dir = mkdtempSync(join(tmpdir(), 'inquiry-bench-prof-'));
	const requests = quick ? 20 : 60;
	log('» CPU profile of n8n (node --cpu-prof, vm engine) running the web-form entry');
	const spawnedAt = performance.now();
	const setup = await startTemplateInstance(harness, {
		engine: 'vm',
		label: 'bench-profile',
		env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` },
	});
	let window;
	try {
		await postLoad(setup.instance.baseUrl, ENTRIES.form, {
			concurrency: 2,
			maxRequests: 6,
			maxSeconds: 120,
		});
		const from = performance.now();
		await postLoad(setup.instance.baseUrl, ENTRIES.form, {
			concurrency: 4,
			maxRequests: requests,
			maxSeconds: 600,
		});
		window = [(from - spawnedAt) * 1000, (performance.now() - spawnedAt) * 1000];
	} finally {
		await setup.stop();
	}
	// The largest profile is n8n's main process (the task runner's is small and idle here).
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.cpuprofile'))
		.map((f) => readFileSync(join(dir, f), 'utf8'))
		.sort((a, b) => b.length - a.length);
	rmSync(dir, { recursive: true, force: true });
	if (!files.length) throw new Error('n8n wrote no CPU profile');
	const profile = JSON.parse(files[0]);
	// The profile's clock starts about when n8n was spawned: the burst's window on that clock.
	const totals = categorize(profile, profile.startTime + window[0], profile.startTime + window[1]);
	const busy = Object.entries(totals)
		.filter(([k]) => k !== '(idle)')
		.reduce((sum, [, us]) => sum + us, 0);
	const rows = Object.entries(totals)
		.filter(([k]) => k !== '(idle)')
		.sort((a, b) => b[1] - a[1])
		.map(([category, us]) => ({
			category,
			'CPU ms per inquiry': fixed(1)(us / 1000 / requests),
			share: `${((100 * us) / busy).toFixed(1)}%`,
		}));
	printTable(
		`CPU profile of n8n's main process over ${requests} web-form inquiries at concurrency 4 (vm engine)`,
		rows,
	);
	const ours = (totals[CATEGORIES[0][0]] ?? 0) / busy;
	note(
		`this package's share of n8n's busy CPU: ${(100 * ours).toFixed(1)}% (target ≤ 15%: ${ours <= 0.15 ? 'met' : 'MISSED'})`,
	);
	return { requests, totalsUs: totals, ourShare: ours, busyMsPerInquiry: busy / 1000 / requests };
}
