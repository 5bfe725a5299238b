import { createServer } from 'http';
import type { AddressInfo, Server } from 'net';
import { join } from 'path';
import type { DataTableRow } from 'n8n-workflow';
import type { InMemoryDataTables, WorkflowJson } from '../../test/harness';
import { loadWorkflow, runWorkflow } from '../../test/harness';
import { OUTBOX_FILE } from './hub';
import { templateTables } from './tables';

/**
 * The Inquiry Outbox as imported, run in process on rows as the hub stores them: each row is
 * claimed once, sent or not, and always given a receipt. Sends go to real sockets on 127.0.0.1:
 * an SMTP port nobody listens on, and a local receiver standing in for the alert webhook.
 */
const outbox = loadWorkflow(join(__dirname, '..', OUTBOX_FILE));

/** The Outbox with its Send Email step given an SMTP credential, as a user adds it. */
const withSmtp: WorkflowJson = {
	...outbox,
	nodes: outbox.nodes.map((node) =>
		node.name === 'Send Email'
			? { ...node, credentials: { smtp: { id: 's', name: 'SMTP' } } }
			: node,
	),
};
/** …and its text and Slack alert steps switched on, still without their credentials. */
const withAlertStepsOn: WorkflowJson = {
	...withSmtp,
	nodes: withSmtp.nodes.map((node) =>
		['Alert by Text (Twilio)', 'Alert by Slack'].includes(node.name)
			? { ...node, disabled: false }
			: node,
	),
};

let receiver: Server;
let alertUrl: string;
const alerts: unknown[] = [];
/** A port that was free a moment ago: connecting to it is refused. */
let closedPort: number;

beforeAll(async () => {
	receiver = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		request.on('end', () => {
			alerts.push(JSON.parse(body));
			response.end('ok');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	alertUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alert`;
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	closedPort = (probe.address() as AddressInfo).port;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => await new Promise<void>((resolve) => receiver.close(() => resolve())));

function tablesWith(settings: Record<string, string>, rows: DataTableRow[]): InMemoryDataTables {
	const tables = templateTables();
	// A later row of the same setting wins in Business Setup, as an edit of the sample row would.
	tables.seed(
		'inquiry_settings',
		Object.entries(settings).map(([setting, value]) => ({ setting, value })),
	);
	tables.seed('inquiry_notifications', rows);
	return tables;
}

const row = (fields: Record<string, string>): DataTableRow => ({
	inquiryId: 'inq_1',
	kind: 'owner_assigned',
	channel: 'email',
	recipient: 'ana@team.test',
	subject: 'New inquiry',
	body: 'Call <b>Eve</b> back',
	dedupeKey: `inq_1:${fields.kind ?? 'owner'}`,
	...fields,
});

/** Runs the Outbox on every stored row, as the hub hands them over. */
async function deliver(workflow: WorkflowJson, tables: InMemoryDataTables) {
	const stored = tables.rows('inquiry_notifications').map((json) => ({ json }));
	return await runWorkflow(workflow, {
		mode: 'integrated',
		dataTables: tables,
		credentials: { smtp: { host: '127.0.0.1', port: closedPort, secure: false } },
		pinData: { 'Outbox Trigger': stored as never },
	});
}

/**
 * Not Delivered's own words: n8n shows an error that mentions ECONNREFUSED as "refused the
 * connection" and keeps the node's message under `messages`.
 */
const notDelivered = (result: Awaited<ReturnType<typeof deliver>>) =>
	(result.run.data.resultData.runData['Not Delivered']?.[0]?.error as { messages?: string[] })
		?.messages;

const receipts = (tables: InMemoryDataTables) =>
	tables.rows('inquiry_notifications').map((r) => [r.kind, r.channel, r.status, r.answer]);

describe('the Inquiry Outbox', () => {
	it('gives every row a receipt: a channel with no sender, recipient or credential is not_sent with the reason, never sent', async () => {
		const tables = tablesWith({}, [
			row({ kind: 'owner_assigned' }),
			row({ kind: 'text_back', channel: 'sms', recipient: '+14155550101' }),
			row({ kind: 'alert', recipient: '' }),
			row({ kind: 'follow_up', channel: 'chat' }),
		]);
		const result = await deliver(outbox, tables);
		expect(result.error).toBeUndefined();
		expect(receipts(tables)).toEqual([
			['owner_assigned', 'email', 'not_sent', 'emailFrom is not set in inquiry_settings'],
			[
				'text_back',
				'sms',
				'not_sent',
				'textBackSender (your Twilio number) is not set in inquiry_settings',
			],
			['alert', 'email', 'not_sent', 'No recipient: managerEmail is not set in inquiry_settings'],
			[
				'follow_up',
				'chat',
				'not_sent',
				"A reply in the customer's chat goes through your chat vendor's own send step; none is connected",
			],
		]);
	});

	it('with emailFrom set but no SMTP credential on Send Email, the row is not_sent: no provider answered', async () => {
		const tables = tablesWith({ emailFrom: 'inquiries@hub.test' }, [row({})]);
		await deliver(outbox, tables);
		expect(receipts(tables)).toEqual([
			[
				'owner_assigned',
				'email',
				'not_sent',
				'The send step gave no answer from a provider: add your credential to Send Email in the Inquiry Outbox (and switch the step on).',
			],
		]);
	});

	it('a new row takes the short path: one settings read, one conditional update to claim it, the send, one receipt', async () => {
		const tables = tablesWith({ emailFrom: 'inquiries@hub.test' }, [row({})]);
		const result = await deliver(outbox, tables);
		const runData = result.run.data.resultData.runData;
		expect(Object.keys(runData)).toEqual([
			'Outbox Trigger',
			'Read Settings',
			'Rows Ready',
			'Claim the Row',
			'Which Way?',
			'Send Email',
			'Receipt: Sent',
		]);
		expect(Object.values(runData).map((runs) => runs.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
		expect(tables.rows('inquiry_notifications')[0]).toMatchObject({
			attempts: 1,
			status: 'not_sent',
		});
	});

	it('a row no sender can take gets its not_sent receipt from the claim itself: nothing runs after the claim but the route', async () => {
		const tables = tablesWith({}, [row({})]);
		const result = await deliver(outbox, tables);
		expect(Object.keys(result.run.data.resultData.runData)).toEqual([
			'Outbox Trigger',
			'Read Settings',
			'Rows Ready',
			'Claim the Row',
			'Which Way?',
		]);
		expect(tables.rows('inquiry_notifications')[0]).toMatchObject({
			status: 'not_sent',
			sentAt: '',
			attempts: 1,
			answer: 'emailFrom is not set in inquiry_settings',
		});
		expect(Date.parse(String(tables.rows('inquiry_notifications')[0].claimedAt))).not.toBeNaN();
	});

	it('a failed send: a failed receipt, an alert by the alert webhook, a red run; run again, the claimed row is not sent twice', async () => {
		alerts.length = 0;
		const tables = tablesWith({ emailFrom: 'inquiries@hub.test', managerAlertWebhook: alertUrl }, [
			row({}),
		]);
		const first = await deliver(withSmtp, tables);
		const [receipt] = tables.rows('inquiry_notifications');
		expect(receipt).toMatchObject({
			status: 'failed',
			answer: `connect ECONNREFUSED 127.0.0.1:${closedPort}`,
		});
		expect(Date.parse(String(receipt.sentAt))).not.toBeNaN();
		expect(alerts).toEqual([
			expect.objectContaining({
				kind: 'owner_assigned',
				inquiryId: 'inq_1',
				recipient: 'ana@team.test',
				text: `Not delivered: the owner_assigned message to ana@team.test by email (inquiry inq_1) failed: connect ECONNREFUSED 127.0.0.1:${closedPort}.`,
			}),
		]);
		expect(first.error).toMatchObject({ node: 'Not Delivered' });

		const replay = await deliver(withSmtp, tables);
		expect(replay.error).toBeUndefined();
		expect(replay.ran('Send Email')).toBe(false);
		expect(alerts).toHaveLength(1);
		expect(tables.rows('inquiry_notifications')).toEqual([receipt]);
	});

	it('a row stuck in sending (its run stopped before the receipt) is claimed again once stale, by compare-and-set, and sent', async () => {
		const stale = new Date(Date.now() - 20 * 60_000).toISOString();
		const fresh = new Date(Date.now() - 2 * 60_000).toISOString();
		const tables = tablesWith({ emailFrom: 'inquiries@hub.test' }, [
			row({ status: 'sending', claimedAt: stale, attempts: 1 } as never),
			row({ inquiryId: 'inq_2', status: 'sending', claimedAt: fresh, attempts: 1 } as never),
		]);
		const [stuck] = tables.rows('inquiry_notifications');
		const result = await deliver(outbox, tables);
		const [reclaimed, recent] = tables.rows('inquiry_notifications');
		// Claimed again (attempt 2) and sent on; Send Email has no credential here, so not_sent says why.
		expect(reclaimed).toMatchObject({ attempts: 2, status: 'not_sent' });
		expect(Date.parse(String(reclaimed.claimedAt))).toBeGreaterThan(Date.parse(stale));
		expect(result.output('Claim the Row').map((r) => r.id)).toEqual([stuck.id]);
		// A row in sending for 2 minutes is still some run's own: left alone.
		expect(recent).toMatchObject({ status: 'sending', claimedAt: fresh, attempts: 1 });
	});

	it('two runs handed the same new row: the second finds it claimed and sends nothing', async () => {
		const tables = tablesWith({ emailFrom: 'inquiries@hub.test' }, [row({})]);
		const handed = tables.rows('inquiry_notifications').map((json) => ({ json }));
		const run = async () =>
			await runWorkflow(outbox, {
				mode: 'integrated',
				dataTables: tables,
				pinData: { 'Outbox Trigger': handed as never },
			});
		const first = await run();
		const [afterFirst] = tables.rows('inquiry_notifications');
		const second = await run();
		expect(first.ran('Send Email')).toBe(true);
		expect(second.ran('Claim the Row')).toBe(true);
		expect(second.output('Claim the Row')).toEqual([]);
		expect(second.ran('Send Email')).toBe(false);
		expect(tables.rows('inquiry_notifications')).toEqual([afterFirst]);
	});

	it('a stuck row that another run already claimed again is not sent by this one', async () => {
		const stale = new Date(Date.now() - 20 * 60_000).toISOString();
		const tables = tablesWith({ emailFrom: 'inquiries@hub.test' }, [
			row({ status: 'sending', claimedAt: stale, attempts: 1 } as never),
		]);
		const handed = tables.rows('inquiry_notifications').map((json) => ({ json }));
		// The other run's compare-and-set landed first: a new claimedAt, attempt 2.
		const now = new Date().toISOString();
		const proxy = await tables.provider().getDataTableProxy(null, null, 'inquiry_notifications');
		await proxy.updateRows({
			filter: {
				type: 'and',
				filters: [{ columnName: 'id', condition: 'eq', value: handed[0].json.id }],
			},
			data: { claimedAt: now, attempts: 2 },
		});
		const result = await runWorkflow(outbox, {
			mode: 'integrated',
			dataTables: tables,
			pinData: { 'Outbox Trigger': handed as never },
		});
		expect(result.error).toBeUndefined();
		expect(result.ran('Which Way?')).toBe(false);
		expect(tables.rows('inquiry_notifications')[0]).toMatchObject({
			status: 'sending',
			claimedAt: now,
			attempts: 2,
		});
	});

	it('a row stuck past its last attempt is failed, the manager alerted, and the run red', async () => {
		alerts.length = 0;
		const stale = new Date(Date.now() - 20 * 60_000).toISOString();
		const tables = tablesWith(
			{ emailFrom: 'inquiries@hub.test', managerAlertWebhook: alertUrl, maxSendAttempts: '3' },
			[row({ status: 'sending', claimedAt: stale, attempts: 3 } as never)],
		);
		const result = await deliver(withSmtp, tables);
		expect(result.ran('Send Email')).toBe(false);
		expect(tables.rows('inquiry_notifications')[0]).toMatchObject({
			status: 'failed',
			answer:
				"Stuck in sending after 3 attempts: each run sending it stopped before its receipt. Not sent again; see the Inquiry Outbox's executions.",
		});
		expect(alerts).toEqual([
			expect.objectContaining({
				inquiryId: 'inq_1',
				text: expect.stringContaining('Stuck in sending after 3 attempts'),
			}),
		]);
		expect(result.error).toMatchObject({ node: 'Not Delivered' });
	});

	it('a failed send with managerPhone and managerChat set: the text and Slack alert steps run too (a step that fails does not stop the others), and the run is still red', async () => {
		alerts.length = 0;
		const tables = tablesWith(
			{
				emailFrom: 'inquiries@hub.test',
				managerAlertWebhook: alertUrl,
				managerPhone: '+14155550199',
				textBackSender: '+14155550100',
				managerChat: '#inquiries',
			},
			[row({})],
		);
		const result = await deliver(withAlertStepsOn, tables);
		expect(alerts).toHaveLength(1);
		expect(
			['Alert by Webhook', 'Alert by Text (Twilio)', 'Alert by Slack'].map(result.ran),
		).toEqual([true, true, true]);
		expect(result.error).toMatchObject({ node: 'Not Delivered' });
		expect(notDelivered(result)).toEqual([
			`Not delivered: the owner_assigned message to ana@team.test by email (inquiry inq_1) failed: connect ECONNREFUSED 127.0.0.1:${closedPort}. The manager was alerted by managerAlertWebhook, a text to managerPhone, Slack (managerChat).`,
		]);
		expect(tables.rows('inquiry_notifications')[0]).toMatchObject({ status: 'failed' });
	});

	it('a failed send with no alert path set: no alert step runs, the run is red and says which settings give one', async () => {
		const tables = tablesWith({ emailFrom: 'inquiries@hub.test' }, [row({})]);
		const result = await deliver(withAlertStepsOn, tables);
		expect(
			['Alert by Webhook', 'Alert by Text (Twilio)', 'Alert by Slack'].map(result.ran),
		).toEqual([false, false, false]);
		expect(result.error).toMatchObject({ node: 'Not Delivered' });
		expect(notDelivered(result)).toEqual([
			expect.stringMatching(
				/failed: connect ECONNREFUSED .*\. Set managerAlertWebhook, managerPhone or managerChat in inquiry_settings to be alerted by another path\.$/,
			),
		]);
	});
});
