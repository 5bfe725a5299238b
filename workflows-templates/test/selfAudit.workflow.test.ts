import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import type { InMemoryDataTables, WorkflowJson } from '../../test/harness';
import { loadWorkflow, runWorkflow } from '../../test/harness';
import { TWILIO_TOKEN, withCredential } from './requests';
import { brokenExpressions } from './ledgerRows';
import { entryTemplate, OUTBOX_WORKFLOWS, runEntry, withOutbox } from './hub';
import { setSettings, templateTables } from './tables';

const NOW = '2026-03-03T15:00:00.000Z'; // a Tuesday, 10:00 in New York: owners are in
// Linked to the Inquiry Outbox as npm start links it: the result row is sent like every message.
const audit = withOutbox(loadWorkflow(join(__dirname, '../08-continuity-self-audit.json')));
// Each audit runs six real workflows (itself and five entries, each entry with the hub); the first also
// loads n8n's nodes.
jest.setTimeout(60_000);
const template = (file: string) => entryTemplate(`${file}.json`);

/** The entry templates behind each webhook path, and the node a request enters through. */
const ENTRIES: Record<string, { workflow: WorkflowJson; node: string }> = {
	'inquiry-form': {
		workflow: template('01b-form-webhook-to-verified-record'),
		node: 'Form Webhook',
	},
	'inquiry-missed-call': {
		workflow: withCredential(
			template('02-missed-call-text-back'),
			'Normalize Inquiry',
			'inquiryWebhookSecretApi',
		),
		node: 'Call Webhook',
	},
	'inquiry-chat': { workflow: template('03-chat-to-owner'), node: 'Chat Webhook' },
	'inquiry-booking': { workflow: template('04-booking-to-owner'), node: 'Booking Webhook' },
	'inquiry-ad-lead': { workflow: template('05-ad-lead-to-owner'), node: 'Lead Webhook' },
};

/** What the entry template's Respond to Webhook node answered (the first answer is the one sent). */
function answerOf(result: Awaited<ReturnType<typeof runWorkflow>>): {
	status: number;
	body: IDataObject;
} {
	const [answer] = result.responses;
	if (!answer) return { status: 500, body: { message: result.error?.message ?? 'no answer' } };
	const body =
		typeof answer.body === 'string'
			? (JSON.parse(answer.body) as IDataObject)
			: (answer.body as IDataObject);
	return { status: Number(answer.statusCode ?? 200), body };
}

/**
 * This instance's production webhooks, played on 127.0.0.1: each post runs the real entry template
 * in process against the same Data tables, as n8n would. Paths in `unpublished` answer 404.
 */
async function liveEntries(tables: InMemoryDataTables, { unpublished = [] as string[] } = {}) {
	const posts: { path: string; contentType: string; signature?: string }[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			void (async () => {
				const path = (request.url ?? '').replace(/^\/webhook\//, '');
				const raw = Buffer.concat(chunks).toString('utf8');
				const contentType = String(request.headers['content-type'] ?? '');
				posts.push({
					path,
					contentType,
					signature: request.headers['x-twilio-signature'] as string | undefined,
				});
				const entry = ENTRIES[path];
				const reply = (status: number, body: IDataObject) => {
					response
						.writeHead(status, { 'content-type': 'application/json' })
						.end(JSON.stringify(body));
				};
				if (!entry || unpublished.includes(path)) {
					reply(404, {
						code: 404,
						message: `The requested webhook "POST ${path}" is not registered.`,
					});
					return;
				}
				const body = contentType.includes('json')
					? (JSON.parse(raw) as IDataObject)
					: Object.fromEntries(new URLSearchParams(raw));
				const item = {
					headers: request.headers as IDataObject,
					params: {},
					query: {},
					body,
					webhookUrl: `${url}${path}`,
				};
				const result = await runEntry(entry.workflow, {
					mode: 'webhook',
					dataTables: tables,
					credentials: { inquiryWebhookSecretApi: { secret: TWILIO_TOKEN, publicUrl: '' } },
					pinData: { [entry.node]: [{ json: item }] },
				});
				const answer = answerOf(result);
				reply(answer.status, answer.body);
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/`;
	return { url, posts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The audit as a user sets it up: the base URL of their n8n, no waiting (the entries here finish before they answer). */
function auditAt(url: string, { signing }: { signing: boolean }): WorkflowJson {
	const workflow = signing
		? withCredential(audit, 'Sign Like Twilio', 'crypto')
		: structuredClone(audit);
	for (const node of workflow.nodes) {
		if (node.name === 'Audit Settings') {
			for (const field of (
				node.parameters.assignments as { assignments: { name: string; value: unknown }[] }
			).assignments) {
				if (field.name === 'baseUrl') field.value = url;
				if (field.name === 'waitSeconds') field.value = 0;
			}
		}
		if (node.name === 'Sign Like Twilio') node.disabled = !signing;
	}
	return workflow;
}

/** Runs the audit against this instance's live entries (started and closed around it). */
async function runAudit(
	tables: InMemoryDataTables,
	{
		signing = true,
		unpublished = [] as string[],
		workflows,
	}: { signing?: boolean; unpublished?: string[]; workflows?: WorkflowJson[] } = {},
) {
	const live = await liveEntries(tables, { unpublished });
	try {
		const workflow = auditAt(live.url, { signing });
		// With an n8n API credential, Read Workflows answers with the instance's workflows.
		const readWorkflows = workflow.nodes.find((node) => node.name === 'Read Workflows')!;
		if (workflows) readWorkflows.disabled = false;
		const result = await runWorkflow(workflow, {
			now: NOW,
			dataTables: tables,
			startNode: 'Run Self-Audit Now',
			credentials: { crypto: { hmacSecret: TWILIO_TOKEN } },
			workflows: OUTBOX_WORKFLOWS,
			...(workflows
				? { pinData: { 'Read Workflows': workflows.map((found) => ({ json: { ...found } })) } }
				: {}),
		});
		expect(result.error).toBeUndefined();
		const [verdict] = result.output('Checklist Verdict');
		return {
			result,
			verdict,
			posts: live.posts,
			rows: tables.rows('inquiry_notifications').filter((row) => row.kind === 'self_audit'),
		};
	} finally {
		await live.close();
	}
}

/** A business that filled in every setting and replaced the sample team with its own people. */
async function readyBusiness(): Promise<InMemoryDataTables> {
	const tables = templateTables();
	await setSettings(tables, {
		businessName: 'Northside Plumbing',
		timeZone: 'America/New_York',
		managerEmail: 'dana@northsideplumbing.com',
		emailFrom: 'inquiries@northsideplumbing.com',
		textBackSender: '+13125552600',
	});
	const team = await tables.provider().getDataTableProxy(null, null, 'inquiry_team');
	for (const n of [1, 2, 3])
		await team.updateRows({
			filter: {
				type: 'and',
				filters: [{ columnName: 'ownerId', condition: 'eq', value: `owner-${n}` }],
			},
			data: { email: `owner${n}@northsideplumbing.com`, phone: `+1312555267${n}` },
		});
	return tables;
}

/** The shared owner memory and every notification row: what a test run must leave as it found. */
const memoryOf = (tables: InMemoryDataTables) =>
	tables.rows('inquiry_owner_memory').map((row) => [row.id, row.version, row.state]);

const stageLine = (verdict: IDataObject) =>
	(verdict.stages as IDataObject[]).map((stage) => `${stage.stage} ${stage.passed}/${stage.of}`);

describe('template 8: continuity self-audit', () => {
	it('writes only well-formed expressions', () => {
		expect(brokenExpressions(audit)).toEqual([]);
	});

	it('posts one synthetic inquiry per entry through the live webhooks and passes every stage', async () => {
		const tables = await readyBusiness();
		const memoryBefore = memoryOf(tables);
		const { result, verdict, rows, posts } = await runAudit(tables);

		// Each entry got its own vendor's shape, the missed call signed the way Twilio signs.
		// (The posts go out together, so they arrive, and finish, in any order.)
		expect(
			posts.map((post) => [post.path, post.contentType, Boolean(post.signature)]).sort(),
		).toEqual([
			['inquiry-ad-lead', 'application/json', false],
			['inquiry-booking', 'application/json', false],
			['inquiry-chat', 'application/json', false],
			['inquiry-form', 'application/json', false],
			['inquiry-missed-call', 'application/x-www-form-urlencoded', true],
		]);
		const answers = result.output('Post to Entry Webhook');
		expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200]);
		const ids = answers.map((answer) => (answer.body as IDataObject).inquiryId);
		expect(ids.every((id) => /^inq_/.test(String(id)))).toBe(true);

		// The synthetic inquiries took the hub's test path: no row among the real records, no
		// notification to anyone but the report, and the shared owner memory as it was.
		expect(tables.rows('inquiry_records')).toEqual([]);
		expect(tables.rows('inquiry_notifications').map((row) => row.kind)).toEqual(['self_audit']);
		expect(memoryOf(tables)).toEqual(memoryBefore);
		// They were still saved, read back and verified, in the scratch table, with owners; once
		// their ledger rows were read, the audit cleared those and the scratch records.
		expect(tables.rows('inquiry_test_records')).toEqual([]);
		expect(tables.rows('inquiry_ledger')).toEqual([]);
		const records = result.output('Clear Test Records');
		expect(records.map((record) => record.inquiryId)).toEqual(ids);
		const ledger = result.output('Clear Test Ledger Rows');
		expect(ledger.map((row) => [row.inquiryId, row.handoffStatus, row.ownerId !== ''])).toEqual(
			ids.map((id) => [id, 'verified', true]),
		);
		expect(
			records.map((record) => [record.channel, record.name, record.ownerId !== '']).sort(),
		).toEqual([
			['ad_lead', 'Self Audit', true],
			['booking', 'Self Audit', true],
			['chat', 'Self Audit', true],
			['form', 'Self Audit', true],
			['missed_call', 'Self Audit', true],
		]);
		expect(records.map((record) => record.email).sort()).toEqual([
			'',
			'self-audit+ad@self-audit.invalid',
			'self-audit+booking@self-audit.invalid',
			'self-audit+chat@self-audit.invalid',
			'self-audit+form@self-audit.invalid',
		]);
		expect(records.every((record) => String(record.message).includes('[self-audit]'))).toBe(true);
		expect(ledger.map((row) => row.contactName)).toEqual(Array(5).fill('Self Audit'));

		// The ledger row of each answered inquiry was read back and scored.
		expect(result.output('Read Each Ledger Row').map((row) => row.inquiryId)).toEqual(ids);
		const [summarized] = result.output('Summarize Period');
		expect((summarized.summary as IDataObject).inquiries).toBe(5);
		expect(
			(verdict.entries as IDataObject[]).map((entry) => [entry.entry, entry.answered, entry.score]),
		).toEqual([
			// 4 of 5: nobody is told of a synthetic inquiry, so none is claimed (Visibility not reached on
			// its ledger row); the audit's own Visibility checks the handoff and the delivery receipts.
			['Web form (webhook)', 200, 4],
			['Missed call (Twilio)', 200, 4],
			['Chat (Intercom)', 200, 4],
			['Booking (Calendly)', 200, 4],
			['Ad lead (Google Ads)', 200, 4],
		]);
		expect(stageLine(verdict)).toEqual([
			'entry 5/5',
			'transfer 5/5',
			'context 5/5',
			'trigger 5/5',
			'visibility 5/5',
		]);
		expect(verdict.passed).toBe(true);

		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			channel: 'email',
			recipient: 'dana@northsideplumbing.com',
			subject: 'Continuity self-audit: every stage passes',
		});
		// Handed to the Outbox like every message: its Send Email has no credential here, so the row
		// carries a not_sent receipt naming the fix instead of passing for sent.
		expect(rows[0]).toMatchObject({
			status: 'not_sent',
			answer:
				'The send step gave no answer from a provider: add your credential to Send Email in the Inquiry Outbox (and switch the step on).',
		});
		expect(result.output('Hand to the Outbox')).toHaveLength(1);
		const body = String(rows[0].body);
		expect(body).toMatch(
			/^Continuity self-audit audit-\d{8}-\d{6}: PASS\nEntry: pass \(5 of 5\)\nTransfer: pass \(5 of 5\)\nContext: pass \(5 of 5\)\nTrigger: pass \(5 of 5\)\nVisibility: pass \(5 of 5\); No owner notification to check yet; a sender is set\.\nSetup: pass\n/,
		);
		expect(body).toContain('- Missed call (Twilio): answered 200, score 4/5');
		expect(body.endsWith(String(summarized.text))).toBe(true);
	});

	it('as imported, without a signing secret, skips the missed call and says so', async () => {
		const tables = await readyBusiness();
		const { verdict, rows, posts } = await runAudit(tables, { signing: false });
		expect(posts.map((post) => post.path).sort()).toEqual([
			'inquiry-ad-lead',
			'inquiry-booking',
			'inquiry-chat',
			'inquiry-form',
		]);
		expect(verdict.skipped).toEqual(['Missed call (Twilio)']);
		expect(stageLine(verdict)).toEqual([
			'entry 4/4',
			'transfer 4/4',
			'context 4/4',
			'trigger 4/4',
			'visibility 4/4',
		]);
		expect(String(rows[0].body)).toContain(
			'- Missed call (Twilio): skipped (its webhook checks a signature; see Sign Like Twilio)',
		);
	});

	it('fails every stage for an entry that is not published, and names it', async () => {
		const tables = await readyBusiness();
		const { verdict, rows } = await runAudit(tables, { unpublished: ['inquiry-booking'] });
		expect(verdict.passed).toBe(false);
		expect(stageLine(verdict)).toEqual([
			'entry 4/5',
			'transfer 4/5',
			'context 4/5',
			'trigger 4/5',
			'visibility 4/5',
		]);
		expect(rows[0].subject).toBe('Continuity self-audit: some stages FAIL');
		const body = String(rows[0].body);
		expect(body).toContain(': FAIL\nEntry: FAIL (4 of 5)');
		expect(body).toContain('- Booking (Calendly): answered 404, no ledger row');
		expect(body).toContain(
			'Setup: FAIL (1 to fix)\n- FAIL Booking (Calendly) (04-booking-to-owner) its webhook is not published (answered 404). Fix: Import 04-booking-to-owner if it is missing, open it and press Publish.',
		);
	});

	it('as shipped (settings empty, sample team), reports FAIL with the fix for each setup problem', async () => {
		const tables = templateTables();
		await setSettings(tables, { managerEmail: 'manager@example.com' });
		const { verdict, rows } = await runAudit(tables);
		expect(verdict.passed).toBe(false);
		// The chain itself works: every stage but Visibility (no sender) passes.
		expect((verdict.stages as IDataObject[]).map((stage) => [stage.stage, stage.ok])).toEqual([
			['entry', true],
			['transfer', true],
			['context', true],
			['trigger', true],
			['visibility', false],
		]);
		expect(rows[0]).toMatchObject({
			recipient: 'manager@example.com',
			subject: 'Continuity self-audit: some stages FAIL',
		});
		const lines = String(rows[0].body).split('\n');
		expect(lines).toContain(
			'Visibility: FAIL (5 of 5); No sender is set (emailFrom), so no owner can be e-mailed.',
		);
		expect(lines.filter((line) => line.startsWith('- FAIL '))).toEqual([
			'- FAIL inquiry_settings: businessName is empty, so customers are greeted without it. Fix: In the inquiry_settings table, set the value of businessName to your business as customers know it.',
			"- FAIL inquiry_settings: timeZone is empty, so hours and deadlines follow the n8n server's clock. Fix: In the inquiry_settings table, set the value of timeZone to your time zone, e.g. America/Chicago or Europe/Berlin.",
			'- FAIL inquiry_settings: managerEmail is a placeholder address (manager@example.com). Fix: In the inquiry_settings table, set the value of managerEmail to the address that gets alerts.',
			'- FAIL inquiry_settings: emailFrom is empty, so nothing can be e-mailed. Fix: In the inquiry_settings table, set the value of emailFrom to the address your e-mails are sent from, e.g. inquiries@yourdomain.',
			'- FAIL inquiry_settings: textBackSender is empty, so missed callers get no text back. Fix: In the inquiry_settings table, set the value of textBackSender to your Twilio number in international form, e.g. +14155550123.',
			...[1, 2, 3].map(
				(n) =>
					`- FAIL inquiry_team: owner-${n} is active with a placeholder e-mail ${['first', 'second', 'third'][n - 1]}.owner@team.invalid and phone +1415555010${n}. Fix: In the inquiry_team table, replace owner-${n}'s sample row with a real person's details, or uncheck active.`,
			),
		]);
	});

	it('fails Visibility when the latest owner notifications were not delivered', async () => {
		const tables = await readyBusiness();
		const notice = (n: number, status?: string) => ({
			inquiryId: `inq_${n}`,
			kind: 'owner_assigned',
			channel: 'email',
			recipient: 'owner1@northsideplumbing.com',
			dedupeKey: `inq_${n}:owner`,
			...(status ? { status } : {}),
		});
		tables.seed('inquiry_notifications', [notice(1, 'sent'), notice(2, 'pending'), notice(3)]);
		const { verdict, rows } = await runAudit(tables);
		expect(verdict.passed).toBe(false);
		expect(String(rows[0].body)).toContain(
			'Visibility: FAIL (5 of 5); 1 of the last 3 owner notifications were delivered (1 no status, 1 pending): an owner who is not told cannot act.\nSetup: pass\n',
		);
	});

	it('reads the workflows when it may: a send step on without a credential, a hand-off not linked', async () => {
		const tables = await readyBusiness();
		// As imported by hand: the Outbox's Send Email has no credential yet, the hub's Hand to the
		// Outbox and an entry's Run the Hub point at no workflow yet.
		const outbox = loadWorkflow(join(__dirname, '../00c-inquiry-outbox.json'));
		const hub = loadWorkflow(join(__dirname, '../00-inquiry-continuity-hub.json'));
		const chat = loadWorkflow(join(__dirname, '../03-chat-to-owner.json'));
		const { verdict, rows } = await runAudit(tables, { workflows: [outbox, hub, chat] });
		expect(verdict.passed).toBe(false);
		expect(
			String(rows[0].body)
				.split('\n')
				.filter((line) => line.startsWith('- FAIL ')),
		).toEqual([
			'- FAIL Inquiry Outbox: Send Email is on but has no credential, so it sends nothing. Fix: Open Inquiry Outbox, add an SMTP credential to Send Email, or turn the step off.',
			'- FAIL Inquiry Continuity Hub: Hand to the Outbox points at no workflow, so nothing reaches the Inquiry Outbox. Fix: Open Inquiry Continuity Hub, pick "Inquiry Outbox" in Hand to the Outbox, and publish.',
			`- FAIL ${chat.name}: Run the Hub points at no workflow, so inquiries never reach the hub. Fix: Open ${chat.name}, pick "Inquiry Continuity Hub" in Run the Hub, and publish.`,
		]);
	});
});
