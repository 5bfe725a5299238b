import { fork } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Delivery } from './observed';
import type { SenderConfig, SenderMessage } from './sender';
import { SIM_SECRET } from './sign';
import type { SimControl, SimDay } from './types';

export interface DriveOptions {
	/** The bundled sender script (test/sim/sender.ts built by run.mjs). */
	senderScript: string;
	/** Most deliveries started per second (default 25). */
	rate?: number;
	/** Hard bound on the whole run, retries included (default 600). */
	maxSeconds?: number;
	concurrency?: number;
	maxAttempts?: number;
	/** Send everything to one path (the naive workflow's). */
	pathOverride?: string;
	secret?: string;
	/**
	 * Breaks or heals the world when the day reaches a control's moment (destination down, owners
	 * away, n8n restart). Resolves with a note when the control cannot be applied to this target.
	 */
	onControl?: (control: SimControl) => Promise<string | undefined>;
	/** How long running executions get to finish before the world changes (default 3 s). */
	settleMs?: number;
}

export interface AppliedControl {
	control: SimControl;
	applied: boolean;
	note?: string;
	/** Seconds after the traffic started. */
	atSecond: number;
}

export interface DriveResult {
	deliveries: Delivery[];
	controls: AppliedControl[];
	seconds: number;
	/** How many times faster than real time the day ran. */
	speedup: number;
}

/**
 * The day compressed so its average rate is 60% of the bound (bursts use the rest) and it ends
 * well inside the time bound.
 */
export function speedupFor(day: SimDay, rate: number, maxSeconds: number): number {
	const span = (day.events[day.events.length - 1]?.atMs ?? 0) - (day.events[0]?.atMs ?? 0);
	const plannedSeconds = Math.min(maxSeconds * 0.75, day.events.length / (rate * 0.6));
	return Math.max(1, span / (plannedSeconds * 1000));
}

/**
 * Sends a simulated day from a second process to 127.0.0.1 and applies the timeline's controls
 * as the traffic reaches them. Returns every delivery's final answer.
 */
export async function driveDay(
	day: SimDay,
	baseUrl: string,
	options: DriveOptions,
): Promise<DriveResult> {
	const rate = options.rate ?? 25;
	const maxSeconds = options.maxSeconds ?? 600;
	const folder = mkdtempSync(join(tmpdir(), 'inquiry-sim-traffic-'));
	const eventsFile = join(folder, 'events.json');
	writeFileSync(eventsFile, JSON.stringify(day.events));
	const speedup = speedupFor(day, rate, maxSeconds);
	const config: SenderConfig = {
		eventsFile,
		baseUrl,
		pathOverride: options.pathOverride,
		rate,
		maxSeconds,
		speedup,
		concurrency: options.concurrency ?? 8,
		maxAttempts: options.maxAttempts ?? 6,
		secret: options.secret ?? SIM_SECRET,
		controls: day.timeline.map((control) => ({
			atMs: control.atMs,
			blocking: control.kind !== 'restart',
		})),
		settleMs: options.settleMs ?? 3000,
	};

	const started = Date.now();
	const reached = new Set<number>();
	const controls: AppliedControl[] = [];
	let applying = Promise.resolve();
	const apply = (control: SimControl) => {
		applying = applying.then(async () => {
			const atSecond = (Date.now() - started) / 1000;
			try {
				const note = options.onControl ? await options.onControl(control) : 'no control handler';
				controls.push({
					control,
					applied: note === undefined,
					...(note ? { note } : {}),
					atSecond,
				});
			} catch (error) {
				controls.push({ control, applied: false, note: (error as Error).message, atSecond });
			}
		});
		return applying;
	};

	const sender = fork(options.senderScript, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	try {
		const deliveries = await new Promise<Delivery[]>((resolve, reject) => {
			sender.on('message', (message: SenderMessage) => {
				if (message.type === 'control') {
					reached.add(message.index);
					void apply(day.timeline[message.index]).then(() =>
						sender.send({ type: 'resume', index: message.index }),
					);
				} else if (message.type === 'done') resolve(message.deliveries);
			});
			// Messages still in the channel are delivered after 'exit' may fire: give them a moment.
			sender.once('exit', (code) =>
				setTimeout(
					() => reject(new Error(`The traffic sender exited (${code}) before reporting`)),
					2000,
				),
			);
			sender.send(config);
		});
		// The traffic ended (or ran out of time) before these moments: heal what is broken, skip the rest.
		for (const control of day.timeline.filter((_, index) => !reached.has(index))) {
			if (control.kind === 'destination_up' || control.kind === 'owners_back') apply(control);
			else
				controls.push({
					control,
					applied: false,
					note: 'the traffic ended before this moment',
					atSecond: (Date.now() - started) / 1000,
				});
		}
		await applying;
		return { deliveries, controls, seconds: (Date.now() - started) / 1000, speedup };
	} finally {
		if (sender.exitCode === null) sender.kill();
		rmSync(folder, { recursive: true, force: true });
	}
}
