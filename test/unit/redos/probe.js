// Runs in a child process so a catastrophic pattern can be killed by a timeout. Reads the
// regexes as JSON on stdin; prints one JSON line per regex as it finishes.
const SMALL = 1_000;
const LARGE = 8_000;
const BASE_PUMPS = ['a', '0', ' ', '\n', '.', '-', '@', '<', 'a ', '<a', 'a=', '&a'];
const SUFFIXES = ['!', '<', '\n!'];

// Careful mode (for a suspect, measured again): this process's own CPU time over longer windows,
// so other busy processes on the machine do not count as growth.
let careful = false;
const now = () =>
	careful
		? (process.cpuUsage().user + process.cpuUsage().system) / 1e3
		: Number(process.hrtime.bigint()) / 1e6;

function timeOf(re, input) {
	// Untimed first runs: V8 interprets a regex at first and compiles it after, which is not growth.
	for (let warm = 0; warm < 3; warm++) {
		re.lastIndex = 0;
		re.exec(input);
	}
	const window = careful ? 30 : 1;
	let best = Infinity;
	for (let round = 0; round < (careful ? 3 : 2); round++) {
		let runs = 0;
		const start = now();
		let elapsed = 0;
		do {
			re.lastIndex = 0;
			re.exec(input);
			runs++;
			elapsed = now() - start;
		} while ((elapsed < window || runs < 3) && runs < 100_000 && elapsed < 500);
		best = Math.min(best, elapsed / runs);
		if (elapsed > 500) break;
	}
	return best;
}

/** Literal characters and short fragments of the pattern itself make the best pumps. */
function pumpsFor(source) {
	const literal = source.replace(
		/\\[dswDSWbB]|\\u[0-9a-fA-F]{4}|\\p\{[^}]*\}|\[[^\]]*\]|[()?*+{}^$|]/g,
		' ',
	);
	const own = [...new Set(literal.replace(/\\/g, '').split(''))]
		.filter((c) => c.trim() !== '')
		.slice(0, 6);
	return [...new Set([...BASE_PUMPS, ...own, ...own.map((c) => c + ' ')])];
}

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
	const request = JSON.parse(input);
	careful = !Array.isArray(request) && request.careful === true;
	for (const { file, line, source, flags, pump: onlyPump, suffix: onlySuffix } of Array.isArray(
		request,
	)
		? request
		: request.regexes) {
		process.stdout.write(JSON.stringify({ started: `${file}:${line}` }) + '\n');
		const re = new RegExp(source, flags.replace('y', ''));
		let worst = { ratio: 0, pump: '', suffix: '', smallMs: 0, largeMs: 0 };
		// A suspect is measured again on the input that made it look super-linear.
		for (const pump of onlyPump === undefined ? pumpsFor(source) : [onlyPump]) {
			for (const suffix of onlySuffix === undefined ? SUFFIXES : [onlySuffix]) {
				const smallMs = timeOf(re, pump.repeat(Math.ceil(SMALL / pump.length)) + suffix);
				if (smallMs < 0.0005) continue; // matched at once, nothing to pump
				const largeMs = timeOf(re, pump.repeat(Math.ceil(LARGE / pump.length)) + suffix);
				const ratio = largeMs / Math.max(smallMs, 0.001);
				if (ratio > worst.ratio) worst = { ratio, pump, suffix, smallMs, largeMs };
			}
		}
		process.stdout.write(JSON.stringify({ file, line, source, worst }) + '\n');
	}
});
