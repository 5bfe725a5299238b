import { randomBytes } from 'crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { join, relative } from 'path';
import type { Owner } from './client';
import { N8nClient } from './client';
import { installPack } from './communityPackage';
import { packedTarball } from './pack';
import { PROJECT_ROOT } from './paths';
import type { N8nProcess } from './process';
import { freePort, launchN8n } from './process';
import { ensureRuntime } from './runtime';
import type { TemplateSetup } from './templates';
import { createDemoCrmCredential, setUpTemplates, tryItCommands } from './templates';

/** `npm start`: one persistent local n8n, kept in .n8n-local/ (gitignored) and reused on the next start. */
const LOCAL_FOLDER = join(PROJECT_ROOT, '.n8n-local');
const LOGIN_FILE = join(LOCAL_FOLDER, 'login.json');
const PORT = 5678;
const DEFAULT_BROKER_PORT = 5679;

interface Login extends Owner {
	apiKey: string;
	/** The local signing secret the templates' signature checks use (a credential in n8n). */
	webhookSecret?: { id: string; name: string; secret: string };
	/** The credential template 01c reads the demo CRM back with. */
	demoCrm?: { id: string; name: string };
}

const say = (line = '') => process.stdout.write(`${line}\n`);

async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

function readLogin(): Login | undefined {
	return existsSync(LOGIN_FILE)
		? (JSON.parse(readFileSync(LOGIN_FILE, 'utf8')) as Login)
		: undefined;
}

function saveLogin(login: Login): void {
	writeFileSync(LOGIN_FILE, `${JSON.stringify(login, null, 2)}\n`);
	chmodSync(LOGIN_FILE, 0o600);
}

/** n8n's password rule: 8+ characters with a number and a capital letter. */
function newPassword(): string {
	return `Inquiry-${randomBytes(12).toString('base64url')}-7K`;
}

/** Logs in with the saved owner, or creates the owner on the first start; makes sure the API key works. */
async function signIn(client: N8nClient): Promise<Login> {
	const saved = readLogin();
	if (!saved) {
		const owner: Owner = {
			email: 'owner@example.com',
			password: newPassword(),
			firstName: 'Local',
			lastName: 'Owner',
		};
		await client.setupOwner(owner).catch((error: Error) => {
			throw new Error(
				`${error.message}\nThis n8n already has an owner but ${relative(PROJECT_ROOT, LOGIN_FILE)} is gone. To start over, stop n8n and delete .n8n-local/.`,
			);
		});
		const login = { ...owner, apiKey: await client.createApiKey('npm start') };
		saveLogin(login);
		return login;
	}
	await client.login(saved);
	client.apiKey = saved.apiKey;
	if (!(await client.apiKeyWorks())) {
		saved.apiKey = await client.createApiKey('npm start');
		saveLogin(saved);
	}
	return saved;
}

/**
 * The secret the templates that check signatures are published with. Created once and kept in
 * the login file; put your vendor's real signing secret into this credential in the editor.
 */
async function localWebhookSecret(client: N8nClient, login: Login): Promise<{ id: string; name: string }> {
	if (login.webhookSecret) {
		const exists = await client.api('GET', `/credentials/${login.webhookSecret.id}`).then(
			() => true,
			() => false,
		);
		if (exists) return { id: login.webhookSecret.id, name: login.webhookSecret.name };
	}
	const name = 'Inquiry Webhook Secret (local)';
	const secret = randomBytes(24).toString('base64url');
	const id = await client.createCredential('inquiryWebhookSecretApi', name, { secret, publicUrl: '' });
	login.webhookSecret = { id, name, secret };
	saveLogin(login);
	return { id, name };
}

/** The demo CRM credential, created once and kept in the login file like the webhook secret. */
async function localDemoCrm(client: N8nClient, login: Login): Promise<{ id: string; name: string }> {
	const saved = login.demoCrm;
	if (saved && (await client.api('GET', `/credentials/${saved.id}`).then(() => true, () => false))) return saved;
	login.demoCrm = await createDemoCrmCredential(client);
	saveLogin(login);
	return login.demoCrm;
}

function printSummary(baseUrl: string, login: Login, setup: TemplateSetup): void {
	const rule = '─'.repeat(72);
	say(`\n${rule}`);
	say(`n8n is running at ${baseUrl}  (this pack installed, SQLite in .n8n-local/)`);
	say(`Sign in with  ${login.email}  /  ${login.password}`);
	say(`API key (X-N8N-API-KEY) in ${relative(PROJECT_ROOT, LOGIN_FILE)}`);
	if (login.webhookSecret) say(`Webhook signing secret (credential "${login.webhookSecret.name}"): ${login.webhookSecret.secret}`);
	if (setup.tables.length > 0) {
		say('\nData tables:');
		for (const table of setup.tables) {
			const change = table.created
				? 'created'
				: table.addedColumns.length > 0
					? `added ${table.addedColumns.join(', ')}`
					: 'ready';
			const reserved =
				table.systemColumns.length > 0
					? `  (n8n keeps ${table.systemColumns.join(', ')} itself: not created)`
					: '';
			say(`  ${table.name.padEnd(28)} ${change}${reserved}`);
		}
	}
	say(setup.templates.length > 0 ? '\nTemplates:' : '\nNo templates in workflows-templates/ yet.');
	for (const template of setup.templates) {
		const state = template.published ? '✔ published' : template.id ? '○ imported ' : '✘ failed   ';
		say(`  ${state}  ${template.name}${template.note ? `  (${template.note})` : ''}`);
		if (template.id) say(`               ${baseUrl}/workflow/${template.id}`);
	}
	const commands = tryItCommands(baseUrl, setup.templates, { secret: login.webhookSecret?.secret });
	if (commands.length > 0) say(`\nTry it:\n\n${commands.join('\n\n')}`);
	say(
		`\nn8n's log: ${relative(PROJECT_ROOT, join(LOCAL_FOLDER, 'n8n.log'))}.  Press Ctrl-C to stop n8n.`,
	);
	say(rule);
}

let stopping = false;

/** Stops n8n gracefully on Ctrl-C (or a TERM), then exits. */
function stopOnSignals(n8n: N8nProcess): void {
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		say(`\n${signal}: stopping n8n…`);
		void n8n.stop().then(() => process.exit(0));
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

export async function runLocalN8n(): Promise<void> {
	const runtime = ensureRuntime('2.41.1');
	mkdirSync(LOCAL_FOLDER, { recursive: true });
	say('» Building and packing the package');
	const tarball = packedTarball();
	if (installPack(LOCAL_FOLDER, tarball, runtime))
		say(`» Installed ${relative(PROJECT_ROOT, tarball)} into .n8n-local/.n8n/nodes`);

	if (!(await portIsFree(PORT)))
		throw new Error(
			`Port ${PORT} on 127.0.0.1 is in use (another n8n, or a previous npm start?). Stop it and run npm start again.`,
		);
	const brokerPort = (await portIsFree(DEFAULT_BROKER_PORT))
		? DEFAULT_BROKER_PORT
		: await freePort();
	say(`» Starting n8n ${runtime.version} on http://127.0.0.1:${PORT}`);
	const n8n = await launchN8n({
		runtime,
		userFolder: LOCAL_FOLDER,
		port: PORT,
		brokerPort,
		engine: 'vm',
		logFile: join(LOCAL_FOLDER, 'n8n.log'),
	});
	stopOnSignals(n8n);

	const client = new N8nClient(n8n.baseUrl);
	try {
		const login = await signIn(client);
		say('» Creating Data tables, importing and publishing templates');
		const secret = await localWebhookSecret(client, login);
		const demoCrm = await localDemoCrm(client, login);
		printSummary(n8n.baseUrl, login, await setUpTemplates(client, undefined, { inquiryWebhookSecretApi: secret, handoffDestinationApi: demoCrm }));
	} catch (error) {
		await n8n.stop();
		throw new Error(`${(error as Error).message}\n${n8n.logTail(20)}`);
	}

	const code = await n8n.exited;
	if (stopping) return;
	say(`n8n exited by itself (code ${code}).\n${n8n.logTail(20)}`);
	process.exit(code ?? 1);
}
