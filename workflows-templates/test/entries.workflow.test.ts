import type { IDataObject } from 'n8n-workflow';
import { expectClosedChain } from './chain';
import { entryTemplate, runEntry } from './hub';
import { vendorBody } from './requests';
import { templateTables } from './tables';

const NOW = '2026-03-03T15:00:00.000Z'; // a Tuesday, 10:00 in New York
const posted = (body: unknown): IDataObject => ({
	headers: {},
	params: {},
	query: {},
	body: body as IDataObject,
});

async function run(
	file: string,
	entry: string,
	body: unknown,
	pinData: Record<string, Array<{ json: IDataObject }>> = {},
) {
	const tables = templateTables();
	const result = await runEntry(entryTemplate(file), {
		now: NOW,
		mode: 'webhook',
		dataTables: tables,
		pinData: { [entry]: [{ json: posted(body) }], ...pinData },
	});
	return { result, tables };
}

describe('template 3: chat → owner', () => {
	it('carries an Intercom conversation into the record, verified, with the owner told', async () => {
		const { result, tables } = await run(
			'03-chat-to-owner.json',
			'Chat Webhook',
			vendorBody('intercom__conversation.user.created__1.json'),
		);
		const { inquiry, record } = expectClosedChain(result, tables);
		expect(inquiry).toMatchObject({ channel: 'chat', source: { system: 'intercom' } });
		expect(record).toMatchObject({
			channel: 'chat',
			sourceSystem: 'intercom',
			name: 'Kill Bill',
			email: 'bill@bill.bill',
		});
		expect(String(record.message)).toBe((inquiry.request as { message: string }).message);
		expect(String(record.message).length).toBeGreaterThan(0);
	});

	it('does the same for a WhatsApp Cloud message, reachable by its phone', async () => {
		const { result, tables } = await run(
			'03-chat-to-owner.json',
			'Chat Webhook',
			vendorBody('whatsapp_cloud__messages_text__1.json'),
		);
		const { record } = expectClosedChain(result, tables);
		expect(record).toMatchObject({
			channel: 'chat',
			sourceSystem: 'whatsapp',
			name: 'Sheena Nelson',
			phone: '+16505551234',
		});
	});
});

describe('template 4: booking → confirmed owner', () => {
	it.each([
		['calendly__invitee.created__1.json', 'calendly', 'John Doe'],
		['calcom__BOOKING_CREATED__1.json', 'calcom', 'John Doe'],
	])(
		'%s becomes a verified record with an owner and the follow-up question for what is missing',
		async (file, system, name) => {
			const { result, tables } = await run(
				'04-booking-to-owner.json',
				'Booking Webhook',
				vendorBody(file),
			);
			const { record, notifications } = expectClosedChain(result, tables);
			expect(record).toMatchObject({ channel: 'booking', sourceSystem: system, name });
			expect(record.preferredTime).not.toBe('');
			// Quote-ready wants more than a booking carries: the question is recorded, the routing is not held up.
			expect(notifications.map((row) => row.kind).sort()).toEqual(['follow_up', 'owner_assigned']);
		},
	);

	it('asks a replayed booking nothing twice: the first run asks at once, the replay looks first', async () => {
		const tables = templateTables();
		const post = {
			'Booking Webhook': [{ json: posted(vendorBody('calendly__invitee.created__1.json')) }],
		};
		const once = () =>
			runEntry(entryTemplate('04-booking-to-owner.json'), {
				now: NOW,
				mode: 'webhook',
				dataTables: tables,
				pinData: post,
			});
		const first = await once();
		const replay = await once();
		expect(first.hub.ran('Follow-Up Not Sent Yet?')).toBe(false);
		expect(first.hub.ran('Ask Follow-Up Question')).toBe(true);
		expect(replay.hub.ran('Follow-Up Not Sent Yet?')).toBe(true);
		expect(replay.hub.ran('Ask Follow-Up Question')).toBe(false);
		expect(
			tables.rows('inquiry_notifications').filter((row) => row.kind === 'follow_up'),
		).toHaveLength(1);
	});
});

describe('template 5: ad lead → owner', () => {
	it('routes a Google Ads lead form post', async () => {
		const { result, tables } = await run(
			'05-ad-lead-to-owner.json',
			'Lead Webhook',
			vendorBody('google_ads__lead_form_webhook__1.json'),
		);
		const { record } = expectClosedChain(result, tables);
		expect(record).toMatchObject({
			channel: 'ad_lead',
			sourceSystem: 'google_ads',
			email: 'test@example.com',
			phone: '+16505550123',
		});
	});

	it('looks up Meta leads that arrived as ids only (two in one post), then routes each like any other', async () => {
		// The Graph API answers with the lead's own id, the leadgen_id the webhook carried.
		const lookup: IDataObject = {
			...(vendorBody('facebook_lead_ads__lead_graph_lookup__2.json') as unknown as IDataObject),
			id: '123123123123',
		};
		const second = {
			...lookup,
			id: '123123123124',
			field_data: (lookup.field_data as IDataObject[]).map((field) =>
				field.name === 'email' ? { ...field, values: ['ana@example.com'] } : field,
			),
		};
		const { result, tables } = await run(
			'05-ad-lead-to-owner.json',
			'Lead Webhook',
			vendorBody('facebook_lead_ads__leadgen_webhook__1.json'),
			{ 'Fetch Lead (Graph API)': [{ json: lookup }, { json: second }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Needs Lookup?', 0)).toHaveLength(2);
		// One hub execution per lead.
		expect(
			result.subRuns.map((hub) =>
				hub
					.output('Verify Inquiry Handoff', 0)
					.map((item) => (item.handoff as { status: string }).status),
			),
		).toEqual([['verified'], ['verified']]);
		expect(tables.rows('inquiry_records').map((row) => [row.channel, row.name, row.email])).toEqual(
			[
				['ad_lead', 'Joe Example', 'joe@example.com'],
				['ad_lead', 'Joe Example', 'ana@example.com'],
			],
		);
		expect(tables.rows('inquiry_ledger').map((row) => row.handoffStatus)).toEqual([
			'verified',
			'verified',
		]);
		expect(
			tables.rows('inquiry_notifications').filter((row) => row.kind === 'owner_assigned'),
		).toHaveLength(2);
	});
});
