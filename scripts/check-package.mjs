// Packs the package as npm would publish it, unpacks it, and runs the checks n8n's verification
// runs: manifest rules, the community-node lint over compiled output, and a load with only the
// host's modules resolvable. Exits non-zero on any problem.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	checkContents,
	checkLint,
	checkLoads,
	checkManifest,
	PROJECT_ROOT,
} from './package-check/checks.mjs';

/** Every file below a directory, as paths relative to it. */
function filesIn(dir, prefix = '') {
	return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
		const path = prefix ? `${prefix}/${entry.name}` : entry.name;
		return entry.isDirectory() ? filesIn(dir, path) : [path];
	});
}

/** All checks over one unpacked package directory. */
async function checkDirectory(dir) {
	const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	const loads = checkLoads(dir);
	const lint = await checkLint(dir);
	const contents = checkContents(filesIn(dir), pkg);
	return {
		problems: [...checkManifest(pkg), ...contents, ...loads.problems, ...lint.problems],
		loads,
		lint,
	};
}

// `--dir <unpacked package>`: check a directory as-is and print JSON (used by the tests that
// prove each check fails on purpose).
const dirFlag = process.argv.indexOf('--dir');
if (dirFlag !== -1) {
	const { problems } = await checkDirectory(process.argv[dirFlag + 1]);
	process.stdout.write(JSON.stringify({ problems }));
	process.exit(0);
}

const skipBuild = process.argv.includes('--no-build');
if (!skipBuild)
	execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });

const work = mkdtempSync(join(tmpdir(), 'inquiry-pack-'));
try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	)[0];
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
	const files = packed.files.map((f) => f.path).sort();
	// checkDirectory also checks the tarball's contents (exactly dist/, package.json, README.md, LICENSE).
	const { problems, loads, lint } = await checkDirectory(unpacked);

	console.log(
		`Packed ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked`,
	);
	if (loads.report) {
		console.log(
			`Loaded with only ${['n8n-workflow', 'zod', 'luxon', 'lodash', 'crypto'].join(', ')} resolvable: ${loads.report.nodes.map((n) => n.displayName).join(', ')}; credentials: ${loads.report.credentials.map((c) => c.name).join(', ') || 'none'}`,
		);
	}
	console.log(`Linted ${lint.filesLinted} files with n8n's community-node rules`);
	if (problems.length) {
		console.error(`\nPackage check failed (${problems.length}):\n- ${problems.join('\n- ')}`);
		process.exitCode = 1;
	} else {
		console.log('Package check passed');
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
