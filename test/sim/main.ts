/**
 * `npm run sim [-- --quick | --count N] [--seed S] [--rate R] [--max-seconds T] [--naive-only] [--queue]`:
 * a simulated business day driven through the published templates in a real n8n, then the same
 * traffic through the naive workflow (not on the queue day), and the day's table. Exits 1 when our
 * templates leaked silently, created a duplicate, or left an inquiry unclaimed past its deadline
 * with no escalation.
 * `--queue` runs the day on n8n's queue mode behind the readiness-gated front (queue.ts).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { RUNS_DIR } from '../e2e/harness/paths';
import { readScorecardItem } from '../../core/scorecard/ledger';
import { periodReport } from '../../core/scorecard/report';
import type { DriveOptions, DriveResult } from './drive';
import { repliesToFollowUp } from './answers';
import { formatDayTable, formatNaiveReasons } from './format';
import { generateDay, SIM_DEFAULTS } from './generate';
import type { NaiveReport } from './naive';
import { reportNaive } from './naive';
import type { SimN8n } from './n8n';
import { startSimN8n } from './n8n';
import { describeTally } from './patience';
import { QUEUE_SIM, startQueueSim } from './queue';
import type { DayReport } from './report';
import { reportDay } from './report';
import type { TemplatesDay } from './stages';
import { runNaive, runTemplates } from './stages';
import type { FaultKind, SimControl, SimDay } from './types';

export interface SimArgs {
	count: number;
	seed: number;
	rate: number;
	maxSeconds: number;
	naiveOnly: boolean;
	/** Leave the n8n restart out of the day (npm test does; see README's Reliability section). */
	noRestart: boolean;
	/** Queue mode: main + 2 workers, Postgres store, HAProxy front (queue.ts). */
	queue: boolean;
}

export function parseArgs(argv: readonly string[]): SimArgs {
	const value = (name: string) => {
		const at = argv.indexOf(name);
		return at === -1 ? undefined : Number(argv[at + 1]);
	};
	const quick = argv.includes('--quick');
	const count = value('--count') ?? (quick ? SIM_DEFAULTS.quickCount : SIM_DEFAULTS.count);
	return {
		count,
		seed: value('--seed') ?? SIM_DEFAULTS.seed,
		rate: value('--rate') ?? 25,
		// A bound, not a target: on two busy cores n8n itself takes 3–5 inquiries a second through the chain.
		maxSeconds: value('--max-seconds') ?? (quick ? 600 : 5400),
		naiveOnly: argv.includes('--naive-only'),
		noRestart: argv.includes('--no-restart'),
		queue: argv.includes('--queue'),
	};
}

const say = (line = '') => process.stdout.write(`${line}\n`);

const FAULT_OF_CONTROL: Record<SimControl['kind'], FaultKind> = {
	destination_down: 'destination_outage',
	destination_up: 'destination_outage',
	owners_away: 'owners_away',
	owners_back: 'owners_away',
	restart: 'restart',
};

/** The window faults the run really caused: a control that was only noted did not happen. */
function causedFaults(run: DriveResult): Set<FaultKind> {
	return new Set(
		run.controls.filter((c) => c.applied).map((c) => FAULT_OF_CONTROL[c.control.kind]),
	);
}

function describeRun(label: string, run: DriveResult & { notes: string[] }): void {
	const answered = (test: (status: number) => boolean) =>
		run.deliveries.filter((d) => d.status !== undefined && test(d.status)).length;
	const retried = run.deliveries.filter((d) => d.attempts > 1).length;
	say(
		`${label}: ${run.seconds.toFixed(0)} s, day ran ${run.speedup.toFixed(0)}× faster than real time`,
	);
	say(
		`  answers: ${answered((s) => s >= 200 && s < 300)} 2xx, ${answered((s) => s >= 400 && s < 500)} 4xx, ${answered((s) => s >= 500)} 5xx, ` +
			`${answered((s) => s === 0)} no answer, ${run.deliveries.filter((d) => d.status === undefined).length} not sent; ${retried} retried`,
	);
	for (const { control, applied, note, atSecond } of run.controls)
		say(
			`  ${applied ? '✔' : '–'} ${control.kind}${control.window ? ` #${control.window}` : ''} at ${atSecond.toFixed(0)} s${note ? ` (${note})` : ''}`,
		);
	for (const note of run.notes) say(`  ! ${note}`);
}

/** What the business's people did: the messages they read and n8n's answers to their clicks. */
function describePeople(run: TemplatesDay): void {
	const answers = (byStatus: Record<string, number>) =>
		Object.entries(byStatus)
			.map(([status, n]) => `${n}× ${status}`)
			.join(', ') || 'none';
	const { people } = run;
	say(
		`  people: read ${people.messagesRead} owner messages (${people.withoutLinks} without links); "I've got it" answered ${answers(people.claims)}; "I've contacted them" answered ${answers(people.contacts)}; ${people.notDone} clicks still planned at the end; ladder passes after the traffic: ${run.ladderPasses}, ${run.afterTrafficSeconds.toFixed(0)} s`,
	);
}

/**
 * The day's continuity report, as the Scorecard node's Summarize Period makes it from the ledger
 * rows (`npm run sim -- --picture` screenshots it for the README).
 */
function dayScorecard(ledger: Array<Record<string, unknown>>, count: number): string {
	const now = new Date();
	const rows = ledger.flatMap((row) => {
		try {
			return [readScorecardItem(row, now)];
		} catch {
			return [];
		}
	});
	return periodReport(rows, {
		now,
		timezone: 'America/New_York',
		title: `Simulated business day: ${count.toLocaleString('en-US')} deliveries`,
		businessName: 'Inquiry Continuity templates in n8n 2.41.1',
	}).html;
}

/** The same traffic through the naive "webhook → write record" workflow, with its own restart. */
async function naiveDay(
	sim: SimN8n,
	day: SimDay,
	drive: Omit<DriveOptions, 'onControl' | 'pathOverride'>,
): Promise<NaiveReport> {
	const run = await runNaive(sim, day, drive);
	describeRun('Naive workflow', run);
	return reportNaive(day.events, run.deliveries, run.rows);
}

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));
	const senderScript = join(__dirname, 'sender.cjs');
	say(
		`Simulated day: ${args.count.toLocaleString('en-US')} deliveries, seed ${args.seed}, at most ${args.rate}/s and ${args.maxSeconds} s per run`,
	);
	const queue = args.queue ? await startQueueSim() : undefined;
	const sim = queue ?? (await startSimN8n({ installPack: !args.naiveOnly }));
	try {
		const generated = generateDay({ seed: args.seed, count: args.count, baseUrl: sim.baseUrl });
		const day = args.noRestart
			? {
					...generated,
					timeline: generated.timeline.filter((control) => control.kind !== 'restart'),
				}
			: generated;
		if (args.noRestart) say('The n8n restart is left out of this day (--no-restart).');
		const drive = {
			senderScript,
			rate: args.rate,
			maxSeconds: args.maxSeconds,
			...(queue ? { maxAttempts: QUEUE_SIM.maxAttempts } : {}),
		};
		const out = process.env.SIM_OUT ?? join(RUNS_DIR, queue ? 'sim-queue' : 'sim');
		mkdirSync(out, { recursive: true });
		let ours: DayReport | undefined;
		let repliesModelled: number | undefined;
		if (!args.naiveOnly) {
			const run = await runTemplates(sim, day, drive);
			describeRun('Templates', run);
			describePeople(run);
			ours = reportDay(day.events, run.deliveries, run.tables, { caused: causedFaults(run) });
			repliesModelled = repliesToFollowUp(day, run.deliveries);
			writeFileSync(join(out, 'day-report.html'), dayScorecard(run.tables.ledger, args.count));
			// Everything the figures come from, to look into a leak or a duplicate by hand.
			const details = { deliveries: run.deliveries, controls: run.controls, tables: run.tables };
			writeFileSync(join(out, 'templates-run.json'), JSON.stringify(details));
		}
		// The queue day is judged on our templates alone: a second traffic pass with a second
		// restart on the same stack would double its time and answer nothing it asks.
		const naive = queue && !args.naiveOnly ? undefined : await naiveDay(sim, day, drive);

		for (const note of queue?.workerNotes() ?? []) say(`  ${note}`);
		const caption = `${args.count.toLocaleString('en-US')} deliveries (seed ${args.seed}), n8n 2.41.1${queue ? ` ${QUEUE_SIM.caption}` : ''}, vm expression engine, ≤ ${args.rate} deliveries/s`;
		const table = ours
			? formatDayTable(ours, naive, { caption, repliesModelled })
			: `Naive workflow: ${naive!.inquiriesIn} inquiries in, ${naive!.recordsWritten} records, ${naive!.silentLeaks} silent leaks, ${naive!.duplicatesCreated} duplicates`;
		say();
		say(table);
		say(naive ? formatNaiveReasons(naive) : 'Naive workflow: not run on the queue day.');
		const retried = `Harness ${describeTally(sim.retries)}`;
		say(retried);
		if (ours)
			say(
				`Unmet fault expectations: ${JSON.stringify(ours.unmet)}; leaking: ${ours.leakingInquiries.join(', ') || 'none'}; unclaimed past deadline: ${ours.loop.unclaimedInquiries.join(', ') || 'none'}`,
			);
		writeFileSync(
			join(out, 'latest.json'),
			`${JSON.stringify({ args, ours, naive, timeline: day.timeline, retries: sim.retries }, null, 2)}\n`,
		);
		writeFileSync(join(out, 'latest.md'), `${table}\n\n${retried}\n`);
		say(`\nWrote ${join(out, 'latest.json')}`);
		const failed =
			ours &&
			(ours.silentLeaks > 0 ||
				ours.duplicatesCreated.total > 0 ||
				ours.loop.unclaimedPastDeadline > 0);
		return failed ? 1 : 0;
	} finally {
		await sim.stop();
	}
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error: Error) => {
			process.stderr.write(`${error.stack ?? error.message}\n`);
			process.exit(1);
		},
	);
}
