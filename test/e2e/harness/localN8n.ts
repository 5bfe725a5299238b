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
import type { LocalSetup, LocalTemplate } from './localTemplates';
import { setUpLocalTemplates } from './localTemplates';
import type { MailDev } from './mailDev';
import { mailDevSmtpCredential, startMailDev } from './mailDev';
import { createDemoCrmCredential, tryItCommands } from './templates';
import { dataTableRows, updateDataTableRows } from './dataTables';

/** `npm start`: one persistent local n8n, kept in .n8n-local/ (gitignored) and reused on the next start. */
const LOCAL_FOLDER = join(PROJECT_ROOT, '.n8n-local');
const LOGIN_FILE = join(LOCAL_FOLDER, 'login.json');
const DEFAULT_PORT = 5678;
const DEFAULT_BROKER_PORT = 5679;
/** MailDev's usual ports; free ports are used when they are taken. */
const MAIL_SMTP_PORT = 1025;
const MAIL_WEB_PORT = 1080;

/** `npm start [-- --reset] [-- --port 5680]`; the port may also come from N8N_PORT. */
export interface StartFlags {
	reset: boolean;
	port: number;
}

export function readStartFlags(argv: string[], env: NodeJS.ProcessEnv): StartFlags {
	const flags: StartFlags = { reset: false, port: Number(env.N8N_PORT) || DEFAULT_PORT };
	for (let i = 0; i < argv.length; i++) {
		const [name, inline] = argv[i].split('=', 2);
		if (name === '--reset') flags.reset = true;
		else if (name === '--port') {
			const port = Number(inline ?? argv[++i]);
			if (!Number.isInteger(port) || port < 1 || port > 65535)
				throw new Error(`--port needs a port number, got "${inline ?? argv[i]}"`);
			flags.port = port;
		} else
			throw new Error(
				`Unknown option ${argv[i]}. Use --reset (reload every template over your edits) or --port <number>.`,
			);
	}
	return flags;
}

interface Login extends Owner {
	apiKey: string;
	/** The local signing secret the templates' signature checks use (a credential in n8n). */
	webhookSecret?: { id: string; name: string; secret: string };
	/** The credential template 01c reads the demo CRM back with. */
	demoCrm?: { id: string; name: string };
	/** n8n's SMTP credential for the local MailDev inbox, and the port it points at. */
	localInbox?: { id: string; name: string; smtpPort: number };
	/** The secret and public base URL the owner messages' one-click links are signed with. */
	linkSecret?: { id: string; name: string; baseUrl: string };
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
async function localWebhookSecret(
	client: N8nClient,
	login: Login,
): Promise<{ id: string; name: string }> {
	if (login.webhookSecret) {
		const exists = await client.api('GET', `/credentials/${login.webhookSecret.id}`).then(
			() => true,
			() => false,
		);
		if (exists) return { id: login.webhookSecret.id, name: login.webhookSecret.name };
	}
	const name = 'Inquiry Webhook Secret (local)';
	const secret = randomBytes(24).toString('base64url');
	const id = await client.createCredential('inquiryWebhookSecretApi', name, {
		secret,
		publicUrl: '',
	});
	login.webhookSecret = { id, name, secret };
	saveLogin(login);
	return { id, name };
}

/** The demo CRM credential, created once and kept in the login file like the webhook secret. */
async function localDemoCrm(
	client: N8nClient,
	login: Login,
): Promise<{ id: string; name: string }> {
	const saved = login.demoCrm;
	if (
		saved &&
		(await client.api('GET', `/credentials/${saved.id}`).then(
			() => true,
			() => false,
		))
	)
		return saved;
	login.demoCrm = await createDemoCrmCredential(client);
	saveLogin(login);
	return login.demoCrm;
}

const credentialExists = async (client: N8nClient, id: string) =>
	await client.api('GET', `/credentials/${id}`).then(
		() => true,
		() => false,
	);

/** n8n's SMTP credential for this start's MailDev; recreated when MailDev had to take another port. */
async function localInbox(
	client: N8nClient,
	login: Login,
	mail: MailDev,
): Promise<{ id: string; name: string }> {
	const saved = login.localInbox;
	if (saved && saved.smtpPort === mail.smtpPort && (await credentialExists(client, saved.id)))
		return saved;
	if (saved) await client.api('DELETE', `/credentials/${saved.id}`).catch(() => undefined);
	const name = 'Local inbox (MailDev)';
	login.localInbox = {
		id: await client.createCredential('smtp', name, mailDevSmtpCredential(mail)),
		name,
		smtpPort: mail.smtpPort,
	};
	saveLogin(login);
	return login.localInbox;
}

/**
 * The link secret for "I've got it" / "Pass it on": created once with a random secret. Its base URL
 * is WEBHOOK_URL when set (a reverse proxy or tunnel), else this n8n's own address.
 */
async function localLinkSecret(
	client: N8nClient,
	login: Login,
	baseUrl: string,
): Promise<{ id: string; name: string }> {
	const saved = login.linkSecret;
	if (saved && saved.baseUrl === baseUrl && (await credentialExists(client, saved.id)))
		return saved;
	if (saved) await client.api('DELETE', `/credentials/${saved.id}`).catch(() => undefined);
	const name = 'Inquiry Link Secret (local)';
	const id = await client.createCredential('inquiryLinkSecretApi', name, {
		secret: randomBytes(32).toString('base64url'),
		baseUrl,
	});
	login.linkSecret = { id, name, baseUrl };
	saveLogin(login);
	return login.linkSecret;
}

/**
 * The sender and manager addresses the Outbox needs to e-mail anything, set only where the
 * business has left them empty, so the local inbox shows the owner's e-mail, the customer's
 * follow-up and the manager's alert on a fresh start. The .invalid domain can never be delivered
 * by a real mail server.
 */
const LOCAL_INBOX_SETTINGS: Record<string, string> = {
	emailFrom: 'inquiries@local-inbox.invalid',
	managerEmail: 'manager@local-inbox.invalid',
};

async function localInboxSenders(client: N8nClient): Promise<string[]> {
	const rows = await dataTableRows(client, 'inquiry_settings').catch(() => []);
	const filled: string[] = [];
	for (const [setting, value] of Object.entries(LOCAL_INBOX_SETTINGS)) {
		const row = rows.find((candidate) => candidate.setting === setting);
		if (!row || String(row.value ?? '').trim()) continue;
		await updateDataTableRows(client, 'inquiry_settings', { setting }, { value });
		filled.push(`${setting} = ${value}`);
	}
	return filled;
}

async function freeOr(port: number): Promise<number> {
	return (await portIsFree(port)) ? port : await freePort();
}

const STATE_LABEL: Record<LocalSetup['templates'][number]['state'], string> = {
	imported: 'imported',
	reloaded: 'reloaded',
	kept: 'kept (yours)',
};

function printSummary(baseUrl: string, login: Login, setup: LocalSetup, mail: MailDev): void {
	const rule = '─'.repeat(72);
	say(`\n${rule}`);
	say(`n8n is running at ${baseUrl}  (this pack installed, SQLite in .n8n-local/)`);
	say(`Sign in with  ${login.email}  /  ${login.password}`);
	say(`API key (X-N8N-API-KEY) in ${relative(PROJECT_ROOT, LOGIN_FILE)}`);
	if (login.webhookSecret)
		say(
			`Webhook signing secret (credential "${login.webhookSecret.name}"): ${login.webhookSecret.secret}`,
		);
	say(
		`Local inbox (MailDev): ${mail.webUrl}  — every e-mail n8n sends with the credential "${login.localInbox?.name}" lands here (SMTP 127.0.0.1:${mail.smtpPort})`,
	);
	if (login.linkSecret)
		say(
			`Owner links ("I've got it" / "Pass it on") point at ${login.linkSecret.baseUrl}  (credential "${login.linkSecret.name}")`,
		);
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
	if (setup.reset)
		say(
			'\n--reset: every template was reloaded from workflows-templates/; edits made in the editor to those workflows are gone.',
		);
	say(setup.templates.length > 0 ? '\nTemplates:' : '\nNo templates in workflows-templates/ yet.');
	for (const template of setup.templates) {
		const state = template.published
			? '✔ published'
			: template.id
				? '○ not published'
				: '✘ failed   ';
		say(
			`  ${state}  ${template.name}  [${template.id ? STATE_LABEL[template.state] : 'not imported'}]${template.note ? `  (${template.note})` : ''}`,
		);
		if (template.id) say(`               ${baseUrl}/workflow/${template.id}`);
	}
	if (setup.templates.some((template) => template.state === 'kept'))
		say(
			'  Workflows that already existed were left as you have them. To reload the templates over them: npm start -- --reset',
		);
	say(
		"\nWhere results live: n8n → Overview → Data tables (the tables above), each execution under the workflow's Executions tab,",
	);
	say(`and e-mails in the local inbox ${mail.webUrl}`);
	say(`\nEdit first: ${editFirst(setup)}`);
	const commands = tryItCommands(baseUrl, setup.templates.flatMap(withVendorInName), {
		secret: login.webhookSecret?.secret,
	});
	if (commands.length > 0) say(`\nTry it:\n\n${commands.join('\n\n')}`);
	say(
		`\nn8n's log: ${relative(PROJECT_ROOT, join(LOCAL_FOLDER, 'n8n.log'))}.  Press Ctrl-C to stop n8n and the local inbox.`,
	);
	say(rule);
}

/** Names the vendor whose delivery a template's POST curl sends; its other endpoints keep the plain name. */
function withVendorInName(template: LocalTemplate): LocalTemplate[] {
	if (!template.sampleVendor) return [template];
	const posts = template.endpoints.filter((endpoint) => endpoint.method === 'POST');
	const others = template.endpoints.filter((endpoint) => endpoint.method !== 'POST');
	return [
		...(others.length > 0 ? [{ ...template, endpoints: others }] : []),
		{ ...template, name: `${template.name} (${template.sampleVendor})`, endpoints: posts },
	];
}

/** What a new business changes before going live, from the tables the templates declare. */
function editFirst(setup: LocalSetup): string {
	const names = new Set(setup.tables.map((table) => table.name));
	const settings = ['inquiry_settings', 'inquiry_team'].filter((name) => names.has(name));
	const team =
		settings.length > 0
			? `the Data tables ${settings.join(' and ')} (business name, hours, team)`
			: "the team, hours and time zone in each entry template's Assign Inquiry Owner node";
	return `${team}; then switch the credential "Local inbox (MailDev)" to your real SMTP account (README: "Real e-mail").`;
}

let stopping = false;

/** Stops n8n and the local inbox gracefully on Ctrl-C (or a TERM), then exits. */
function stopOnSignals(n8n: N8nProcess, mail: MailDev): void {
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		say(`\n${signal}: stopping n8n and the local inbox…`);
		void Promise.all([n8n.stop(), mail.stop()]).then(() => process.exit(0));
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

export async function runLocalN8n(argv: string[] = process.argv.slice(2)): Promise<void> {
	const { reset, port: PORT } = readStartFlags(argv, process.env);
	const runtime = ensureRuntime('2.41.1');
	mkdirSync(LOCAL_FOLDER, { recursive: true });
	say('» Building and packing the package');
	const tarball = packedTarball();
	if (installPack(LOCAL_FOLDER, tarball, runtime))
		say(`» Installed ${relative(PROJECT_ROOT, tarball)} into .n8n-local/.n8n/nodes`);

	if (!(await portIsFree(PORT)))
		throw new Error(
			`Port ${PORT} on 127.0.0.1 is in use (another n8n, or a previous npm start?). Stop it, or use another port: npm start -- --port 5680`,
		);
	const brokerPort = (await portIsFree(DEFAULT_BROKER_PORT))
		? DEFAULT_BROKER_PORT
		: await freePort();
	say(`» Starting n8n ${runtime.version} on http://127.0.0.1:${PORT}`);
	// A reverse proxy or tunnel in front: n8n then shows and registers its webhooks under WEBHOOK_URL.
	const webhookUrl = process.env.WEBHOOK_URL?.trim();
	const n8n = await launchN8n({
		runtime,
		userFolder: LOCAL_FOLDER,
		port: PORT,
		brokerPort,
		engine: 'vm',
		logFile: join(LOCAL_FOLDER, 'n8n.log'),
		env: webhookUrl ? { WEBHOOK_URL: webhookUrl } : undefined,
	});
	say('» Starting the local inbox (MailDev)');
	const mail = await startMailDev({
		node: runtime.node,
		folder: join(LOCAL_FOLDER, 'maildev'),
		smtpPort: await freeOr(MAIL_SMTP_PORT),
		webPort: await freeOr(MAIL_WEB_PORT),
	}).catch(async (error: Error) => {
		await n8n.stop();
		throw error;
	});
	stopOnSignals(n8n, mail);

	const client = new N8nClient(n8n.baseUrl);
	try {
		const login = await signIn(client);
		say(
			reset
				? '» Creating Data tables, reloading every template (--reset)'
				: '» Creating Data tables, importing the templates that are missing',
		);
		const secret = await localWebhookSecret(client, login);
		const demoCrm = await localDemoCrm(client, login);
		const smtp = await localInbox(client, login, mail);
		const links = await localLinkSecret(
			client,
			login,
			(webhookUrl || n8n.baseUrl).replace(/\/+$/, ''),
		);
		const credentials = {
			inquiryWebhookSecretApi: secret,
			handoffDestinationApi: demoCrm,
			smtp,
			inquiryLinkSecretApi: links,
		};
		const setup = await setUpLocalTemplates(client, { reset, credentials });
		const filled = await localInboxSenders(client);
		printSummary(n8n.baseUrl, login, setup, mail);
		if (filled.length > 0)
			say(
				`Set for the local inbox (inquiry_settings, empty until now): ${filled.join(', ')}. Put your real addresses there before going live.`,
			);
	} catch (error) {
		await Promise.all([n8n.stop(), mail.stop()]);
		throw new Error(`${(error as Error).message}\n${n8n.logTail(20)}`);
	}

	const code = await n8n.exited;
	if (stopping) return;
	await mail.stop();
	say(`n8n exited by itself (code ${code}).\n${n8n.logTail(20)}`);
	process.exit(code ?? 1);
}
