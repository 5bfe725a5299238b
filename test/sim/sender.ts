/**
 * The vendors' side of the simulated day, run as its own process (forked by drive.ts) so the
 * traffic never shares an event loop with whatever it is testing. It posts each delivery to
 * 127.0.0.1 at its moment of the (compressed) day, never faster than `rate` per second and never
 * longer than `maxSeconds`, retrying like a vendor does, and reports every answer back.
 */
import { readFileSync } from 'fs';
import type { Delivery } from './observed';
import { N8N_STARTING_UP } from './observed';
import { signEvent } from './sign';
import type { SimEvent } from './types';

/** A moment of the day when the driver changes the world. */
export interface ControlMoment {
	atMs: number;
	/**
	 * Whether the day's clock stops while it is applied. A world change (a table down, a roster
	 * emptied) is instantaneous in the day, so traffic drains, waits `settleMs` for running
	 * executions, and pauses until it is done. A restart is not: traffic keeps coming while n8n is
	 * down, as it would.
	 */
	blocking: boolean;
}

export interface SenderConfig {
	eventsFile: string;
	baseUrl: string;
	/** Post everything to this webhook path instead of each vendor's (the naive run). */
	pathOverride?: string;
	/** Most deliveries started per second, retries included. */
	rate: number;
	/** Nothing is sent or retried after this. */
	maxSeconds: number;
	/** How many times faster than real time the day runs. */
	speedup: number;
	concurrency: number;
	/** Tries per delivery, the first included (vendors retry non-2xx answers and dropped connections). */
	maxAttempts: number;
	/** The first retry's delay; each next one doubles it (default 1 s, as vendors back off). */
	retryBaseMs?: number;
	secret: string;
	controls: ControlMoment[];
	/** How long executions may still run after their webhook answered, before a world change. */
	settleMs: number;
}

export type SenderMessage =
	| { type: 'progress'; atMs: number; seq: number }
	| { type: 'control'; index: number }
	| { type: 'done'; deliveries: Delivery[]; seconds: number };

export interface SenderHooks {
	progress?(event: SimEvent): void;
	/** Applies control `index`; a blocking one holds the traffic until it resolves. */
	control(index: number): Promise<void>;
}

const sleep = async (ms: number) =>
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Whether a vendor would try again: dropped connections, timeouts, 404 while n8n restarts, 408, 429, 5xx. */
const retryable = (status: number) =>
	status === 0 || status === 404 || status === 408 || status === 429 || status >= 500;

function receiptOf(text: string): Pick<Delivery, 'inquiryId' | 'receiptStatus' | 'startingUp'> {
	if (text.startsWith(N8N_STARTING_UP)) return { startingUp: true };
	try {
		const parsed = JSON.parse(text) as unknown;
		const first = (Array.isArray(parsed) ? parsed[0] : parsed) as
			| Record<string, unknown>
			| undefined;
		const id = first?.inquiryId ?? first?.id;
		return {
			inquiryId: typeof id === 'string' && id !== '' ? id : undefined,
			receiptStatus: typeof first?.status === 'string' ? first.status : undefined,
		};
	} catch {
		return {};
	}
}

export async function sendDay(
	events: SimEvent[],
	config: SenderConfig,
	hooks: SenderHooks,
): Promise<Delivery[]> {
	const started = Date.now();
	const deadline = started + config.maxSeconds * 1000;
	const firstAt = events[0]?.atMs ?? 0;
	const minGapMs = 1000 / config.rate;
	let nextSlot = started;
	let pausedMs = 0;
	let nextControl = 0;
	const deliveries = new Map<number, Delivery>();
	const running = new Set<Promise<void>>();

	/** Waits for the next start slot under the rate bound; false once the time is up. */
	const takeSlot = async (notBefore: number): Promise<boolean> => {
		if (notBefore > deadline) return false;
		await sleep(notBefore - Date.now());
		const at = Math.max(Date.now(), nextSlot);
		if (at > deadline) return false;
		nextSlot = at + minGapMs;
		await sleep(at - Date.now());
		return true;
	};

	const post = async (event: SimEvent): Promise<{ status: number; text: string }> => {
		const path = config.pathOverride ?? event.path;
		const timeoutMs = Math.max(1000, Math.min(30_000, deadline - Date.now() + 10_000));
		try {
			const response = await fetch(`${config.baseUrl}/webhook/${path}`, {
				method: event.method,
				headers: { ...signEvent(event, Date.now(), config.secret), 'x-sim-seq': String(event.seq) },
				body: event.rawBody,
				signal: AbortSignal.timeout(timeoutMs),
			});
			return { status: response.status, text: await response.text() };
		} catch {
			return { status: 0, text: '' };
		}
	};

	const deliver = async (event: SimEvent) => {
		const delivery: Delivery = { seq: event.seq, attempts: 0, sentAtMs: Date.now() };
		deliveries.set(event.seq, delivery);
		for (;;) {
			delivery.attempts += 1;
			const { status, text } = await post(event);
			delivery.status = status;
			if (status >= 200 && status < 300) return void Object.assign(delivery, receiptOf(text));
			if (!retryable(status) || delivery.attempts >= config.maxAttempts) return;
			if (
				!(await takeSlot(Date.now() + (config.retryBaseMs ?? 1000) * 2 ** (delivery.attempts - 1)))
			)
				return;
		}
	};

	/** Applies every control due before `atMs`; blocking ones stop the day's clock while they run. */
	const controlsBefore = async (atMs: number) => {
		while (nextControl < config.controls.length && config.controls[nextControl].atMs <= atMs) {
			const index = nextControl++;
			if (!config.controls[index].blocking) {
				void hooks.control(index);
				continue;
			}
			const pausedAt = Date.now();
			await Promise.all(running);
			await sleep(config.settleMs);
			await hooks.control(index);
			pausedMs += Date.now() - pausedAt;
		}
	};

	for (const event of events) {
		await controlsBefore(event.atMs);
		const due = started + pausedMs + (event.atMs - firstAt) / config.speedup;
		if (!(await takeSlot(due))) break;
		while (running.size >= config.concurrency) await Promise.race(running);
		hooks.progress?.(event);
		const task = deliver(event).finally(() => running.delete(task));
		running.add(task);
	}
	await Promise.all(running);
	return events.map((event) => deliveries.get(event.seq) ?? { seq: event.seq, attempts: 0 });
}

/** Forked: the config in, progress and control messages out (a `resume` answers each control), `done` last. */
if (require.main === module && process.send) {
	const send = (message: SenderMessage) => process.send?.(message);
	const resumes = new Map<number, () => void>();
	process.on('message', (message: SenderConfig | { type: 'resume'; index: number }) => {
		if ('type' in message) return void resumes.get(message.index)?.();
		const events = JSON.parse(readFileSync(message.eventsFile, 'utf8')) as SimEvent[];
		const started = Date.now();
		const hooks: SenderHooks = {
			progress: (event) => send({ type: 'progress', atMs: event.atMs, seq: event.seq }),
			control: async (index) =>
				await new Promise<void>((resolve) => {
					resumes.set(index, resolve);
					send({ type: 'control', index });
				}),
		};
		void sendDay(events, message, hooks).then((deliveries) => {
			// Disconnect only once the (large) report is flushed, or the driver sees an exit without it.
			process.send?.({ type: 'done', deliveries, seconds: (Date.now() - started) / 1000 }, () =>
				process.disconnect?.(),
			);
		});
	});
}
