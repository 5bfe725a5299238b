import type { IDataObject } from 'n8n-workflow';
import type { InMemoryDataTables } from '../../test/harness';
import { entryTemplate, runEntry } from './hub';
import { TWILIO_TOKEN, twilioRequest, vendorBody, withCredential } from './requests';
import { templateTables } from './tables';

const NOW = '2026-03-03T15:00:00.000Z'; // a Tuesday, 10:00 in New York: the sample owners are in
const credentials = { inquiryWebhookSecretApi: { secret: TWILIO_TOKEN, publicUrl: '' } };
const ENTRIES = {
	form: {
		workflow: entryTemplate('01b-form-webhook-to-verified-record.json'),
		node: 'Form Webhook',
	},
	missedCall: {
		workflow: withCredential(
			entryTemplate('02-missed-call-text-back.json'),
			'Normalize Inquiry',
			'inquiryWebhookSecretApi',
		),
		node: 'Call Webhook',
	},
	chat: { workflow: entryTemplate('03-chat-to-owner.json'), node: 'Chat Webhook' },
};
type Entry = keyof typeof ENTRIES;
const json = (body: unknown): IDataObject => ({
	headers: {},
	params: {},
	query: {},
	body: body as IDataObject,
});

/** Inquiry number `n` from a person not seen before, on one entry. */
function request(entry: Entry, n: number): IDataObject {
	const phone = `+1415555${String(3000 + n).padStart(4, '0')}`;
	if (entry === 'form')
		return json({
			name: `Person ${n}`,
			email: `person${n}@customers.test`,
			phone,
			service: 'Repair',
			message: 'A leaking tap',
			postal_code: '94110',
		});
	if (entry === 'missedCall')
		return twilioRequest('inquiry-missed-call', {
			...vendorBody('twilio__voice_status_callback__busy__1.json'),
			CallSid: `CA${n}`,
			Direction: 'inbound',
			CallStatus: 'no-answer',
			From: phone,
			Caller: phone,
		});
	const intercom = vendorBody('intercom__conversation.user.created__1.json') as unknown as {
		data: { item: IDataObject & { user: IDataObject } };
	};
	return json({
		...intercom,
		id: `notif_${n}`,
		data: {
			...intercom.data,
			item: {
				...intercom.data.item,
				id: `conv${n}`,
				user: { ...intercom.data.item.user, id: `p${n}`, email: `person${n}@customers.test` },
			},
		},
	});
}

async function post(tables: InMemoryDataTables, entry: Entry, n: number, now = NOW) {
	const { workflow, node } = ENTRIES[entry];
	const result = await runEntry(workflow, {
		now,
		mode: 'webhook',
		dataTables: tables,
		credentials,
		pinData: { [node]: [{ json: request(entry, n) }] },
	});
	expect(result.error).toBeUndefined();
	expect(result.hub.error).toBeUndefined();
	return result;
}

const ownerOf = (result: Awaited<ReturnType<typeof post>>) =>
	(
		result.hub.output('Assign Inquiry Owner', 0)[0]?.assignment as
			| { owner?: { id: string } }
			| undefined
	)?.owner?.id;
const memoryRow = (tables: InMemoryDataTables) => tables.rows('inquiry_owner_memory')[0];

async function setSetting(tables: InMemoryDataTables, setting: string, value: string) {
	const settings = await tables.provider().getDataTableProxy(null, null, 'inquiry_settings');
	await settings.updateRows({
		filter: { type: 'and', filters: [{ columnName: 'setting', condition: 'eq', value: setting }] },
		data: { value },
	});
}

describe('the Inquiry Continuity Hub', () => {
	it('gives turns from one memory across the form, missed-call and chat entries, one version per inquiry', async () => {
		const tables = templateTables();
		const order: Entry[] = ['form', 'missedCall', 'chat', 'form', 'missedCall', 'chat'];
		const owners = [];
		for (const [n, entry] of order.entries()) owners.push(ownerOf(await post(tables, entry, n)));
		expect(owners).toEqual(['owner-1', 'owner-2', 'owner-3', 'owner-1', 'owner-2', 'owner-3']);
		expect(memoryRow(tables)).toMatchObject({ scope: 'business', version: 6 });
		expect(JSON.parse(String(memoryRow(tables).state))).toMatchObject({
			assigned: 6,
			daily: { day: '2026-03-03', counts: { 'owner-1': 2, 'owner-2': 2, 'owner-3': 2 } },
		});
	});

	it('reads inquiry_team on every inquiry: one edited row changes who gets the next one on each entry', async () => {
		const tables = templateTables();
		const team = await tables.provider().getDataTableProxy(null, null, 'inquiry_team');
		await team.updateRows({
			filter: {
				type: 'and',
				filters: [{ columnName: 'ownerId', condition: 'neq', value: 'owner-2' }],
			},
			data: { active: false },
		});
		for (const [n, entry] of (['form', 'missedCall', 'chat'] as Entry[]).entries())
			expect(ownerOf(await post(tables, entry, n))).toBe('owner-2');
		await team.updateRows({
			filter: {
				type: 'and',
				filters: [{ columnName: 'ownerId', condition: 'eq', value: 'owner-2' }],
			},
			data: { awayFrom: '2026-03-01', awayUntil: '2026-03-10' },
		});
		await team.updateRows({
			filter: {
				type: 'and',
				filters: [{ columnName: 'ownerId', condition: 'eq', value: 'owner-3' }],
			},
			data: { active: true },
		});
		expect(ownerOf(await post(tables, 'chat', 9))).toBe('owner-3');
	});

	it('takes the business name and wording from inquiry_settings, and words the question neutrally while the name is unset', async () => {
		const tables = templateTables();
		const incomplete = (n: number) => ({
			headers: {},
			params: {},
			query: {},
			body: { name: `Person ${n}`, email: `person${n}@customers.test`, message: 'Can you help?' },
		});
		const ask = async (n: number) => {
			const result = await runEntry(ENTRIES.form.workflow, {
				now: NOW,
				mode: 'webhook',
				dataTables: tables,
				pinData: { 'Form Webhook': [{ json: incomplete(n) }] },
			});
			expect(result.hub.error).toBeUndefined();
			return tables
				.rows('inquiry_notifications')
				.find((row) => row.kind === 'follow_up' && row.recipient === `person${n}@customers.test`);
		};
		expect(String((await ask(1))?.body)).toContain('Thanks for reaching out to us!');
		const settings = await tables.provider().getDataTableProxy(null, null, 'inquiry_settings');
		await settings.updateRows({
			filter: {
				type: 'and',
				filters: [{ columnName: 'setting', condition: 'eq', value: 'businessName' }],
			},
			data: { value: 'Bright Plumbing' },
		});
		await settings.updateRows({
			filter: {
				type: 'and',
				filters: [{ columnName: 'setting', condition: 'eq', value: 'managerEmail' }],
			},
			data: { value: 'ops@bright.test' },
		});
		expect(String((await ask(2))?.body)).toContain('Thanks for reaching out to Bright Plumbing!');
	});

	it('when another execution saved the memory first, reads it again and decides again (compare-and-set on id and version)', async () => {
		const tables = templateTables();
		const base = tables.provider();
		let raced = false;
		// Another inquiry's execution saves the row between this one's read and its write.
		tables.provider = () => ({
			...base,
			getDataTableProxy: async (workflow: unknown, node: unknown, id: string) => {
				const proxy = await base.getDataTableProxy(workflow, node, id);
				if (!id.includes('owner_memory')) return proxy;
				return {
					...proxy,
					updateRows: async (update: Parameters<typeof proxy.updateRows>[0]) => {
						if (!raced) {
							raced = true;
							const other = JSON.stringify({
								version: 1,
								credits: {},
								daily: { day: '2026-03-03', counts: { 'owner-1': 1 } },
								sticky: {},
								assigned: 1,
							});
							await proxy.updateRows({
								filter: {
									type: 'and',
									filters: [{ columnName: 'scope', condition: 'eq', value: 'business' }],
								},
								data: { state: other, version: 1 },
							});
						}
						return await proxy.updateRows(update);
					},
				};
			},
		});
		const result = await post(tables, 'form', 1);
		expect(result.hub.run.data.resultData.runData['Assign Inquiry Owner']).toHaveLength(2);
		expect(result.hub.ran('Tries Left?')).toBe(true);
		// The second decision started from what the other execution saved (its count of 1), and is the one kept.
		const [retried] = result.hub.output('Assign Inquiry Owner', 0, 1);
		expect(retried.routingMemory).toMatchObject({ basedOnVersion: 1, state: { assigned: 2 } });
		const owner = (retried.assignment as { owner: { id: string } }).owner.id;
		expect(tables.rows('inquiry_records').map((row) => row.ownerId)).toEqual([owner]);
		expect(memoryRow(tables)).toMatchObject({ version: 2 });
		expect(JSON.parse(String(memoryRow(tables).state))).toMatchObject({
			assigned: 2,
			daily: { counts: { [owner]: owner === 'owner-1' ? 2 : 1 } },
		});
	});

	it('joins a call and the form the caller fills in later: one inquiry, one owner, one record, and the owner told it wrote again', async () => {
		const tables = templateTables();
		const call = await post(tables, 'missedCall', 5);
		// The generic form webhook reads a plain JSON post as channel "other".
		const form = await post(tables, 'form', 5, '2026-03-04T09:30:00.000Z');
		expect(ownerOf(call)).toBe('owner-1');
		expect(form.hub.ran('Check Inquiry Context')).toBe(false);
		const [ledger] = tables.rows('inquiry_ledger');
		expect(tables.rows('inquiry_ledger')).toHaveLength(1);
		expect(ledger).toMatchObject({
			channel: 'missed_call',
			ownerId: 'owner-1',
			contactCount: 2,
			channels: 'missed_call, other',
			lastContactAt: '2026-03-04T09:30:00.000Z',
		});
		expect(tables.rows('inquiry_records').map((row) => row.inquiryId)).toEqual([ledger.inquiryId]);
		expect(
			tables.rows('inquiry_notifications').map((row) => [row.kind, row.inquiryId, row.recipient]),
		).toEqual([
			['text_back', ledger.inquiryId, '+14155553005'],
			['owner_assigned', ledger.inquiryId, 'first.owner@team.invalid'],
			['contacted_again', ledger.inquiryId, 'first.owner@team.invalid'],
		]);
		const again = tables.rows('inquiry_notifications')[2];
		expect(again.subject).toBe(`Person 5 wrote again — inquiry ${String(ledger.inquiryId)}`);
		expect(String(again.body)).toContain('Contacts so far: 2 (missed_call, other)');
		expect(String(again.body)).toContain('Said now: A leaking tap');
		// The form delivered again (a retry) is the same contact: not counted, not told twice.
		const replay = await post(tables, 'form', 5, '2026-03-04T09:31:00.000Z');
		expect(replay.hub.ran('Join Open Inquiry')).toBe(false);
		expect(tables.rows('inquiry_ledger')[0]).toMatchObject({ contactCount: 2 });
		expect(tables.rows('inquiry_notifications')).toHaveLength(3);
		// The repeat used no turn: the next person takes owner-2's.
		expect(memoryRow(tables)).toMatchObject({ version: 1 });
		expect(ownerOf(await post(tables, 'chat', 6))).toBe('owner-2');
	});

	it('opens a new inquiry after repeatContactWindowHours, or once the owner has contacted the person', async () => {
		const tables = templateTables();
		await setSetting(tables, 'repeatContactWindowHours', '2');
		await post(tables, 'missedCall', 5);
		const late = await post(tables, 'form', 5, '2026-03-03T17:00:01.000Z');
		expect(late.hub.ran('Check Inquiry Context')).toBe(true);
		expect(tables.rows('inquiry_ledger')).toHaveLength(2);

		const ledger = await tables.provider().getDataTableProxy(null, null, 'inquiry_ledger');
		await ledger.updateRows({
			filter: { type: 'and', filters: [] },
			data: { contactedAt: '2026-03-03T17:05:00.000Z' },
		});
		const answered = await post(tables, 'chat', 5, '2026-03-03T17:10:00.000Z');
		expect(answered.hub.ran('Check Inquiry Context')).toBe(true);
		expect(tables.rows('inquiry_ledger')).toHaveLength(3);
		expect(tables.rows('inquiry_notifications').map((row) => row.kind)).not.toContain(
			'contacted_again',
		);
		// Still the same owner for the same person: sticky routing in the shared memory.
		expect(tables.rows('inquiry_ledger').map((row) => row.ownerId)).toEqual([
			'owner-1',
			'owner-1',
			'owner-1',
		]);
	});

	it('creates the owner memory row when the table is empty, then assigns', async () => {
		const tables = templateTables();
		const memory = await tables.provider().getDataTableProxy(null, null, 'inquiry_owner_memory');
		await memory.clearRows?.();
		const result = await post(tables, 'form', 1);
		expect(result.hub.ran('Create Owner Memory')).toBe(true);
		expect(ownerOf(result)).toBe('owner-1');
		expect(tables.rows('inquiry_owner_memory')).toMatchObject([{ scope: 'business', version: 1 }]);
	});
});
