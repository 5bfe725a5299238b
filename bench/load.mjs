// The load generator, run as its own process on 127.0.0.1:
//   node bench/load.mjs '{"url":…,"body":…,"concurrency":4,"maxRequests":400,"maxSeconds":5,"expect":"verified"}'
// Closed loop (default): keeps `concurrency` requests in flight until maxRequests are sent or
// maxSeconds have passed. Open loop (`rate` per second): sends on a fixed schedule for maxSeconds
// whatever the answers, as vendors do. Prints one JSON line: completed requests, failures, elapsed
// seconds, each latency in ms and, with `record`, each request's number, send time (epoch ms) and
// answer. `{n}` in the body is replaced by a number unique to the request, `{n6}` by its last six
// digits. `twilioSecret`: the body is a JSON object of form fields, posted form-encoded and signed
// the way Twilio signs (HMAC-SHA1 over the URL and the sorted fields).
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

const spec = JSON.parse(process.argv[2]);
const { url, body, concurrency = 1, maxRequests, maxSeconds, expect, firstNumber = 0 } = spec;
const agent = new Agent({ keepAlive: true, maxSockets: spec.rate ? 256 : concurrency });
const target = new URL(url);
const deadline = performance.now() + maxSeconds * 1000;
const latencies = [];
const failures = [];
const records = [];
let sent = 0;

function payloadFor(n) {
	const text = body
		.replaceAll('{n6}', String(n % 1e6).padStart(6, '0'))
		.replaceAll('{n}', String(n));
	if (!spec.twilioSecret)
		return { type: 'application/json', bytes: Buffer.from(text), headers: {} };
	const fields = JSON.parse(text);
	const signed = Object.keys(fields)
		.sort()
		.reduce((all, key) => all + key + fields[key], url);
	const signature = createHmac('sha1', spec.twilioSecret).update(signed).digest('base64');
	return {
		type: 'application/x-www-form-urlencoded',
		bytes: Buffer.from(new URLSearchParams(fields).toString()),
		headers: { 'x-twilio-signature': signature },
	};
}

function post(n) {
	const payload = payloadFor(n);
	return new Promise((resolve) => {
		const at = Date.now();
		const started = performance.now();
		const req = request(
			{
				host: target.hostname,
				port: target.port,
				path: target.pathname,
				method: 'POST',
				agent,
				headers: {
					'content-type': payload.type,
					'content-length': payload.bytes.length,
					...payload.headers,
				},
				timeout: 180_000,
			},
			(res) => {
				const chunks = [];
				res.on('data', (chunk) => chunks.push(chunk));
				res.on('end', () => {
					const ms = performance.now() - started;
					const text = Buffer.concat(chunks).toString('utf8');
					const ok = res.statusCode === 200 && (!expect || text.includes(`"${expect}"`));
					if (ok) latencies.push(ms);
					else failures.push(`${res.statusCode} ${text.slice(0, 200)}`);
					if (spec.record) records.push({ n, at, ms, ok, answer: text.slice(0, 300) });
					resolve();
				});
			},
		);
		req.on('timeout', () => req.destroy(new Error('timeout after 180 s')));
		req.on('error', (error) => {
			failures.push(error.message);
			// Kept: an unanswered post may still reach its owner (time to the owner counts it).
			if (spec.record)
				records.push({ n, at, ms: performance.now() - started, ok: false, answer: error.message });
			resolve();
		});
		req.end(payload.bytes);
	});
}

async function worker() {
	while (sent < maxRequests && performance.now() < deadline) await post(firstNumber + sent++);
}

async function openLoop() {
	const start = performance.now();
	const inFlight = [];
	const total = Math.min(maxRequests, Math.round(spec.rate * maxSeconds));
	for (let i = 0; i < total; i++) {
		const due = start + (i * 1000) / spec.rate;
		const wait = due - performance.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		inFlight.push(post(firstNumber + sent++));
	}
	await Promise.all(inFlight);
}

const started = performance.now();
if (spec.rate) await openLoop();
else await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
agent.destroy();
console.log(
	JSON.stringify({
		completed: latencies.length,
		failed: failures.length,
		failures: failures.slice(0, 3),
		seconds,
		latencies,
		...(spec.record ? { records } : {}),
	}),
);
