import type { ReadBackIo, ReadBackReply } from './readBack';
import type { HandoffParameters } from './settings';
import type { HandoffItemOptions } from './verifyItem';
import { verifyHandoffItem } from './verifyItem';
import { janeRecord, janeRoe } from './test/inquiry';

const NOW = new Date('2026-03-02T15:02:00.000Z');

const parameters = (overrides: Partial<HandoffParameters> = {}): HandoffParameters => ({
	destination: 'CRM',
	inquirySource: 'earlierNode',
	recordField: 'record',
	recordPath: '',
	recordIdPath: 'id',
	fieldsMode: 'standard',
	standardFields: ['name', 'email', 'phone'],
	destinationPrefix: '',
	fields: {},
	deadline: 'none',
	slaMinutes: 5,
	...overrides,
});

/** A destination that answers every GET with `reply` and records the URLs asked for. */
function destination(reply: ReadBackReply) {
	const urls: string[] = [];
	const io: ReadBackIo = {
		send: async (url) => {
			urls.push(url);
			return reply;
		},
		wait: async () => undefined,
		now: () => NOW,
	};
	return { io, urls };
}

const options = (extra: Partial<HandoffItemOptions> = {}): HandoffItemOptions => ({
	inquiryParameter: () => janeRoe(),
	now: NOW,
	nodeName: 'Verify',
	...extra,
});
const readBack = (io: ReadBackIo, url = '/contacts/{recordId}') => ({
	baseUrl: 'https://crm.example',
	url,
	attempts: 1,
	retryDelayMs: 0,
	io,
});

describe('verifyHandoffItem', () => {
	it('compares the input item as the record when there is no read-back', async () => {
		const result = await verifyHandoffItem(janeRecord(), parameters(), options());
		expect(result.output).toBe('verified');
		expect(result.receipt).toMatchObject({
			status: 'verified',
			recordId: 'rec-42',
			matched: ['name', 'email', 'phone'],
		});
	});

	it('reads the inquiry from the input item, and the record from its field, when told so', async () => {
		const item = { ...janeRoe(), crm: janeRecord({ phone: '' }) };
		const result = await verifyHandoffItem(
			item,
			parameters({ inquirySource: 'inputItem', recordField: 'crm' }),
			options({ inquiryParameter: () => undefined }),
		);
		expect(result.receipt).toMatchObject({ status: 'mismatch', lost: ['phone'] });
	});

	it('reads back by the id the write returned, and keeps that id when the record shows none', async () => {
		const { io, urls } = destination({
			ok: true,
			statusCode: 200,
			body: { name: 'Jane Roe', email: 'jane.roe@example.com', phone: '+14155550123' },
		});
		const result = await verifyHandoffItem(
			{ id: 'c-7' },
			parameters(),
			options({ readBack: readBack(io) }),
		);
		expect(urls).toEqual(['https://crm.example/contacts/c-7']);
		expect(result.receipt).toMatchObject({ status: 'verified', recordId: 'c-7' });
	});

	it('does not read back by id after a write that failed without one: the write’s answer is the receipt', async () => {
		const { io, urls } = destination({ ok: true, statusCode: 200, body: janeRecord() });
		const result = await verifyHandoffItem(
			{ statusCode: 500, body: { message: 'busy' } },
			parameters(),
			options({ readBack: readBack(io) }),
		);
		expect(urls).toEqual([]);
		expect(result.receipt).toMatchObject({
			status: 'error',
			statusCode: 500,
			attempts: [{ outcome: 'http_error', statusCode: 500 }],
		});
	});

	it('still searches after such a write: the destination may have stored the record anyway', async () => {
		const { io, urls } = destination({ ok: true, statusCode: 200, body: [janeRecord()] });
		const result = await verifyHandoffItem(
			{ statusCode: 500, body: {} },
			parameters(),
			options({ readBack: readBack(io, '/contacts?email={email}') }),
		);
		expect(urls).toEqual(['https://crm.example/contacts?email=jane.roe%40example.com']);
		expect(result.receipt).toMatchObject({ status: 'verified', recordId: 'rec-42' });
	});
});
