import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { signLink } from '../../core/loop/token';
import { hostileInquiry } from '../../core/loop/test/inquiry';
import {
	CLICK_AT,
	LEDGER_TABLE,
	LINK_PATH,
	MESSAGE_PATH,
	ownerLinkWorkflow,
	RECEIPTS_TABLE,
	SENDER,
	tellOwnerWorkflow,
} from '../../nodes/InquiryClaimLinks/test/claimLoopWorkflows';
import type { MailDev, N8nInstance } from './harness';
import {
	dataTableRows,
	ensureDataTables,
	insertDataTableRows,
	mailDevSmtpCredential,
	startMailDev,
	startN8n,
} from './harness';

/**
 * The owner's e-mail really delivered and really clicked: a real n8n 2.41.1 with the packed
 * package, n8n's own Send Email node and a real SMTP server (MailDev) on 127.0.0.1. The e-mail is
 * read back through MailDev's API, its "I've got it" link is fetched with a real HTTP GET, and the
 * ledger row in n8n's Data table shows the claim once. With MailDev stopped the send fails, the
 * failure receipt is written and the execution is not green.
 */
const START_TIMEOUT_MS = 25 * 60_000;
const SECRET = 'e2e-link-secret-0123456789abcdefghijkl';
jest.setTimeout(120_000);

let n8n: N8nInstance;
let mail: MailDev;
let messageWorkflow: string;

/** The ledger row of the inquiry, as n8n's Data table holds it. */
const ledgerRow = async () =>
	(await dataTableRows(n8n, LEDGER_TABLE)).find((row) => row.inquiryId === 'inq-42');
const get = async (url: string) => {
	const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
	return {
		status: response.status,
		type: response.headers.get('content-type'),
		html: await response.text(),
	};
};
const clickUrl = (token: string) => `${n8n.baseUrl}/webhook/${LINK_PATH}?t=${token}`;

beforeAll(async () => {
	n8n = await startN8n({ version: '2.41.1', label: 'owner-claim-mail' });
	mail = await startMailDev({
		node: n8n.runtime.node,
		folder: mkdtempSync(join(tmpdir(), 'inquiry-maildev-')),
		scratchFolder: true,
	});
	const link = {
		id: await n8n.createCredential('inquiryLinkSecretApi', 'Inquiry Link Secret (e2e)', {
			secret: SECRET,
			baseUrl: n8n.baseUrl,
		}),
		name: 'Inquiry Link Secret (e2e)',
	};
	const smtp = {
		id: await n8n.createCredential('smtp', 'Local inbox (MailDev)', mailDevSmtpCredential(mail)),
		name: 'Local inbox (MailDev)',
	};
	await ensureDataTables(n8n, [
		{
			name: LEDGER_TABLE,
			columns: [
				{ name: 'inquiryId', type: 'string' },
				{ name: 'ownerId', type: 'string' },
				{ name: 'hops', type: 'number' },
				{ name: 'acceptedAt', type: 'string' },
			],
		},
		{
			name: RECEIPTS_TABLE,
			columns: [
				{ name: 'inquiryId', type: 'string' },
				{ name: 'status', type: 'string' },
				{ name: 'providerAnswer', type: 'string' },
			],
		},
	]);
	await insertDataTableRows(n8n, LEDGER_TABLE, [{ inquiryId: 'inq-42', ownerId: 'ana', hops: 0 }]);
	messageWorkflow = await n8n.importWorkflow(tellOwnerWorkflow({ link, smtp }));
	await n8n.publish(messageWorkflow);
	await n8n.publish(await n8n.importWorkflow(ownerLinkWorkflow({ link })));
}, START_TIMEOUT_MS);

afterAll(async () => {
	await mail?.stop();
	await n8n?.stop();
});

describe('the owner message, delivered and clicked', () => {
	let claimUrl: string;

	test('the owner e-mail reaches the inbox with the two one-click links, customer text escaped, and a sent receipt', async () => {
		const posted = await n8n.postWebhook(MESSAGE_PATH, { body: hostileInquiry() });
		expect(posted.status).toBe(200);
		const message = await mail.waitForMessage((m) =>
			m.to.some((to) => to.address === 'ana@example.org'),
		);
		expect(message.from[0].address).toBe(SENDER);
		expect(message.subject).toBe(
			'[Rivera Plumbing] New inquiry for you: Eve <script>alert(1)</script> *Boss* (web form), reply by Mon 2 Mar, 10:30 (America/New_York)',
		);
		expect(message.html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt; *Boss*, by web form');
		expect(message.html).not.toContain('<script>');
		const buttons = [...(message.html ?? '').matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(
			([, href, label]) => [label, href],
		);
		expect(buttons.map(([label]) => label)).toEqual([
			'I&#39;ve got it',
			'Pass it on',
			'I&#39;ve contacted them',
		]);
		claimUrl = buttons[0][1].replace(/&amp;/g, '&');
		expect(claimUrl.startsWith(`${n8n.baseUrl}/webhook/${LINK_PATH}?t=`)).toBe(true);
		expect(message.text).toContain(`I've got it: ${claimUrl}`);

		const [execution] = await n8n.waitForExecutions(messageWorkflow);
		expect(execution.status).toBe('success');
		expect(await dataTableRows(n8n, RECEIPTS_TABLE)).toEqual([
			expect.objectContaining({
				inquiryId: 'inq-42',
				status: 'sent',
				providerAnswer: expect.stringMatching(/^250 /),
			}),
		]);
	});

	test('"I\'ve got it", clicked through a real GET, writes acceptedAt once and answers with the page', async () => {
		expect(await ledgerRow()).toMatchObject({ acceptedAt: null });
		const answer = await get(claimUrl);
		expect(answer).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
		expect(answer.html).toContain('<title>It&#39;s yours</title>');
		expect(await ledgerRow()).toMatchObject({
			ownerId: 'ana',
			acceptedAt: new Date(CLICK_AT).toISOString(),
		});
	});

	test('a second click changes nothing and says so', async () => {
		const before = await ledgerRow();
		const answer = await get(claimUrl);
		expect(answer.status).toBe(409);
		expect(answer.html).toContain('<title>Already taken care of</title>');
		expect(await ledgerRow()).toEqual(before);
	});

	test.each([
		[
			'a forged link',
			() =>
				signLink(
					{
						action: 'claim',
						inquiryId: 'inq-42',
						ownerId: 'ana',
						hop: 0,
						expiresAt: '2026-03-05T15:05:00.000Z',
					},
					`${SECRET}-guessed`,
				),
			403,
			'This link is not valid',
		],
		[
			'an expired link',
			() =>
				signLink(
					{
						action: 'claim',
						inquiryId: 'inq-42',
						ownerId: 'ana',
						hop: 0,
						expiresAt: '2026-03-02T15:00:00.000Z',
					},
					SECRET,
				),
			410,
			'This link has expired',
		],
	])('%s changes nothing and gets a clear page', async (_name, token, status, title) => {
		const before = await ledgerRow();
		const answer = await get(clickUrl(token()));
		expect(answer.status).toBe(status);
		expect(answer.html).toContain(`<title>${title}</title>`);
		expect(await ledgerRow()).toEqual(before);
	});
});

describe('with the mail server down', () => {
	test('the send fails, a failed receipt is written, and the execution is not green', async () => {
		await mail.stop();
		const posted = await n8n.postWebhook(MESSAGE_PATH, { body: hostileInquiry({ id: 'inq-43' }) });
		expect(posted.status).toBe(200);
		const executions = await n8n.waitForExecutions(messageWorkflow, { count: 2 });
		const failed = executions[1];
		expect({
			status: failed.status,
			ran: Object.keys(failed.data?.resultData?.runData ?? {}),
			error: failed.data?.resultData?.error,
		}).toEqual({
			status: 'error',
			ran: [
				'New Assignment',
				'Inquiry',
				'Owner Message',
				'Email the Owner',
				'Receipt: Failed',
				'Owner Not Told',
			],
			// n8n shows ECONNREFUSED as "refused the connection" and keeps the node's own message under `messages`.
			error: expect.objectContaining({
				node: expect.objectContaining({ name: 'Owner Not Told' }),
				messages: [
					`The owner message for inq-43 was not sent: connect ECONNREFUSED 127.0.0.1:${mail.smtpPort}`,
				],
			}),
		});
		expect(
			(await dataTableRows(n8n, RECEIPTS_TABLE)).filter((row) => row.inquiryId === 'inq-43'),
		).toEqual([
			expect.objectContaining({
				status: 'failed',
				providerAnswer: `connect ECONNREFUSED 127.0.0.1:${mail.smtpPort}`,
			}),
		]);
	});
});
