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
import type { MailDev, MailMessage, N8nInstance } from './harness';
import {
	dataTableRows,
	dataTablesNeeded,
	declaredTables,
	ensureDataTables,
	eventually,
	importTemplates,
	insertDataTableRows,
	loadTemplates,
	mailDevSmtpCredential,
	startMailDev,
	startN8n,
	updateDataTableRows,
} from './harness';
import type { AlertReceiver } from './harness/alertReceiver';
import { startAlertReceiver } from './harness/alertReceiver';

/**
 * Part two runs the imported templates themselves: the form entry (01b), the hub (00), the
 * Inquiry Outbox (00c) and the link webhook (00d), linked and given credentials the way npm start
 * does, with the settings a business fills in (sender, manager, alert webhook).
 *
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
let receiver: AlertReceiver;
/** Imported template ids by file prefix, e.g. "00c". */
let templateIds: Record<string, string>;

const FORM = 'inquiry-form';
const HUB_SENDER = 'inquiries@hub.test';
const MANAGER = 'manager@hub.test';
const TEMPLATES = ['00-', '00c-', '00d-', '01b-'];

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

	receiver = await startAlertReceiver();
	const templates = loadTemplates().filter((t) => TEMPLATES.some((p) => t.file.startsWith(p)));
	await ensureDataTables(
		n8n,
		dataTablesNeeded(
			templates.map((t) => t.workflow),
			declaredTables(),
		),
	);
	const published = await importTemplates(n8n, templates, { smtp, inquiryLinkSecretApi: link });
	expect(published.map((t) => [t.file, t.published, t.note])).toEqual(
		templates.map((t) => [t.file, true, undefined]),
	);
	templateIds = Object.fromEntries(published.map((t) => [t.file.split('-')[0], t.id]));
	const settings = {
		emailFrom: HUB_SENDER,
		managerEmail: MANAGER,
		managerAlertWebhook: receiver.url,
	};
	for (const [setting, value] of Object.entries(settings))
		await updateDataTableRows(n8n, 'inquiry_settings', { setting }, { value });
}, START_TIMEOUT_MS);

afterAll(async () => {
	await receiver?.stop();
	await mail?.stop();
	await n8n?.stop();
});

/** The buttons of an owner e-mail: label → href. */
function buttonsOf(message: MailMessage): Array<[string, string]> {
	return [...(message.html ?? '').matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(
		([, href, label]) => [label, href.replace(/&amp;/g, '&')],
	);
}

/** A claim link for the imported link webhook (00d), signed with `secret`, for the first owner. */
const hubClaimLink = (inquiryId: string, expiresAt: string, secret: string) =>
	`${n8n.baseUrl}/webhook/inquiry-link?t=${signLink(
		{ action: 'claim', inquiryId, ownerId: 'owner-1', hop: 0, expiresAt },
		secret,
	)}`;
const rowsOf = async (table: string, inquiryId: string) =>
	(await dataTableRows(n8n, table)).filter((row) => row.inquiryId === inquiryId);
const hubLedgerRow = async (inquiryId: string) => (await rowsOf('inquiry_ledger', inquiryId))[0];
// Each customer has their own phone: one number shared by all would make later posts repeat
// contacts that join the first open inquiry instead of opening their own.
let nextPhone = 2671;
const postInquiry = async (name: string, extra: Record<string, string> = {}) => {
	const posted = await n8n.postWebhook(FORM, {
		body: {
			name,
			email: `${name.split(' ')[0].toLowerCase()}@customers.test`,
			phone: `(415) 555-${nextPhone++}`,
			message: 'Water & mud <b>everywhere</b> in the basement',
			postal_code: '94110',
			...extra,
		},
	});
	expect(posted.status).toBe(200);
	return (posted.json as { inquiryId: string }).inquiryId;
};

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

describe('the imported hub, Outbox and link templates close the loop', () => {
	let inquiryId: string;
	let links: Record<string, string>;

	test("a form post reaches the owner's inbox with the three links, and the customer's follow-up question; both rows get a 'sent' receipt", async () => {
		inquiryId = await postInquiry('Dana Loop');
		const owner = await mail.waitForMessage((m) =>
			m.subject.includes('New inquiry for you: Dana Loop'),
		);
		expect(owner.from[0].address).toBe(HUB_SENDER);
		// The customer's text reaches the HTML escaped; its tags were already dropped by Normalize Inquiry.
		expect(owner.html).toContain('Water &amp; mud everywhere in the basement');
		expect(owner.html).not.toContain('<b>');
		const buttons = buttonsOf(owner);
		expect(buttons.map(([label]) => label)).toEqual([
			'I&#39;ve got it',
			'Pass it on',
			'I&#39;ve contacted them',
		]);
		links = { claim: buttons[0][1], pass: buttons[1][1], contacted: buttons[2][1] };
		expect(links.claim.startsWith(`${n8n.baseUrl}/webhook/inquiry-link?t=`)).toBe(true);

		// No service given: the customer is asked once, by e-mail, their text escaped in the HTML.
		const followUp = await mail.waitForMessage((m) =>
			m.to.some((to) => to.address === 'dana@customers.test'),
		);
		expect(followUp.from[0].address).toBe(HUB_SENDER);
		expect(followUp.html).not.toContain('<b>');

		const receipts = await eventually(async () => {
			const rows = await rowsOf('inquiry_notifications', inquiryId);
			expect(rows.map((row) => row.status)).toEqual(['sent', 'sent']);
			return rows;
		});
		expect(
			receipts.map((row) => [row.kind, row.channel, String(row.answer).slice(0, 4)]).sort(),
		).toEqual([
			['follow_up', 'email', '250 '],
			['owner_assigned', 'email', '250 '],
		]);
		expect(receipts.every((row) => !Number.isNaN(Date.parse(String(row.sentAt))))).toBe(true);
	});

	test('"I\'ve got it", clicked through a real GET, writes acceptedAt and the owner on the ledger', async () => {
		const before = await hubLedgerRow(inquiryId);
		expect(before.acceptedAt ?? null).toBeNull();
		const answer = await get(links.claim);
		expect(answer).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
		expect(answer.html).toContain('<title>It&#39;s yours</title>');
		const after = await hubLedgerRow(inquiryId);
		expect(after).toMatchObject({ ownerId: before.ownerId, acceptedAt: expect.any(String) });
		expect(Date.parse(String(after.acceptedAt))).not.toBeNaN();
	});

	test.each([
		['a second click', () => links.claim, 409, 'Already taken care of'],
		[
			'a forged link',
			() => hubClaimLink(inquiryId, '2099-01-01T00:00:00Z', `${SECRET}-guessed`),
			403,
			'This link is not valid',
		],
		[
			'an expired link',
			() => hubClaimLink(inquiryId, '2020-01-01T00:00:00Z', SECRET),
			410,
			'This link has expired',
		],
	])(
		'%s changes nothing on the ledger and gets a clear page',
		async (_name, url, status, title) => {
			const before = await hubLedgerRow(inquiryId);
			const answer = await get(url());
			expect(answer.status).toBe(status);
			expect(answer.html).toContain(`<title>${title}</title>`);
			expect(await hubLedgerRow(inquiryId)).toEqual(before);
		},
	);

	test('"I\'ve contacted them" writes contactedAt once', async () => {
		const answer = await get(links.contacted);
		expect(answer.status).toBe(200);
		const row = await hubLedgerRow(inquiryId);
		expect(Date.parse(String(row.contactedAt))).not.toBeNaN();
		expect((await get(links.contacted)).status).toBe(409);
		expect(await hubLedgerRow(inquiryId)).toEqual(row);
	});

	test('"Pass it on" moves the inquiry to another owner, who really gets the message; a second pass changes nothing', async () => {
		const passed = await postInquiry('Pat Pass', { service: 'Repair' });
		const first = await mail.waitForMessage((m) =>
			m.subject.includes('New inquiry for you: Pat Pass'),
		);
		const before = await hubLedgerRow(passed);
		const memoryVersion = async () =>
			Number((await dataTableRows(n8n, 'inquiry_owner_memory'))[0].version);
		const versionBefore = await memoryVersion();
		const pass = buttonsOf(first)[1][1];
		const answer = await get(pass);
		expect(answer.status).toBe(200);
		expect(answer.html).toContain('<title>Passed on</title>');
		const second = await mail.waitForMessage((m) =>
			m.subject.includes('Inquiry passed to you: Pat Pass'),
		);
		expect(second.to[0].address).not.toBe(first.to[0].address);
		const after = await hubLedgerRow(passed);
		expect(after).toMatchObject({ hops: 1, passedBy: before.ownerId, acceptedAt: null });
		expect(after.ownerId).not.toBe(before.ownerId);
		expect(after.ownerId).toMatch(/^owner-/);
		// The new owner was chosen as the hub chooses: one turn taken from the shared owner memory.
		expect(await memoryVersion()).toBe(versionBefore + 1);
		// The new owner's own links work for them (hop 1); the old pass link no longer does.
		const again = await get(pass);
		expect(again.status).toBe(409);
		expect(await hubLedgerRow(passed)).toEqual(after);
		const claim = await get(buttonsOf(second)[0][1]);
		expect(claim.status).toBe(200);
		expect(await hubLedgerRow(passed)).toMatchObject({
			ownerId: after.ownerId,
			acceptedAt: expect.any(String),
		});
	});

	test("an inquiry with no way to reach the person becomes the manager's alert e-mail", async () => {
		const posted = await n8n.postWebhook(FORM, { body: { message: 'call me maybe' } });
		expect(posted.status).toBe(200);
		const alert = await mail.waitForMessage((m) => m.to.some((to) => to.address === MANAGER));
		expect(alert.subject).toBe('Inquiry with no way to reach the person');
		expect(alert.text).toContain('has no valid phone or email. Message: call me maybe');
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

describe('the imported Outbox with the mail server down', () => {
	test("a failed send: a 'failed' receipt, an alert to managerAlertWebhook, a red Outbox run, and still a 200 for the vendor", async () => {
		// MailDev was stopped by the test above.
		const inquiryId = await postInquiry('Fay Fail', { service: 'Repair' });
		const owner = await eventually(async () => {
			const [row] = (await rowsOf('inquiry_notifications', inquiryId)).filter(
				(r) => r.kind === 'owner_assigned',
			);
			expect(row.status).toBe('failed');
			return row;
		});
		expect(owner.answer).toBe(`connect ECONNREFUSED 127.0.0.1:${mail.smtpPort}`);
		expect(Date.parse(String(owner.sentAt))).not.toBeNaN();
		await eventually(async () =>
			expect(receiver.posts).toContainEqual(
				expect.objectContaining({
					kind: 'owner_assigned',
					inquiryId,
					text: expect.stringContaining('Not delivered: the owner_assigned message to'),
				}),
			),
		);
		const failed = await eventually(async () => {
			const runs = await n8n.waitForExecutions(templateIds['00c']);
			const red = runs.filter((run) => run.status === 'error');
			expect(red.length).toBeGreaterThan(0);
			return red;
		});
		expect(failed.map((run) => Object.keys(run.data?.resultData?.runData ?? {})).flat()).toContain(
			'Not Delivered',
		);
	});
});
