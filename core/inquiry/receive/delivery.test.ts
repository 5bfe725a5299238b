import { looksLikeWebhookItem, readDelivery, signedUrl } from './delivery';

const webhookItem = {
	headers: { 'content-type': 'application/json', 'x-cal-signature-256': 'abc' },
	params: {},
	query: { bodySHA256: 'f00', tag: ['a', 'b'] },
	body: { name: 'Ana', email: 'ana@example.com' },
	webhookUrl: 'https://n8n.example.com/webhook/leads',
	executionMode: 'production',
};

describe('readDelivery', () => {
	it('reads the body of a Webhook node item by default, with its headers and URL', () => {
		expect(looksLikeWebhookItem(webhookItem)).toBe(true);
		expect(readDelivery(webhookItem)).toEqual({
			payload: { name: 'Ana', email: 'ana@example.com' },
			headers: webhookItem.headers,
			query: webhookItem.query,
			webhookUrl: 'https://n8n.example.com/webhook/leads',
		});
	});

	it('reads any other item whole, unless told otherwise', () => {
		const formItem = { Name: 'Ana', Email: 'ana@example.com', body: 'I need a plumber' };
		expect(looksLikeWebhookItem(formItem)).toBe(false);
		expect(readDelivery(formItem).payload).toBe(formItem);
		expect(readDelivery(formItem, 'body').payload).toBe('I need a plumber');
		expect(readDelivery(webhookItem, 'wholeItem').payload).toBe(webhookItem);
	});

	it('reads a dotted field, own properties only', () => {
		const item = { data: { lead: { email: 'x@example.com' } }, list: [{ a: 1 }] };
		expect(readDelivery(item, 'field', 'data.lead').payload).toEqual({ email: 'x@example.com' });
		expect(readDelivery(item, 'field', ' list.0 ').payload).toEqual({ a: 1 });
		expect(readDelivery(item, 'field', 'data.__proto__').payload).toBeUndefined();
		expect(readDelivery(item, 'field', 'toString').payload).toBeUndefined();
		expect(readDelivery(item, 'field', '').payload).toBeUndefined();
	});

	it('never throws on non-objects', () => {
		for (const item of [null, undefined, 42, 'text', [1, 2]])
			expect(readDelivery(item).headers).toEqual({});
	});
});

describe('signedUrl', () => {
	const delivery = readDelivery(webhookItem);

	it('prefers the public URL and adds the query the request carried', () => {
		expect(signedUrl(delivery, 'https://public.example.com/hook')).toBe(
			'https://public.example.com/hook?bodySHA256=f00&tag=a&tag=b',
		);
		expect(signedUrl(delivery)).toBe(
			'https://n8n.example.com/webhook/leads?bodySHA256=f00&tag=a&tag=b',
		);
	});

	it('keeps a URL that already has a query exactly as entered', () => {
		expect(signedUrl(delivery, 'https://public.example.com/hook?b=2&a=1')).toBe(
			'https://public.example.com/hook?b=2&a=1',
		);
		expect(signedUrl(readDelivery({ a: 1 }))).toBeUndefined();
	});
});
