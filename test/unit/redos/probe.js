// Runs in a child process so a catastrophic pattern can be killed by a timeout. Reads the
// regexes as JSON on stdin; prints one JSON line per regex as it finishes.
const SMALL = 1_000;
const LARGE = 8_000;
const BASE_PUMPS = ['a', '0', ' ', '\n', '.', '-', '@', '<', 'a ', '<a', 'a=', '&a'];
const SUFFIXES = ['!', '<', '\n!'];

function timeOf(re, input) {
	let best = Infinity;
	for (let round = 0; round < 2; round++) {
		let runs = 0;
		const start = process.hrtime.bigint();
		let elapsed = 0;
		do {
			re.lastIndex = 0;
			re.exec(input);
			runs++;
			elapsed = Number(process.hrtime.bigint() - start) / 1e6;
		} while (elapsed < 1 && runs < 500);
		best = Math.min(best, elapsed / runs);
		if (elapsed > 500) break;
	}
	return best;
}

/** Literal characters and short fragments of the pattern itself make the best pumps. */
function pumpsFor(source) {
	const literal = source.replace(/\\[dswDSWbB]|\\u[0-9a-fA-F]{4}|\\p\{[^}]*\}|\[[^\]]*\]|[()?*+{}^$|]/g, ' ');
	const own = [...new Set(literal.replace(/\\/g, '').split(''))].filter((c) => c.trim() !== '').slice(0, 6);
	return [...new Set([...BASE_PUMPS, ...own, ...own.map((c) => c + ' ')])];
}

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
	for (const { file, line, source, flags } of JSON.parse(input)) {
		process.stdout.write(JSON.stringify({ started: `${file}:${line}` }) + '\n');
		const re = new RegExp(source, flags.replace('y', ''));
		let worst = { ratio: 0, pump: '', suffix: '', smallMs: 0, largeMs: 0 };
		for (const pump of pumpsFor(source)) {
			for (const suffix of SUFFIXES) {
				const small = pump.repeat(Math.ceil(SMALL / pump.length)) + suffix;
				const large = pump.repeat(Math.ceil(LARGE / pump.length)) + suffix;
				const smallMs = timeOf(re, small);
				if (smallMs < 0.0005) continue; // matched at once, nothing to pump
				const largeMs = timeOf(re, large);
				const ratio = largeMs / Math.max(smallMs, 0.001);
				if (ratio > worst.ratio) worst = { ratio, pump, suffix, smallMs, largeMs };
			}
		}
		process.stdout.write(JSON.stringify({ file, line, source, worst }) + '\n');
	}
});
