import { execFile } from 'child_process';
import { readdirSync } from 'fs';
import { promisify } from 'util';
import type { N8nClient } from './client';
import type { PostgresService } from './services';

/**
 * The hub's Postgres store as the tests reach it: n8n's own Postgres credential pointing at the
 * stack's PostgreSQL, and plain SQL through Debian's psql to read what the hub wrote.
 */
export const STORE_CREDENTIAL = 'Inquiry store (Postgres, local)';

/** Creates n8n's Postgres credential for `postgres`; the templates' Postgres steps get it on import. */
export async function createStoreCredential(
	client: N8nClient,
	postgres: PostgresService,
): Promise<{ id: string; name: string }> {
	const id = await client.createCredential('postgres', STORE_CREDENTIAL, {
		host: postgres.host,
		port: postgres.port,
		database: postgres.database,
		user: postgres.user,
		password: postgres.password,
		ssl: 'disable',
		allowUnauthorizedCerts: false,
		maxConnections: 100,
		sshTunnel: false,
	});
	return { id, name: STORE_CREDENTIAL };
}

/** Debian's newest psql (the server scripts/services/postgres.sh starts comes from the same folder). */
function psqlBinary(): string {
	const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
	return `/usr/lib/postgresql/${versions[versions.length - 1]}/bin/psql`;
}

/** Runs `sql` through psql against `postgres` and returns what it printed (unaligned, tuples only). */
async function psql(postgres: PostgresService, sql: string): Promise<string> {
	const { stdout } = await promisify(execFile)(
		psqlBinary(),
		[
			'-h',
			postgres.host,
			'-p',
			String(postgres.port),
			'-U',
			postgres.user,
			'-d',
			postgres.database,
			'-qAt',
			'-v',
			'ON_ERROR_STOP=1',
			'-c',
			sql,
		],
		{ env: { ...process.env, PGPASSWORD: postgres.password }, maxBuffer: 64 * 1024 * 1024 },
	);
	return stdout;
}

/** The rows a query returns, as JSON objects. */
export async function sqlRows(
	postgres: PostgresService,
	query: string,
): Promise<Array<Record<string, unknown>>> {
	const printed = await psql(
		postgres,
		`SELECT coalesce(json_agg(row_to_json(q)), '[]') FROM (${query}) q`,
	);
	return JSON.parse(printed) as Array<Record<string, unknown>>;
}

/** Runs one statement (a test's own set-up, such as starting a new day of counts). */
export async function runSql(postgres: PostgresService, statement: string): Promise<void> {
	await psql(postgres, statement);
}
