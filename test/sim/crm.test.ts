import type { SimCrm } from './crm';
import { startSimCrm } from './crm';

let crm: SimCrm;
beforeEach(async () => {
	crm = await startSimCrm({ slowMs: 50 });
});
afterEach(async () => {
	await crm.close();
});

const create = async (contact: Record<string, unknown>, headers: Record<string, string> = {}) =>
	await fetch(`${crm.url}/contacts`, { method: 'POST', headers, body: JSON.stringify(contact) });
const read = async (path: string) => {
	const response = await fetch(`${crm.url}${path}`);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('the simulated CRM', () => {
	it('stores a contact and serves it by /contacts/:id and /contacts?id=', async () => {
		const created = await create({
			inquiryId: 'inq_1',
			email: 'ana@example.com',
			phone: '+14155550123',
		});
		expect(created.status).toBe(201);
		expect(await read('/contacts/c-1')).toEqual({
			status: 200,
			body: { id: 'c-1', inquiryId: 'inq_1', email: 'ana@example.com', phone: '+14155550123' },
		});
		expect((await read('/contacts?id=c-1')).body.inquiryId).toBe('inq_1');
		expect((await read('/contacts?id=c-9')).status).toBe(404);
	});

	it('keeps one contact for a repeated Idempotency-Key, and a second one without it', async () => {
		const key = { 'idempotency-key': 'inq_1' };
		expect((await create({ inquiryId: 'inq_1' }, key)).status).toBe(201);
		const again = await create({ inquiryId: 'inq_1' }, key);
		expect([again.status, ((await again.json()) as { id: string }).id]).toEqual([200, 'c-1']);
		expect(crm.contacts()).toHaveLength(1);
		await create({ inquiryId: 'inq_1' });
		expect(crm.contacts().map((contact) => contact.id)).toEqual(['c-1', 'c-2']);
	});

	it('drops every connection while down, and answers again once up', async () => {
		crm.down();
		await expect(create({ inquiryId: 'inq_2' })).rejects.toThrow();
		expect(crm.contacts()).toEqual([]);
		crm.up();
		expect((await create({ inquiryId: 'inq_2' })).status).toBe(201);
		expect(crm.log).toEqual(['POST /contacts dropped', 'POST /contacts 201']);
	});

	it('fails on purpose by the email: refused write, broken read, lost phone, late visibility', async () => {
		expect((await create({ email: 'refuse@example.com' })).status).toBe(500);
		await create({ email: 'broken@example.com' });
		await create({ email: 'lossy@example.com', phone: '+14155550123' });
		await create({ email: 'late@example.com' });
		expect((await read('/contacts/c-1')).status).toBe(500);
		expect((await read('/contacts/c-2')).body.phone).toBe('');
		const late = [
			await read('/contacts/c-3'),
			await read('/contacts/c-3'),
			await read('/contacts/c-3'),
		];
		expect(late.map((answer) => answer.status)).toEqual([404, 404, 200]);
	});
});
