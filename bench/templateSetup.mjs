// One real n8n set up the way a user runs the entry templates: the web-form entry (01b) and the
// missed-call entry (02) calling the hub (00), which hands messages to the Inquiry Outbox (00c),
// imported with npm start's own importer; n8n's Send Email delivers to bench/smtpSink.mjs on
// 127.0.0.1 (a mail server that notes when it accepted each message, to the millisecond).
// Next to them on the same instance: the bare webhook, the hand-built alternative, and each entry
// with this package's nodes swapped for Set nodes (bench/swap.mjs), each pair on its own path.
import { startSmtpSink } from './smtpSink.mjs';
import { withSetNodes } from './swap.mjs';
import {
	bareWorkflow,
	CALL_POST,
	FORM_POST,
	handBuiltTable,
	handBuiltWorkflow,
	HAND_BUILT_PATH,
	BARE_PATH,
} from './workflows.mjs';

export const WEBHOOK_SECRET = 'bench-webhook-secret-0123456789';
const TEMPLATES = ['00-', '00c-', '00d-', '01b-', '02-'];
export const OWNER_SENDER = 'inquiries@bench.test';
/** The request number the swapped variants are recorded from; live requests stay below it. */
export const RECORDED_NUMBER = 987654;

/** The entries measured: the path each posts to, its body and how it is signed. */
export const ENTRIES = {
	bare: { path: BARE_PATH, body: FORM_POST, expect: 'received' },
	handBuilt: { path: HAND_BUILT_PATH, body: FORM_POST, expect: 'received' },
	form: { path: 'inquiry-form', body: FORM_POST, expect: 'received', template: '01b-' },
	formSwapped: { path: 'bench-swapped-form', body: FORM_POST, expect: 'received', of: 'form' },
	call: {
		path: 'inquiry-missed-call',
		body: CALL_POST,
		expect: 'received',
		twilio: true,
		template: '02-',
	},
	callSwapped: {
		path: 'bench-swapped-call',
		body: CALL_POST,
		expect: 'received',
		twilio: true,
		of: 'call',
	},
};

const sleep = async (ms) => await new Promise((resolve) => setTimeout(resolve, ms));

export async function startTemplateInstance(harness, { engine, label, env }) {
	const instance = await harness.startN8n({ engine, label, env });
	let mail;
	try {
		mail = await startSmtpSink();
		const smtp = {
			id: await instance.createCredential(
				'smtp',
				'Local mail server (bench)',
				harness.mailDevSmtpCredential(mail),
			),
			name: 'Local mail server (bench)',
		};
		const secret = {
			id: await instance.createCredential('inquiryWebhookSecretApi', 'Webhook secret (bench)', {
				secret: WEBHOOK_SECRET,
				publicUrl: '',
			}),
			name: 'Webhook secret (bench)',
		};
		const templates = harness
			.loadTemplates()
			.filter((t) => TEMPLATES.some((prefix) => t.file.startsWith(prefix)));
		await harness.ensureDataTables(instance, [
			...harness.dataTablesNeeded(
				templates.map((t) => t.workflow),
				harness.declaredTables(),
			),
			handBuiltTable,
		]);
		const published = await harness.importTemplates(instance, templates, {
			smtp,
			inquiryWebhookSecretApi: secret,
		});
		const unpublished = published.filter((t) => !t.published);
		if (unpublished.length)
			throw new Error(
				`Templates not published: ${unpublished.map((t) => `${t.file}: ${t.note}`).join('; ')}`,
			);
		for (const [setting, value] of Object.entries({
			emailFrom: OWNER_SENDER,
			managerEmail: 'manager@bench.test',
		}))
			await harness.updateDataTableRows(instance, 'inquiry_settings', { setting }, { value });
		const ids = Object.fromEntries(published.map((t) => [t.file.split('-')[0], t.id]));
		for (const [key, workflow] of [
			['bare', bareWorkflow()],
			['handBuilt', handBuiltWorkflow(smtp)],
		]) {
			ids[key] = await instance.importWorkflow(workflow);
			await instance.publish(ids[key]);
		}
		return {
			instance,
			mail,
			ids,
			templates,
			published,
			stop: async () => {
				await mail.stop();
				await instance.stop();
			},
		};
	} catch (error) {
		await mail?.stop();
		await instance.stop();
		throw error;
	}
}

/** The newest finished execution of a workflow, with its run data. */
export async function lastExecution(instance, workflowId, afterId = 0) {
	for (let tries = 0; tries < 100; tries++) {
		// n8n closes idle keep-alive sockets; a request on one of those fails once and is retried.
		const page = await instance
			.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=1`)
			.catch(() => ({ data: [] }));
		const [execution] = page.data;
		if (
			execution &&
			Number(execution.id) > afterId &&
			execution.finished !== undefined &&
			execution.status !== 'running'
		)
			return execution;
		await sleep(200);
	}
	throw new Error(`No finished execution of workflow ${workflowId}`);
}
