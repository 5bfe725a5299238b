import { normalizeInquiry } from '../normalizeInquiry';
import { chatPresets } from './chat';
import { NOW, normalizeAll, normalizeOne, sampleBody, summary } from './test/samples';
import { expectPresetsSurviveAnything, expectPresetsSurviveHuge, HUGE } from './test/hostile';

type Intercom = { id: string; data: { item: Record<string, unknown> } } & Record<string, unknown>;
const intercomSample = () => sampleBody('intercom__conversation.user.created__1.json') as Intercom;

describe('Intercom', () => {
	it('legacy notification: the user, the first message, the conversation link', () => {
		const inquiry = normalizeOne(intercomSample());
		// The sample's expected message is the raw HTML; the canonical message is its text.
		expect(summary(inquiry)).toEqual({
			preset: 'intercom',
			channel: 'chat',
			name: { full: 'Kill Bill', first: 'Kill', last: 'Bill' },
			email: 'bill@bill.bill',
			phone: undefined,
			message: 'An important message',
		});
		expect(inquiry.source).toEqual({
			system: 'intercom',
			event: 'conversation.user.created',
			recordId: '123456789',
			url: 'https://app.intercom.io/a/apps/aaaaaa/inbox/all/conversations/123456789',
			preset: 'intercom',
			detectedBy: 'auto',
		});
		expect(inquiry.occurredAt).toBe('2014-09-10T07:48:13.000Z');
	});

	it('a redelivered notification (same notif_ id) gets the same inquiry id', () => {
		const first = normalizeOne(intercomSample());
		const retry = intercomSample();
		retry.delivery_attempts = 2;
		const other = intercomSample();
		other.id = 'notif_other';
		expect(normalizeOne(retry).id).toBe(first.id);
		expect(normalizeOne(other).id).not.toBe(first.id);
	});

	it('current shape: the source author, the page URL, and the parts as a transcript', () => {
		const body = intercomSample();
		body.topic = 'conversation.user.replied';
		body.data.item = {
			type: 'conversation',
			id: '987',
			created_at: 1718000000,
			source: {
				type: 'conversation',
				delivered_as: 'customer_initiated',
				subject: '',
				body: '<p>Do you service <b>Oakland</b>?</p>',
				author: { type: 'lead', id: 'c1', name: 'Ana Silva', email: 'ana@example.com' },
				url: 'https://acme.com/pricing',
			},
			contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: 'c1' }] },
			conversation_parts: {
				type: 'conversation_part.list',
				conversation_parts: [
					{
						part_type: 'comment',
						body: '<p>Yes we do! What do you need?</p>',
						author: { type: 'admin', name: 'Sam' },
					},
					{ part_type: 'assignment', body: null, author: { type: 'bot' } },
					{
						part_type: 'comment',
						body: '<p>A new water heater, 50 gal</p>',
						author: { type: 'lead', name: 'Ana Silva' },
					},
				],
			},
		};
		const inquiry = normalizeOne(body);
		expect(summary(inquiry)).toEqual({
			preset: 'intercom',
			channel: 'chat',
			name: { full: 'Ana Silva', first: 'Ana', last: 'Silva' },
			email: 'ana@example.com',
			phone: undefined,
			message:
				'Customer: Do you service Oakland?\nAgent: Yes we do! What do you need?\nCustomer: A new water heater, 50 gal',
		});
		expect(inquiry.attribution).toEqual({ landingPage: 'https://acme.com/pricing' });
		expect(inquiry.occurredAt).toBe('2024-06-10T06:13:20.000Z');
	});

	it('a long conversation is bounded to its first 30 lines', () => {
		const body = intercomSample();
		const parts = Array.from({ length: 500 }, (_, i) => ({
			part_type: 'comment',
			body: `<p>line ${i}</p>`,
			author: { type: 'user' },
		}));
		body.data.item = { ...body.data.item, conversation_parts: { conversation_parts: parts } };
		const lines = normalizeOne(body).request.message?.split('\n') ?? [];
		expect([lines.length, lines[0], lines[29]]).toEqual([
			30,
			'Customer: An important message',
			'Customer: line 28',
		]);
	});

	it('a contact topic carries the person as the item', () => {
		const body = intercomSample();
		body.topic = 'contact.lead.created';
		body.data.item = {
			type: 'contact',
			id: 'c9',
			role: 'lead',
			name: 'Lee Chen',
			email: 'LEE@Example.com',
			phone: '+1 604 555 0143',
			location: {
				type: 'location',
				city: 'Vancouver',
				region: 'British Columbia',
				country: 'Canada',
			},
			utm_source: 'newsletter',
			created_at: 1718000000,
		};
		const inquiry = normalizeOne(body);
		expect(summary(inquiry)).toEqual({
			preset: 'intercom',
			channel: 'chat',
			name: { full: 'Lee Chen', first: 'Lee', last: 'Chen' },
			email: 'lee@example.com',
			phone: '+16045550143',
			message: undefined,
		});
		expect(inquiry.request.location).toEqual({
			city: 'Vancouver',
			region: 'British Columbia',
			country: 'Canada',
		});
		expect(inquiry.attribution).toEqual({ utmSource: 'newsletter' });
	});
});

describe('Crisp', () => {
	const hook = {
		website_id: '42286ab3-b29a-4fde-8538-da0ae501d825',
		event: 'message:send',
		data: {
			website_id: '42286ab3-b29a-4fde-8538-da0ae501d825',
			session_id: 'session_36ba3566-9651-4790-afc8-ffedbccc317f',
			type: 'text',
			content: 'Hi, can I book a cleaning for Saturday?',
			from: 'user',
			origin: 'chat',
			stamped: true,
			timestamp: 1718000000123,
			fingerprint: 163408079303493,
			user: { nickname: 'Marie Dupont', user_id: 'session_36ba3566' },
		},
		timestamp: 1718000000200,
	};

	it('a visitor message: nickname, text, session and fingerprint', () => {
		const inquiry = normalizeOne(hook);
		expect(summary(inquiry)).toEqual({
			preset: 'crisp',
			channel: 'chat',
			name: { full: 'Marie Dupont', first: 'Marie', last: 'Dupont' },
			email: undefined,
			phone: undefined,
			message: 'Hi, can I book a cleaning for Saturday?',
		});
		expect(inquiry.source).toEqual({
			system: 'crisp',
			event: 'message:send',
			recordId: 'session_36ba3566-9651-4790-afc8-ffedbccc317f',
			preset: 'crisp',
			detectedBy: 'auto',
		});
		expect(inquiry.occurredAt).toBe('2024-06-10T06:13:20.123Z');
		expect(inquiry.extraFields).toEqual({
			'Crisp User Id': 'session_36ba3566',
			'Website Id': '42286ab3-b29a-4fde-8538-da0ae501d825',
		});
	});

	it('an email given in the chat, and a file instead of text', () => {
		const withEmail = normalizeOne({
			...hook,
			event: 'session:set_email',
			data: { ...hook.data, email: 'marie@example.fr', content: undefined, type: undefined },
		});
		expect(summary(withEmail)).toMatchObject({ email: 'marie@example.fr', message: undefined });
		const file = normalizeOne({
			...hook,
			data: {
				...hook.data,
				type: 'file',
				content: {
					name: 'leak.jpg',
					url: 'https://storage.crisp.chat/leak.jpg',
					type: 'image/jpeg',
				},
			},
		});
		expect([file.request.message, file.extraFields.Attachment]).toEqual([
			undefined,
			'https://storage.crisp.chat/leak.jpg',
		]);
	});
});

type WhatsApp = {
	entry: { changes: { value: Record<string, unknown>; field: string }[] }[];
} & Record<string, unknown>;
const whatsappSample = () => sampleBody('whatsapp_cloud__messages_text__1.json') as WhatsApp;

describe('WhatsApp Cloud API', () => {
	it('the sender by wa_id, the digits-only number read as E.164', () => {
		const inquiry = normalizeOne(whatsappSample());
		// The sample's expected phone is the raw wa_id; the canonical phone is E.164.
		expect(summary(inquiry)).toEqual({
			preset: 'whatsapp',
			channel: 'chat',
			name: { full: 'Sheena Nelson', first: 'Sheena', last: 'Nelson' },
			email: undefined,
			phone: '+16505551234',
			message: 'Does it come in another color?',
		});
		expect(inquiry.source).toEqual({
			system: 'whatsapp',
			event: 'message.text',
			recordId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
			preset: 'whatsapp',
			detectedBy: 'auto',
		});
		expect(inquiry.occurredAt).toBe('2025-06-08T20:59:43.000Z');
		expect(inquiry.extraFields).toEqual({
			'Business Number': '15550783881',
			'Phone Number Id': '106540352242922',
		});
	});

	it('a batched delivery splits per message, each with its own sender; receipts yield nothing', () => {
		const body = whatsappSample();
		const value = body.entry[0].changes[0].value;
		value.contacts = [
			{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' },
			{ profile: { name: 'Raj Kumar' }, wa_id: '447700900123' },
		];
		value.messages = [
			{
				from: '447700900123',
				id: 'wamid.B',
				timestamp: '1749416400',
				type: 'text',
				text: { body: 'Quote for a boiler service?' },
			},
			{
				from: '16505551234',
				id: 'wamid.A',
				timestamp: '1749416383',
				type: 'text',
				text: { body: 'Does it come in another color?' },
			},
		];
		body.entry.push({
			changes: [
				{
					field: 'messages',
					value: {
						messaging_product: 'whatsapp',
						statuses: [{ id: 'wamid.X', status: 'delivered' }],
					},
				},
			],
		});
		const inquiries = normalizeAll(body);
		expect(
			inquiries.map((i) => [i.contact.name.full, i.contact.phone?.e164, i.request.message]),
		).toEqual([
			['Raj Kumar', '+447700900123', 'Quote for a boiler service?'],
			['Sheena Nelson', '+16505551234', 'Does it come in another color?'],
		]);
		const receiptsOnly = {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: '1',
					changes: [
						{ field: 'messages', value: { statuses: [{ id: 'wamid.X', status: 'read' }] } },
					],
				},
			],
		};
		expect(normalizeInquiry(receiptsOnly, { now: NOW })).toEqual([
			expect.objectContaining({
				status: 'invalid',
				reasons: ['empty_payload'],
				preset: 'whatsapp',
			}),
		]);
	});

	it('button replies, shared locations, captioned media and click-to-WhatsApp ads', () => {
		const withMessage = (message: Record<string, unknown>) => {
			const body = whatsappSample();
			body.entry[0].changes[0].value.messages = [
				{ from: '16505551234', id: 'wamid.Z', timestamp: '1749416383', ...message },
			];
			return normalizeOne(body);
		};
		expect(
			withMessage({
				type: 'interactive',
				interactive: { type: 'button_reply', button_reply: { id: 'b1', title: 'Book a visit' } },
			}).request.message,
		).toBe('Book a visit');
		const place = withMessage({
			type: 'location',
			location: {
				latitude: 37.48,
				longitude: -122.15,
				name: 'Home',
				address: '1 Hacker Way, Menlo Park',
			},
		});
		expect([place.request.message, place.request.location.address]).toEqual([
			'Shared location: Home, 1 Hacker Way, Menlo Park',
			'1 Hacker Way, Menlo Park',
		]);
		const image = withMessage({
			type: 'image',
			image: { id: 'media-1', mime_type: 'image/jpeg', caption: 'This is the leak' },
			referral: {
				source_url: 'https://fb.me/ad1',
				source_id: '120210',
				source_type: 'ad',
				headline: 'Same-day plumbing',
			},
		});
		expect([
			image.request.message,
			image.extraFields['Media Id'],
			image.extraFields['Message Type'],
			image.extraFields['Ad Headline'],
		]).toEqual(['This is the leak', 'media-1', 'image', 'Same-day plumbing']);
		expect(image.attribution).toEqual({ adId: '120210', landingPage: 'https://fb.me/ad1' });
	});
});

describe('chat presets on hostile input', () => {
	it('never throw from detect, extract or split', () => {
		expectPresetsSurviveAnything(chatPresets, [
			'type',
			'topic',
			'data',
			'item',
			'website_id',
			'event',
			'object',
			'entry',
			'changes',
			'value',
			'messages',
			'contacts',
		]);
		const hostile = {
			type: 'notification_event',
			topic: HUGE,
			data: { item: { source: { body: `<p>${HUGE}</p>` } } },
			object: 'whatsapp_business_account',
			entry: [
				{ changes: [{ value: { messages: [{ from: HUGE, type: HUGE, text: { body: HUGE } }] } }] },
			],
		};
		expectPresetsSurviveHuge(chatPresets, hostile);
	});
});
