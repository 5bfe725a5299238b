import type { Delivery, FrontService } from './harness';
import {
	dataTableRows,
	dataTablesNeeded,
	declaredTables,
	deliverLikeAVendor,
	ensureDataTables,
	importTemplates,
	loadTemplates,
	N8nClient,
	startFront,
	webhookEndpoints,
} from './harness';
import type { SimN8n } from '../sim/n8n';
import { startSimN8n } from '../sim/n8n';

/**
 * The readiness-gated front (HAProxy, scripts/services/haproxy.sh) in front of a real n8n 2.41.1
 * that is killed and started again while a vendor keeps posting through the front: the vendor must
 * see a 5xx and retry, never n8n's 200 "n8n is starting up", and every inquiry must reach the
 * ledger exactly once. Beside it, a probe straight at n8n counts the "starting up" answers a
 * vendor without the front would have taken as delivered.
 */
const FORM = 'inquiry-form';
const DELIVERIES = 30;
const STARTING_UP = 'n8n is starting up';
jest.setTimeout(5 * 60_000);

let sim: SimN8n;
let front: FrontService;
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
	sim = await startSimN8n({ installPack: true });
	// The form entry and the hub it runs (hubs first: the entry is linked to its hub on import).
	const templates = loadTemplates().filter(
		(t) =>
			t.file.startsWith('00-') ||
			t.file.startsWith('00c-') ||
			webhookEndpoints(t.workflow).some((e) => e.path === FORM),
	);
	await ensureDataTables(
		sim.client,
		dataTablesNeeded(
			templates.map((t) => t.workflow),
			declaredTables(),
		),
	);
	const published = await importTemplates(sim.client, templates);
	expect(published.map((t) => [t.file, t.published, t.note])).toEqual(
		templates.map((t) => [t.file, true, undefined]),
	);
	front = await startFront(Number(new URL(sim.baseUrl).port), [FORM]);
	// The front forwards once its first health check has passed.
	await new N8nClient(front.url).waitForWebhook(FORM, 30_000);
}, 20 * 60_000);

afterAll(async () => {
	await front?.stop();
	await sim?.stop();
});

/** Counts n8n's own "starting up" answers to a webhook post made straight at n8n, until `done`. */
async function probeDirectly(done: () => boolean): Promise<{ startingUp: number; probes: number }> {
	let startingUp = 0;
	let probes = 0;
	while (!done()) {
		// A GET on the POST-only entry starts no execution once n8n is up (404), and shows the door while it starts.
		const text = await fetch(`${sim.baseUrl}/webhook/${FORM}`, {
			signal: AbortSignal.timeout(2000),
		}).then(
			async (r) => await r.text(),
			() => '',
		);
		probes++;
		if (text.includes(STARTING_UP)) startingUp++;
		await sleep(50);
	}
	return { startingUp, probes };
}

test('n8n restarted behind the front: vendors get 503 and retry, never a 200 "starting up"; every inquiry lands on the ledger exactly once', async () => {
	const vendor = new N8nClient(front.url);
	const deliveries: Delivery[] = [];
	let restarted: Promise<void> | undefined;
	let sent = false;
	const sending = (async () => {
		for (let n = 0; n < DELIVERIES; n++) {
			const body = JSON.stringify({
				name: `Front Caller ${n}`,
				email: `front.${n}@example.com`,
				// Another person each time: one person's second contact would join the first inquiry.
				phone: `(415) 555-${3800 + n}`,
				message: `Front inquiry ${n}`,
				postal_code: '94110',
			});
			deliveries.push(await deliverLikeAVendor(vendor, FORM, body, 120));
			if (n === 4) {
				restarted = sim.restart();
			}
			await sleep(150);
		}
		sent = true;
	})();
	const direct = await probeDirectly(() => sent);
	await sending;
	await restarted;

	const answers = deliveries.flatMap((d) => d.answers);
	const retried = deliveries.filter((d) => d.attempts > 1).length;
	console.log(
		JSON.stringify({
			measured: 'n8n restart behind the front',
			retried,
			statuses: answers.reduce<Record<number, number>>(
				(acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }),
				{},
			),
			directProbe: direct,
		}),
	);
	expect(answers.filter((a) => a.text.includes(STARTING_UP))).toEqual([]);
	expect(deliveries.map((d) => [d.status, /^inq_/.test(d.inquiryId)])).toEqual(
		deliveries.map(() => [200, true]),
	);
	// The restart did fall inside the traffic: some deliveries met the front's 503 and were retried.
	expect(retried).toBeGreaterThan(0);
	expect(answers.filter((a) => a.status >= 500).every((a) => a.status === 503)).toBe(true);

	const ledger = await dataTableRows(sim.client, 'inquiry_ledger');
	expect(
		deliveries.map((d) => ledger.filter((row) => row.inquiryId === d.inquiryId).length),
	).toEqual(deliveries.map(() => 1));
});
