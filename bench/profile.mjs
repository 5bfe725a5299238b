// Where n8n's CPU goes while it runs the web-form entry template: V8's sampling profiler in n8n's
// main process, switched on over the inspector for one closed-loop burst only (n8n starts with the
// inspector's port set and closed, so the rest of the run pays nothing for it); the templates
// section profiles its own vm-engine instance this way, `--only=profile` starts one. Each sample is put in the first category
// (in the order below) that a frame of its stack belongs to, so "this package" is inclusive:
// everything our nodes' code calls, n8n's helpers included.
import { createServer } from 'node:net';
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

const sleep = async (ms) => await new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
	const server = createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/**
 * NODE_OPTIONS for an n8n that can be profiled later: the inspector's port is set but it stays
 * closed (no cost) until profileWindow() sends SIGUSR1. The task runner inherits the option and
 * never gets the signal.
 */
export const inspectableEnv = (port) => ({ NODE_OPTIONS: `--inspect-port=127.0.0.1:${port}` });

/** CPU profile of n8n's main process while `fn` runs, over the inspector (Profiler domain). */
export async function profileWindow(pid, port, fn) {
	process.kill(pid, 'SIGUSR1');
	let target;
	for (let tries = 0; !target && tries < 100; tries++) {
		target = await fetch(`http://127.0.0.1:${port}/json/list`)
			.then(async (r) => (await r.json())[0])
			.catch(() => undefined);
		if (!target) await sleep(200);
	}
	if (!target) throw new Error(`n8n's inspector did not open on port ${port}`);
	const socket = new WebSocket(target.webSocketDebuggerUrl);
	await new Promise((resolve, reject) => {
		socket.onopen = resolve;
		socket.onerror = () => reject(new Error('Could not connect to the inspector'));
	});
	const pending = new Map();
	let nextId = 1;
	socket.onmessage = (event) => {
		const message = JSON.parse(String(event.data));
		pending.get(message.id)?.(message.result);
		pending.delete(message.id);
	};
	const send = async (method, params = {}) =>
		await new Promise((resolve) => {
			const id = nextId++;
			pending.set(id, resolve);
			socket.send(JSON.stringify({ id, method, params }));
		});
	try {
		await send('Profiler.enable');
		await send('Profiler.start');
		await fn();
		return (await send('Profiler.stop')).profile;
	} finally {
		socket.close();
	}
}

/** The category table of a profile (every sample), as printed and kept in latest.json. */
export function reportProfile(profile, { requests, engine }) {
	const totals = categorize(profile, -Infinity, Infinity);
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
		`CPU profile of n8n's main process over ${requests} web-form inquiries at concurrency 4 (${engine} engine)`,
		rows,
	);
	const ours = (totals[CATEGORIES[0][0]] ?? 0) / busy;
	note(
		`this package's share of n8n's busy CPU: ${(100 * ours).toFixed(1)}% (target ≤ 15%: ${ours <= 0.15 ? 'met' : 'MISSED'})`,
	);
	return {
		requests,
		engine,
		totalsUs: totals,
		ourShare: ours,
		busyMsPerInquiry: busy / 1000 / requests,
	};
}

/** The profiled burst on a running template instance (started with inspectableEnv). */
export async function profileBurst(setup, port, { requests, engine }) {
	const profile = await profileWindow(setup.instance.server.pid, port, async () => {
		await postLoad(setup.instance.baseUrl, ENTRIES.form, {
			concurrency: 4,
			maxRequests: requests,
			maxSeconds: 600,
		});
	});
	return reportProfile(profile, { requests, engine });
}

/** `--only=profile`: its own vm-engine n8n (the full run profiles the templates section's). */
export async function runProfileBench({ root, quick, log = console.log }) {
	const harness = createRequire(import.meta.url)(join(root, 'bench/.build/harness.cjs'));
	const requests = quick ? 20 : 60;
	log('» CPU profile of n8n (inspector Profiler, vm engine) running the web-form entry');
	const port = await freePort();
	const setup = await startTemplateInstance(harness, {
		engine: 'vm',
		label: 'bench-profile',
		env: inspectableEnv(port),
	});
	try {
		await postLoad(setup.instance.baseUrl, ENTRIES.form, {
			concurrency: 2,
			maxRequests: 6,
			maxSeconds: 120,
		});
		return await profileBurst(setup, port, { requests, engine: 'vm' });
	} finally {
		await setup.stop();
	}
}
