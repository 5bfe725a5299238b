// `npm run bench [-- --quick]`: builds, then runs every benchmark and writes bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

const { runCoreBench } = await import('./core.mjs');
const started = Date.now();
const results = {
	machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) },
	node: process.version,
	n8n: JSON.parse(readFileSync(join(root, 'node_modules/n8n-core/package.json'), 'utf8')).version,
	quick,
	core: runCoreBench({ quick }),
};
results.seconds = Math.round((Date.now() - started) / 1000);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify(results, null, 2));
console.log(`\nWrote bench/results/latest.json (${results.seconds} s)`);
