import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { DEFAULT_WORKERS, environmentInstall, queueEnvironment } from '../e2e/harness/queueMode';
import type { PostgresService, RedisService } from '../e2e/harness/services';
import { PATHS } from '../sim/vendors';

/**
 * docs/queue-mode/docker-compose.yml is not run here (nothing runs Docker); this holds its
 * topology and n8n settings to the ones the queue-mode harness runs for real.
 */
const root = join(__dirname, '../..');
const folder = join(root, 'docs/queue-mode');

interface Service {
	image?: string;
	command?: string;
	environment?: Record<string, string>;
	deploy?: { replicas?: number };
	volumes?: string[];
}
const compose = parse(readFileSync(join(folder, 'docker-compose.yml'), 'utf8'), {
	merge: true,
}) as { services: Record<string, Service> };
const service = (name: string) => compose.services[name];

/** The harness's shared settings, with placeholder addresses: only names and fixed values matter. */
const harness = queueEnvironment(
	{ host: 'h', port: 1, user: 'u', password: 'p', database: 'd' } as PostgresService,
	{ host: 'h', port: 2 } as RedisService,
	'key',
);
// Set by the harness only because its machine has no network (the module looks something up at start).
const HARNESS_ONLY = ['N8N_DISABLED_MODULES'];
const shared = Object.keys(harness).filter((name) => !HARNESS_ONLY.includes(name));

test('the recipe runs the harness topology: PostgreSQL, Redis, one main, the workers, the front', () => {
	expect(Object.keys(compose.services).sort()).toEqual(
		['front', 'n8n-main', 'n8n-worker', 'postgres', 'redis'].sort(),
	);
	expect(service('n8n-main').command).toBeUndefined();
	expect(service('n8n-worker').command).toBe('worker');
	expect(service('n8n-worker').deploy?.replicas).toBe(DEFAULT_WORKERS);
	expect([service('n8n-main').image, service('n8n-worker').image]).toEqual([
		'docker.n8n.io/n8nio/n8n:2.41.1',
		'docker.n8n.io/n8nio/n8n:2.41.1',
	]);
});

test.each(['n8n-main', 'n8n-worker'])(
	'%s gets every setting the harness gives each process',
	(name) => {
		const env = service(name).environment ?? {};
		expect(shared.filter((key) => !(key in env))).toEqual([]);
		expect([env.EXECUTIONS_MODE, env.DB_TYPE]).toEqual([harness.EXECUTIONS_MODE, harness.DB_TYPE]);
	},
);

test('main and workers share one database, one Redis and one encryption key', () => {
	const main = service('n8n-main').environment ?? {};
	const worker = service('n8n-worker').environment ?? {};
	expect(shared.map((key) => worker[key])).toEqual(shared.map((key) => main[key]));
});

test('the package is installed as the harness installs it: listed on main, reinstalled by each worker, same pinned version', () => {
	const install = environmentInstall();
	const main = service('n8n-main').environment ?? {};
	const worker = service('n8n-worker').environment ?? {};
	expect(Object.entries(install.main).filter(([key, value]) => main[key] !== value)).toEqual([]);
	expect(Object.entries(install.worker).filter(([key, value]) => worker[key] !== value)).toEqual(
		[],
	);
});

test("the front's config is the one scripts/services/haproxy.sh writes for the day's entry paths", () => {
	const written = execFileSync(
		'bash',
		[join(root, 'scripts/services/haproxy.sh'), 'config', 'n8n-main:5678', ...Object.values(PATHS)],
		{ encoding: 'utf8' },
	);
	expect(readFileSync(join(folder, 'haproxy.cfg'), 'utf8')).toBe(written);
	expect(service('front').volumes).toContain('./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
});
