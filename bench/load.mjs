// The load generator, run as its own process on 127.0.0.1:
//   node bench/load.mjs '{"url":…,"body":…,"concurrency":4,"maxRequests":400,"maxSeconds":5,"expect":"verified"}'
// Keeps `concurrency` requests in flight until maxRequests are sent or maxSeconds have passed
// (whichever comes first), then prints one JSON line: completed requests, failures, elapsed
// seconds and each latency in ms. `{n}` in the body is replaced by a number unique to the request.
import { Agent, request } from 'node:http';

const {
	url,
	body,
	concurrency,
	maxRequests,
	maxSeconds,
	expect,
	firstNumber = 0,
} = JSON.parse(process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);
const deadline = performance.now() + maxSeconds * 1000;
const latencies = [];
const failures = [];
let sent = 0;

function post(n) {
	const payload = Buffer.from(body.replaceAll('{n}', String(n)));
	return new Promise((resolve) => {
		const started = performance.now();
		const req = request(
			{
				host: target.hostname,
				port: target.port,
				path: target.pathname,
				method: 'POST',
				agent,
				headers: { 'content-type': 'application/json', 'content-length': payload.length },
				timeout: 30_000,
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
					resolve();
				});
			},
		);
		req.on('timeout', () => req.destroy(new Error('timeout after 30 s')));
		req.on('error', (error) => {
			failures.push(error.message);
			resolve();
		});
		req.end(payload);
	});
}

async function worker() {
	while (sent < maxRequests && performance.now() < deadline) await post(firstNumber + sent++);
}

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
agent.destroy();
console.log(
	JSON.stringify({
		completed: latencies.length,
		failed: failures.length,
		failures: failures.slice(0, 3),
		seconds,
		latencies,
	}),
);
