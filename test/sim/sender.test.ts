import type { IncomingMessage, Server, ServerResponse } from 'http';
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { speedupFor } from './drive';
import { generateDay } from './generate';
import { sendDay } from './sender';
import type { ControlMoment, SenderConfig } from './sender';
import { SIM_SECRET } from './sign';

interface Seen {
	seq: number;
	at: number;
	path: string;
	body: string;
	signature?: string;
}

/** A stand-in webhook on 127.0.0.1: fails the first try of seq 2 and forged-looking seq 3, answers receipts. */
async function listen(seen: Seen[]): Promise<{ server: Server; baseUrl: string }> {
	const server = createServer((request: IncomingMessage, response: ServerResponse) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		request.on('end', () => {
			const seq = Number(request.headers['x-sim-seq']);
			const tries = seen.filter((entry) => entry.seq === seq).length;
			seen.push({
				seq,
				at: Date.now(),
				path: request.url ?? '',
				body,
				signature: request.headers['x-twilio-signature'] as string,
			});
			const json = { 'content-type': 'application/json' };
			if (seq === 2 && tries === 0) response.writeHead(503).end();
			else if (seq === 3) response.writeHead(401, json).end('{"status":"rejected"}');
			else
				response
					.writeHead(200, json)
					.end(JSON.stringify({ inquiryId: `inq_${seq}`, status: 'received' }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('sendDay (the vendors’ side)', () => {
	const day = generateDay({ count: 300 });
	const events = day.events.slice(0, 6);
	let server: Server;
	let baseUrl: string;
	const seen: Seen[] = [];
	const config = (changes: Partial<SenderConfig>): SenderConfig => ({
		eventsFile: '',
		baseUrl,
		rate: 20,
		maxSeconds: 10,
		speedup: 1e9,
		concurrency: 4,
		maxAttempts: 3,
		retryBaseMs: 400,
		secret: SIM_SECRET,
		controls: [],
		settleMs: 0,
		...changes,
	});
	const noControl = async () => {};
	beforeAll(async () => ({ server, baseUrl } = await listen(seen)));
	beforeEach(() => seen.splice(0));
	afterAll(async () => await new Promise((resolve) => server.close(resolve)));

	it('posts each delivery byte for byte in order, retries like a vendor, and keeps every receipt', async () => {
		const progress: number[] = [];
		const deliveries = await sendDay(events, config({}), {
			progress: (event) => progress.push(event.seq),
			control: noControl,
		});

		expect(deliveries.map((d) => [d.seq, d.status, d.attempts, d.inquiryId ?? null])).toEqual(
			events.map((event) => [
				event.seq,
				event.seq === 3 ? 401 : 200,
				event.seq === 2 ? 2 : 1,
				event.seq === 3 ? null : `inq_${event.seq}`,
			]),
		);
		expect(deliveries.find((d) => d.seq === 3)?.receiptStatus).toBeUndefined();
		expect(progress).toEqual(events.map((event) => event.seq));
		for (const event of events) {
			const posted = seen.filter((entry) => entry.seq === event.seq);
			expect(
				posted.every(
					(entry) => entry.body === event.rawBody && entry.path === `/webhook/${event.path}`,
				),
			).toBe(true);
		}
		// The retry waited out the backoff; first tries kept to the rate bound (one
		// per 50 ms; arrival jitter can shorten one gap, so the span is checked over five gaps).
		const [first, retry] = seen.filter((entry) => entry.seq === 2);
		expect(retry.at - first.at).toBeGreaterThanOrEqual(380);
		const starts = events.map((event) => seen.find((entry) => entry.seq === event.seq)?.at ?? 0);
		expect(starts[5] - starts[0]).toBeGreaterThanOrEqual(200);
	});

	it('holds the traffic for a world change until every earlier delivery is answered, but not for a restart', async () => {
		const calm = events.filter((event) => event.seq !== 2 && event.seq !== 3).slice(0, 3);
		const log: string[] = [];
		const controls: ControlMoment[] = [
			{ atMs: calm[1].atMs, blocking: true },
			{ atMs: calm[2].atMs, blocking: false },
		];
		await sendDay(calm, config({ controls, rate: 100 }), {
			progress: (event) => log.push(`sent ${event.seq}`),
			control: async (index) => {
				log.push(`control ${index} (${seen.length} answered)`);
				await new Promise((resolve) => setTimeout(resolve, 300));
				log.push(`control ${index} done`);
			},
		});
		expect(log).toEqual([
			`sent ${calm[0].seq}`,
			'control 0 (1 answered)',
			'control 0 done',
			`sent ${calm[1].seq}`,
			// The restart neither waited for the delivery in flight nor held the next one.
			'control 1 (1 answered)',
			`sent ${calm[2].seq}`,
		]);
	});

	it('sends nothing after its time bound and marks the rest as not sent', async () => {
		const bounded = config({ rate: 2, maxSeconds: 0.6, concurrency: 1, maxAttempts: 1 });
		const deliveries = await sendDay(events, bounded, { control: noControl });
		expect(deliveries.filter((d) => d.status !== undefined)).toHaveLength(2);
		expect(deliveries.slice(2).every((d) => d.status === undefined && d.attempts === 0)).toBe(true);
	});
});

describe('speedupFor', () => {
	it('compresses the day so its average rate stays at 60% of the bound, within 75% of the time bound', () => {
		const day = generateDay({ count: 600 });
		const span = day.events[day.events.length - 1].atMs - day.events[0].atMs;
		expect(speedupFor(day, 10, 3600)).toBeCloseTo(span / 100_000, 6);
		expect(speedupFor(day, 10, 40)).toBeCloseTo(span / 30_000, 6);
	});
});
