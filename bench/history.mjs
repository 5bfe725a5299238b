// Cost as history grows: the escalation ladder (06) and the weekly report (07), imported as
// shipped except that each starts from a webhook instead of its schedule, run over ledgers of
// 1k, 10k and 100k closed history rows (received evenly over the past year) plus 50 open
// inquiries posted through the web-form entry. Per size: the run's time (n8n's own start and stop
// times of the execution) and the rows its Data table reads returned.
import { fixed, note, printTable } from './measure.mjs';
import { ENTRIES, lastExecution } from './templateSetup.mjs';

const LADDER_PATH = 'inquiry-leak-sweep';
const REPORT_PATH = 'bench-weekly-report';
const OPEN = 50;
// Rows per insert request: n8n's public API takes them in one transaction; 5,000 rows are about
// 3.5 MB of JSON, well under n8n's 16 MB request limit, so 100k rows are 20 requests.
const BATCH = 5000;
const sleep = async (ms) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The template started from a GET webhook on `path`: the ladder (06) has one ("Sweep on
 * Request"); the report (07) gets its schedule trigger (same name) replaced by one.
 */
function onWebhook(harness, workflow, path) {
	if (workflow.nodes.some((node) => node.type === 'n8n-nodes-base.webhook')) return workflow;
	return harness.scheduleAsWebhook(workflow, path, 'GET');
}

function historyRow(i, total, now) {
	const received = new Date(now - ((i + 0.5) / total) * 365 * 86_400_000).toISOString();
	return {
		inquiryId: `inq_history_${i}`,
		receivedAt: received,
		channel: i % 3 ? 'web_form' : 'missed_call',
		sourceSystem: 'bench',
		urgency: 'normal',
		contactName: `History Customer ${i}`,
		contactEmail: `history.${i}@example.com`,
		contactPhone: `+1415${String(3_000_000 + i).padStart(7, '0')}`,
		identityKey: `email:history.${i}@example.com`,
		contactCount: 1,
		stage: 'claimed',
		entryCheck: 'pass',
		transferCheck: 'pass',
		contextCheck: 'pass',
		triggerCheck: 'pass',
		visibilityCheck: 'pass',
		ownerId: `owner-${(i % 3) + 1}`,
		assignedAt: received,
		verifiedAt: received,
		acceptedAt: received,
		handoffStatus: 'verified',
		open: 'no',
		score: 100,
		hops: 0,
	};
}

/** Rows the run's Data table reads returned (every get; updates and deletes are not reads). */
function rowsRead(execution, workflow) {
	const reads = new Set(
		workflow.nodes
			.filter((n) => n.type === 'n8n-nodes-base.dataTable' && n.parameters.operation === 'get')
			.map((n) => n.name),
	);
	let rows = 0;
	for (const [name, runs] of Object.entries(execution.data.resultData.runData))
		if (reads.has(name))
			for (const run of runs) rows += (run.data?.main ?? []).flat().filter(Boolean).length;
	return rows;
}

async function runOnce(instance, path, workflowId, workflow) {
	const before = Number((await lastExecution(instance, workflowId).catch(() => ({ id: 0 }))).id);
	const response = await fetch(`${instance.baseUrl}/webhook/${path}`);
	if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
	for (let tries = 0; tries < 600; tries++) {
		const execution = await lastExecution(instance, workflowId, before);
		if (execution.stoppedAt) {
			if (execution.status !== 'success')
				throw new Error(`${workflow.name} ended ${execution.status}`);
			return {
				ms: Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt),
				rowsRead: rowsRead(execution, workflow),
			};
		}
		await sleep(500);
	}
	throw new Error(`${workflow.name} did not finish`);
}

export async function historyBench(harness, setup, { sizes, postLoad, log, phases }) {
	const { instance } = setup;
	const templates = harness
		.loadTemplates()
		.filter((t) => t.file.startsWith('06-') || t.file.startsWith('07-'))
		.map((t) => ({
			...t,
			workflow: onWebhook(
				harness,
				t.workflow,
				t.file.startsWith('06-') ? LADDER_PATH : REPORT_PATH,
			),
		}));
	const published = await harness.importTemplates(instance, templates, {});
	const failed = published.filter((t) => !t.published);
	if (failed.length) throw new Error(failed.map((t) => `${t.file}: ${t.note}`).join('; '));
	const [ladder, report] = published.map((p, i) => ({ ...p, workflow: templates[i].workflow }));
	// Close what the earlier measurements left open, then 50 fresh open inquiries.
	await phases.time('history: 50 open inquiries', async () => {
		await harness.updateDataTableRows(instance, 'inquiry_ledger', { open: 'yes' }, { open: 'no' });
		await postLoad(instance.baseUrl, ENTRIES.form, {
			concurrency: 4,
			maxRequests: OPEN,
			maxSeconds: 600,
		});
	});
	const now = Date.now();
	const rows = [];
	let inserted = 0;
	for (const size of sizes) {
		await phases.time(`history: seed to ${size} rows`, async () => {
			while (inserted < size) {
				const batch = Array.from({ length: Math.min(BATCH, size - inserted) }, (_, k) =>
					historyRow(inserted + k, sizes[sizes.length - 1], now),
				);
				await harness.insertDataTableRows(instance, 'inquiry_ledger', batch);
				inserted += batch.length;
			}
		});
		const row = { historyRows: size };
		await phases.time(`history: runs at ${size}`, async () => {
			for (const [key, template, path] of [
				['ladder', ladder, LADDER_PATH],
				['report', report, REPORT_PATH],
			]) {
				const runs = [];
				for (let r = 0; r < 2; r++)
					runs.push(await runOnce(instance, path, template.id, template.workflow));
				runs.sort((a, b) => a.ms - b.ms);
				row[key] = runs[0];
			}
		});
		rows.push(row);
		log(`  history ${size}: done`);
	}
	const first = rows[0];
	const last = rows[rows.length - 1];
	const growth = {
		ladderTime: last.ladder.ms / first.ladder.ms,
		ladderRows: last.ladder.rowsRead / first.ladder.rowsRead,
		reportTime: last.report.ms / first.report.ms,
		reportRows: last.report.rowsRead / first.report.rowsRead,
		historyGrowth: last.historyRows / first.historyRows,
	};
	printTable(
		`Cost as history grows: ladder (06) and weekly report (07) over closed history rows (received over the past year) + ${OPEN} open inquiries; faster of 2 runs`,
		rows.map((r) => ({
			'history rows': r.historyRows.toLocaleString('en'),
			'ladder ms': fixed(0)(r.ladder.ms),
			'ladder rows read': r.ladder.rowsRead,
			'report ms': fixed(0)(r.report.ms),
			'report rows read': r.report.rowsRead,
		})),
	);
	note(
		`${growth.historyGrowth}× history: ladder time ${fixed(2)(growth.ladderTime)}×, rows read ${fixed(2)(growth.ladderRows)}× (target ≤ 1.2×: ${growth.ladderTime <= 1.2 && growth.ladderRows <= 1.2 ? 'met' : 'MISSED'}); report time ${fixed(2)(growth.reportTime)}×, rows read ${fixed(2)(growth.reportRows)}× (target: no faster than linear: ${growth.reportTime <= growth.historyGrowth ? 'met' : 'MISSED'})`,
	);
	return { rows, growth };
}
