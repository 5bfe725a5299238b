// CPU time of a process and all its live descendants, from Linux /proc (user + system): n8n with
// its task runner, a worker, PostgreSQL's postmaster with its backends, Redis.
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100;

function processTable() {
	const table = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
			table.push({
				pid: Number(entry),
				ppid: Number(fields[1]),
				cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS,
			});
		} catch {
			// The process ended between listing and reading.
		}
	}
	return table;
}

/** CPU ms so far of each root pid's process tree, read at one instant. */
export function treeCpuMs(roots) {
	const table = processTable();
	const children = new Map();
	for (const p of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
	const sumFrom = (pid) => {
		const self = table.find((p) => p.pid === pid)?.cpuMs ?? 0;
		return self + (children.get(pid) ?? []).reduce((sum, child) => sum + sumFrom(child.pid), 0);
	};
	return Object.fromEntries(Object.entries(roots).map(([name, pid]) => [name, sumFrom(pid)]));
}

/**
 * CPU seconds of this process's children that have ended and been waited for (Linux
 * /proc/self/stat cutime + cstime): read before and after a section's process to get the CPU its
 * whole tree used (n8n and the load generators end inside it and are reaped there).
 */
export function reapedChildrenCpuSeconds() {
	try {
		const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
		return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
	} catch {
		return NaN;
	}
}
