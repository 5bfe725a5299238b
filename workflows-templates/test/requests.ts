import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import type { WorkflowJson } from '../../test/harness';

export const TWILIO_TOKEN = 'template-test-auth-token';
const PAYLOADS = join(__dirname, '../../test/fixtures/vendor-payloads');

export function vendorBody(file: string): Record<string, string> {
	return JSON.parse(readFileSync(join(PAYLOADS, file), 'utf8')).body as Record<string, string>;
}

/** The item n8n's Webhook node emits for a form-encoded post signed the way Twilio signs. */
export function twilioRequest(
	path: string,
	body: Record<string, string>,
	{ forged = false } = {},
): IDataObject {
	const webhookUrl = `https://example.com/webhook/${path}`;
	const data = Object.keys(body)
		.sort()
		.reduce((acc, key) => acc + key + body[key], webhookUrl);
	const signature = createHmac('sha1', forged ? 'wrong-token' : TWILIO_TOKEN)
		.update(data)
		.digest('base64');
	return {
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			'x-twilio-signature': signature,
		},
		params: {},
		query: {},
		body,
		webhookUrl,
	};
}

/** Templates ship without credentials; tests attach the ones a node needs, as a user would. */
export function withCredential(
	workflow: WorkflowJson,
	nodeName: string,
	type: string,
): WorkflowJson {
	const copy = structuredClone(workflow);
	const node = copy.nodes.find((n) => n.name === nodeName);
	if (!node) throw new Error(`No node ${nodeName}`);
	node.credentials = { [type]: { id: 'test', name: 'Test credential' } };
	return copy;
}
