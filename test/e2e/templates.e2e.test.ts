import { createHmac } from 'crypto';
import type { N8nInstance, TemplateSetup } from './harness';
import { dataTableRows, loadVendorPayload, setUpTemplates, startN8n, vendorRequest } from './harness';

/**
 * The templates as a user runs them: `npm start`'s set-up path imports and publishes them on a
 * fresh n8n 2.41.1, then real vendor payloads are posted to each entry webhook over HTTP.
 */
const START_TIMEOUT_MS = 25 * 60_000;
const SECRET = 'e2e-twilio-auth-token';
jest.setTimeout(120_000);

let n8n: N8nInstance;
let setup: TemplateSetup;

beforeAll(async () => {
	n8n = await startN8n({ version: '2.41.1', label: 'templates' });
	const name = 'Inquiry Webhook Secret (e2e)';
	const id = await n8n.createCredential('inquiryWebhookSecretApi', name, { secret: SECRET, publicUrl: '' });
	setup = await setUpTemplates(n8n, undefined, { inquiryWebhookSecretApi: { id, name } });
}, START_TIMEOUT_MS);

afterAll(async () => {
	await n8n?.stop();
});

/** Waits until every execution of a template has finished. */
async function settle(file: string, count: number): Promise<void> {
	const template = setup.templates.find((t) => t.file === file);
	if (!template) throw new Error(`No template ${file}`);
	await n8n.waitForExecutions(template.id, { count, timeoutMs: 30_000 });
}

/** A form-encoded Twilio post signed for the URL n8n sees (no proxy in between). */
function signedTwilio(path: string, fields: Record<string, string>, secret = SECRET) {
	const url = `${n8n.baseUrl}/webhook/${path}`;
	const data = Object.keys(fields).sort().reduce((acc, key) => acc + key + fields[key], url);
	return {
		rawBody: new URLSearchParams(fields).toString(),
		contentType: 'application/x-www-form-urlencoded',
		headers: { 'x-twilio-signature': createHmac('sha1', secret).update(data).digest('base64') },
	};
}

test('every template is published', () => {
	expect(setup.templates.filter((t) => !t.published).map((t) => `${t.file}: ${t.note}`)).toEqual([]);
});

test('a Typeform submission becomes a record with an owner, and the sender gets a receipt', async () => {
	const response = await n8n.postWebhook('inquiry-form', vendorRequest(loadVendorPayload('typeform__form_response__1')));
	expect(response.status).toBe(200);
	expect(response.json).toEqual({ inquiryId: expect.stringMatching(/^inq_/), status: 'received' });
	await settle('01b-form-webhook-to-verified-record.json', 1);
	const records = await dataTableRows(n8n, 'inquiry_records');
	expect(records.map((r) => [r.email, r.sourceSystem, r.ownerId])).toEqual([['laura@example.com', 'typeform', 'owner-1']]);
});

test('a caller who rings three times gets one text back; a forged post gets 401 and no record', async () => {
	const busy = loadVendorPayload('twilio__voice_status_callback__busy__1').body as Record<string, string>;
	const call = (sid: string) => ({ ...busy, CallSid: sid, Direction: 'inbound', CallStatus: 'no-answer', From: '+14155552671', Caller: '+14155552671', To: '+14155550100', Called: '+14155550100' });
	for (const sid of ['CAe2e1', 'CAe2e2', 'CAe2e3']) {
		const response = await n8n.postWebhook('inquiry-missed-call', signedTwilio('inquiry-missed-call', call(sid)));
		expect(response.status).toBe(200);
	}
	const forged = await n8n.postWebhook('inquiry-missed-call', signedTwilio('inquiry-missed-call', call('CAforged'), 'not-the-token'));
	expect(forged.status).toBe(401);
	await settle('02-missed-call-text-back.json', 4);

	const notifications = await dataTableRows(n8n, 'inquiry_notifications');
	expect(notifications.filter((row) => row.kind === 'text_back').map((row) => row.recipient)).toEqual(['+14155552671']);
	expect(notifications.filter((row) => row.kind === 'alert' && String(row.body).includes('signature'))).toHaveLength(1);
	const calls = (await dataTableRows(n8n, 'inquiry_records')).filter((row) => row.channel === 'missed_call');
	expect(calls).toHaveLength(3);
});

test('Meta’s subscription handshake is answered with hub.challenge', async () => {
	const response = await fetch(`${n8n.baseUrl}/webhook/inquiry-ad-lead?hub.mode=subscribe&hub.verify_token=your-verify-token&hub.challenge=1158201444`);
	expect(response.status).toBe(200);
	expect(await response.text()).toBe('1158201444');
});

test('a Google Ads lead becomes a record; a replay of it does not create a second one', async () => {
	const lead = vendorRequest(loadVendorPayload('google_ads__lead_form_webhook__1'));
	expect((await n8n.postWebhook('inquiry-ad-lead', lead)).status).toBe(200);
	expect((await n8n.postWebhook('inquiry-ad-lead', lead)).status).toBe(200);
	await settle('05-ad-lead-to-owner.json', 2);
	const leads = (await dataTableRows(n8n, 'inquiry_records')).filter((row) => row.sourceSystem === 'google_ads');
	expect(leads.map((r) => [r.email, r.service, r.postalCode])).toEqual([['test@example.com', 'Roofing', '94043']]);
});
