import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import type { InMemoryDataTables, WorkflowJson } from '../../test/harness';
import { loadWorkflow, runWorkflow } from '../../test/harness';
import { TWILIO_TOKEN, withCredential } from './requests';
import { brokenExpressions } from './ledgerRows';
import { entryTemplate, runEntry } from './hub';
import { templateTables } from './tables';

const NOW = '2026-03-03T15:00:00.000Z'; // a Tuesday, 10:00 in New York: owners are in
const audit = loadWorkflow(join(__dirname, '../08-continuity-self-audit.json'));
// Each audit runs six real workflows (itself and five entries); the first also loads n8n's nodes.
jest.setTimeout(30_000);
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

async function runAudit(tables: InMemoryDataTables, url: string, signing: boolean) {
	const result = await runWorkflow(auditAt(url, { signing }), {
		now: NOW,
		dataTables: tables,
		startNode: 'Run Self-Audit Now',
		credentials: { crypto: { hmacSecret: TWILIO_TOKEN } },
	});
	expect(result.error).toBeUndefined();
	const [verdict] = result.output('Checklist Verdict');
	return {
		result,
		verdict,
		rows: tables.rows('inquiry_notifications').filter((row) => row.kind === 'self_audit'),
	};
}

const stageLine = (verdict: IDataObject) =>
	(verdict.stages as IDataObject[]).map((stage) => `${stage.stage} ${stage.passed}/${stage.of}`);

describe('template 8: continuity self-audit', () => {
	it('writes only well-formed expressions', () => {
		expect(brokenExpressions(audit)).toEqual([]);
	});

	it('posts one synthetic inquiry per entry through the live webhooks; Visibility fails while nobody claims them', async () => {
		const tables = templateTables();
		const live = await liveEntries(tables);
		try {
			const { result, verdict, rows } = await runAudit(tables, live.url, true);

			// Each entry got its own vendor's shape, the missed call signed the way Twilio signs.
			// (The posts go out together, so they arrive, and finish, in any order.)
			expect(
				live.posts.map((post) => [post.path, post.contentType, Boolean(post.signature)]).sort(),
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

			// The synthetic inquiries reached the real chain: records with owners, marked as synthetic.
			const records = tables.rows('inquiry_records');
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
				'self-audit+ad@example.com',
				'self-audit+booking@example.com',
				'self-audit+chat@example.com',
				'self-audit+form@example.com',
			]);
			expect(records.every((record) => String(record.message).includes('[self-audit]'))).toBe(true);
			// The name the leak sweep and the weekly report leave out.
			expect(tables.rows('inquiry_ledger').map((row) => row.contactName)).toEqual(
				Array(5).fill('Self Audit'),
			);

			// The ledger row of each answered inquiry was read back and scored.
			expect(result.output('Read Each Ledger Row').map((row) => row.inquiryId)).toEqual(ids);
			const [summarized] = result.output('Summarize Period');
			expect((summarized.summary as IDataObject).inquiries).toBe(5);
			expect(
				(verdict.entries as IDataObject[]).map((entry) => [
					entry.entry,
					entry.answered,
					entry.score,
				]),
			).toEqual([
				['Web form (webhook)', 200, 4],
				['Missed call (Twilio)', 200, 4],
				['Chat (Intercom)', 200, 4],
				['Booking (Calendly)', 200, 4],
				['Ad lead (Google Ads)', 200, 4],
			]);
			// Recorded and verified, but no owner claimed a synthetic inquiry: nothing shows a person
			// has them, so Visibility does not pass.
			expect(stageLine(verdict)).toEqual([
				'entry 5/5',
				'transfer 5/5',
				'context 5/5',
				'trigger 5/5',
				'visibility 0/5',
			]);
			expect(verdict.passed).toBe(false);

			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({
				channel: 'email',
				recipient: 'manager@example.com',
				subject: 'Continuity self-audit: some stages FAIL',
			});
			const body = String(rows[0].body);
			expect(body).toMatch(
				/^Continuity self-audit audit-\d{8}-\d{6}: FAIL\nEntry: pass \(5 of 5\)\nTransfer: pass \(5 of 5\)\nContext: pass \(5 of 5\)\nTrigger: pass \(5 of 5\)\nVisibility: FAIL \(0 of 5\)\n/,
			);
			expect(body).toContain('- Missed call (Twilio): answered 200, score 4/5');
			expect(body.endsWith(String(summarized.text))).toBe(true);
		} finally {
			await live.close();
		}
	});

	it('as imported, without a signing secret, skips the missed call and says so', async () => {
		const tables = templateTables();
		const live = await liveEntries(tables);
		try {
			const { verdict, rows } = await runAudit(tables, live.url, false);
			expect(live.posts.map((post) => post.path).sort()).toEqual([
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
				'visibility 0/4',
			]);
			expect(String(rows[0].body)).toContain(
				'- Missed call (Twilio): skipped (its webhook checks a signature; see Sign Like Twilio)',
			);
		} finally {
			await live.close();
		}
	});

	it('fails every stage for an entry that is not published, and names it', async () => {
		const tables = templateTables();
		const live = await liveEntries(tables, { unpublished: ['inquiry-booking'] });
		try {
			const { verdict, rows } = await runAudit(tables, live.url, true);
			expect(verdict.passed).toBe(false);
			expect(stageLine(verdict)).toEqual([
				'entry 4/5',
				'transfer 4/5',
				'context 4/5',
				'trigger 4/5',
				'visibility 0/5',
			]);
			expect(rows[0].subject).toBe('Continuity self-audit: some stages FAIL');
			const body = String(rows[0].body);
			expect(body).toContain(': FAIL\nEntry: FAIL (4 of 5)');
			expect(body).toContain('- Booking (Calendly): answered 404, no ledger row');
		} finally {
			await live.close();
		}
	});
});
