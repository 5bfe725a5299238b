import fc from 'fast-check';
import { emailPresets } from './email';
import { normalizeOne, sampleBody, summary } from './test/samples';

describe('n8n Gmail Trigger', () => {
	it('raw (mailparser) output: sender from from.value, HTML body as text', () => {
		const inquiry = normalizeOne(sampleBody('n8n__gmail_trigger_output_raw__1.json'));
		// The sample's expected message is the raw "<p>test</p>"; the canonical message is its text.
		expect(summary(inquiry)).toEqual({
			preset: 'n8n_gmail',
			channel: 'email',
			name: { full: 'From', first: 'From' },
			email: 'from@example.com',
			phone: undefined,
			message: 'test',
		});
		expect(inquiry.source).toEqual({
			system: 'gmail',
			event: 'message.received',
			recordId: '1',
			preset: 'n8n_gmail',
			detectedBy: 'auto',
		});
		expect(inquiry.occurredAt).toBe('2024-08-31T00:00:00.000Z');
		expect(inquiry.extraFields).toEqual({ 'Thread Id': 'testThreadId' });
	});

	it('a web-form notification: the customer is the Reply-To, the form lines fill the rest', () => {
		const body = {
			...sampleBody('n8n__gmail_trigger_output_raw__1.json'),
			from: {
				text: 'WordPress <wordpress@acmeplumbing.com>',
				value: [{ address: 'wordpress@acmeplumbing.com', name: 'WordPress' }],
			},
			replyTo: {
				text: 'Jane Roe <jane.roe@gmail.com>',
				value: [{ address: 'jane.roe@gmail.com', name: 'Jane Roe' }],
			},
			subject: 'New contact form submission',
			text: 'Name: Jane Roe\nPhone: (415) 555-2671\nZip: 94110\nMessage: The kitchen sink is clogged\n\n--\nThis e-mail was sent from a contact form on Acme Plumbing',
			html: '<p>Name: Jane Roe</p>',
		};
		const inquiry = normalizeOne(body);
		expect(summary(inquiry)).toEqual({
			preset: 'n8n_gmail',
			channel: 'email',
			name: { full: 'Jane Roe', first: 'Jane', last: 'Roe' },
			email: 'jane.roe@gmail.com',
			phone: '+14155552671',
			message: 'The kitchen sink is clogged',
		});
		expect(inquiry.request).toMatchObject({
			subject: 'New contact form submission',
			location: { postalCode: '94110' },
		});
		expect(inquiry.extraFields['Sent Via']).toBe('wordpress@acmeplumbing.com');
	});

	it('simplified output: header strings and the snippet', () => {
		const inquiry = normalizeOne({
			id: '18f1',
			threadId: '18f1',
			snippet: 'Hi, do you install heat pumps?',
			internalDate: '1718000000000',
			labels: [{ id: 'INBOX', name: 'INBOX' }],
			From: '"Müller, Jörg" <joerg@example.de>',
			To: 'info@acme.com',
			Subject: 'Heat pump',
		});
		expect(summary(inquiry)).toEqual({
			preset: 'n8n_gmail',
			channel: 'email',
			name: { full: 'Müller, Jörg', first: 'Jörg', last: 'Müller' },
			email: 'joerg@example.de',
			phone: undefined,
			message: 'Hi, do you install heat pumps?',
		});
		expect([inquiry.request.subject, inquiry.occurredAt]).toEqual([
			'Heat pump',
			'2024-06-10T06:13:20.000Z',
		]);
	});
});

describe('n8n Email Trigger (IMAP)', () => {
	it('simple format: header strings, plain body', () => {
		const inquiry = normalizeOne(sampleBody('n8n__email_imap_trigger_output_simple__1.json'));
		// The sample's expected message keeps the trailing CRLF; the canonical message is trimmed.
		expect(summary(inquiry)).toEqual({
			preset: 'n8n_imap',
			channel: 'email',
			name: {},
			email: 'alice@example.com',
			phone: undefined,
			message: 'Plain body 101',
		});
		expect(inquiry.source).toEqual({
			system: 'imap',
			event: 'message.received',
			recordId: '<101@example.com>',
			preset: 'n8n_imap',
			detectedBy: 'auto',
		});
		expect([inquiry.request.subject, inquiry.occurredAt]).toEqual([
			'Plain only',
			'2020-01-01T12:00:00.000Z',
		]);
	});

	it('an encoded display name, a quoted reply and a signature are cleaned', () => {
		const inquiry = normalizeOne({
			...sampleBody('n8n__email_imap_trigger_output_simple__1.json'),
			from: '=?UTF-8?B?SXbDoW4=?= =?UTF-8?Q?_Garc=C3=ADa?= <ivan@example.es>',
			textPlain:
				'Yes, Tuesday works.\r\n\r\n-- \r\nIván García\r\n\r\nOn Mon, 3 Jun 2024 at 10:00, Acme <info@acme.com> wrote:\r\n> Does Tuesday work?\r\n',
		});
		expect(summary(inquiry)).toEqual({
			preset: 'n8n_imap',
			channel: 'email',
			name: { full: 'Iván García', first: 'Iván', last: 'García' },
			email: 'ivan@example.es',
			phone: undefined,
			message: 'Yes, Tuesday works.',
		});
	});
});

describe('Postmark', () => {
	it('inbound sample: FromFull is the sender; a Reply-To on the same domain is kept aside', () => {
		const inquiry = normalizeOne(sampleBody('postmark__inbound__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'postmark',
			channel: 'email',
			name: { full: 'Postmarkapp Support', first: 'Postmarkapp', last: 'Support' },
			email: 'support@postmarkapp.com',
			phone: undefined,
			message: 'This is a test text body.',
		});
		expect(inquiry.source).toEqual({
			system: 'postmark',
			event: 'inbound',
			recordId: '73e6d360-66eb-11e1-8e72-a8904824019b',
			preset: 'postmark',
			detectedBy: 'auto',
		});
		expect(inquiry.request.subject).toBe('Test subject');
		expect(inquiry.occurredAt).toBe('2014-08-01T20:45:32.000Z');
		expect(inquiry.extraFields).toEqual({
			To: 'yourhash+SampleHash@inbound.postmarkapp.com',
			'Mailbox Hash': 'SampleHash',
			'Spam Score': '-0.1',
			Attachments: 'test.txt',
			'Reply-To': 'replyto@postmarkapp.com',
		});
	});

	it('a form notification relayed by the website: the customer is the Reply-To on another domain', () => {
		const inquiry = normalizeOne({
			...sampleBody('postmark__inbound__1.json'),
			FromFull: { Email: 'forms@acmeroofing.com', Name: 'Acme Website', MailboxHash: '' },
			ReplyTo: 'Tom Baker <tom.baker@outlook.com>',
			TextBody:
				'Full Name: Tom Baker\nPhone Number: 020 7946 0958\nHow can we help?: Two slates came off after the storm',
		});
		expect(summary(inquiry)).toMatchObject({
			name: { full: 'Tom Baker', first: 'Tom', last: 'Baker' },
			email: 'tom.baker@outlook.com',
			message: 'Two slates came off after the storm',
		});
		expect(inquiry.contact.phone?.raw).toBe('020 7946 0958');
		expect(inquiry.extraFields['Sent Via']).toBe('forms@acmeroofing.com');
	});
});

describe('Mailgun', () => {
	it('inbound route: the non-ASCII display name, stripped text, no signature fields copied', () => {
		const inquiry = normalizeOne(sampleBody('mailgun__inbound_route_forward__1.json'));
		// The sample's expected email keeps "REDACTED@…"; canonical addresses are lower-cased.
		expect(summary(inquiry)).toEqual({
			preset: 'mailgun',
			channel: 'email',
			name: { full: 'Иван Петров', first: 'Иван', last: 'Петров' },
			email: 'redacted@yandex.ru',
			phone: undefined,
			message: 'This is my test the body',
		});
		expect(inquiry.source).toEqual({
			system: 'mailgun',
			event: 'inbound',
			recordId: '<2888301501436264@web58g.yandex.ru>',
			preset: 'mailgun',
			detectedBy: 'auto',
		});
		expect([inquiry.request.subject, inquiry.occurredAt]).toEqual([
			'This is my test subject',
			'2017-07-30T17:37:47.000Z',
		]);
		expect(inquiry.extraFields).toEqual({ To: 'support@mg.getmestuff.net' });
	});

	it('a Reply-To found only in message-headers is honoured', () => {
		const body = sampleBody('mailgun__inbound_route_forward__1.json');
		const headers = [
			['From', 'Site <noreply@acme.com>'],
			['Reply-To', 'Kim Lee <kim@example.kr>'],
		];
		const inquiry = normalizeOne({
			...body,
			from: 'Site <noreply@acme.com>',
			From: 'Site <noreply@acme.com>',
			'message-headers': JSON.stringify(headers),
		});
		expect(summary(inquiry)).toMatchObject({ name: { full: 'Kim Lee' }, email: 'kim@example.kr' });
	});
});

describe('SendGrid Inbound Parse', () => {
	it('header strings and the raw header block', () => {
		const inquiry = normalizeOne({
			headers:
				'Received: by mx0047p1mdw1.sendgrid.net\nMessage-ID: <CAF=abc@mail.gmail.com>\nDate: Tue, 4 Jun 2024 09:30:00 +0200\nFrom: Lucas Martin <lucas.martin@free.fr>\nReply-To: Lucas Martin <lucas.martin@free.fr>\nSubject: Devis\n',
			dkim: '{@gmail.com : pass}',
			to: 'devis@parse.acme.fr',
			from: 'Lucas Martin <lucas.martin@free.fr>',
			text: 'Bonjour, je voudrais un devis pour une salle de bain.\n\nEnvoyé de mon iPhone',
			html: '<div>Bonjour</div>',
			sender_ip: '209.85.0.1',
			envelope: '{"to":["devis@parse.acme.fr"],"from":"lucas.martin@free.fr"}',
			attachments: '0',
			subject: 'Devis',
			charsets: '{"to":"UTF-8","html":"UTF-8","subject":"UTF-8","from":"UTF-8","text":"UTF-8"}',
			SPF: 'pass',
		});
		expect(summary(inquiry)).toEqual({
			preset: 'sendgrid_inbound',
			channel: 'email',
			name: { full: 'Lucas Martin', first: 'Lucas', last: 'Martin' },
			email: 'lucas.martin@free.fr',
			phone: undefined,
			message: 'Bonjour, je voudrais un devis pour une salle de bain.',
		});
		expect(inquiry.source.recordId).toBe('<CAF=abc@mail.gmail.com>');
		expect([inquiry.request.subject, inquiry.occurredAt]).toEqual([
			'Devis',
			'2024-06-04T07:30:00.000Z',
		]);
		expect(inquiry.extraFields).toEqual({ To: 'devis@parse.acme.fr' });
	});
});

describe('email presets on hostile input', () => {
	it('never throw from detect or extract', () => {
		const keys = fc.constantFrom(
			'from',
			'From',
			'replyTo',
			'Reply-To',
			'text',
			'html',
			'threadId',
			'textPlain',
			'metadata',
			'FromFull',
			'MessageID',
			'ReplyTo',
			'TextBody',
			'Headers',
			'body-plain',
			'sender',
			'message-headers',
			'headers',
			'envelope',
			'__proto__',
			'constructor',
		);
		const value = fc.oneof(
			fc.anything(),
			fc.string(),
			fc.constantFrom('=?UTF-8?B?!!!?=', '=?x?Q?=ZZ?=', 'a <b', '<>', 'Name: x\nPhone: 1'),
			fc.dictionary(
				fc.constantFrom('value', 'text', 'Email', 'Name', 'reply-to', 'message-id'),
				fc.anything(),
			),
		);
		fc.assert(
			fc.property(fc.dictionary(keys, value), (p) => {
				for (const preset of emailPresets) {
					preset.detect(p);
					preset.extract(p);
				}
			}),
			{ numRuns: 400 },
		);
		const huge = 'x'.repeat(1024 * 1024);
		const hostile = {
			from: `${huge} <${huge}@x.com>`,
			textPlain: `Name: ${huge}\n`.repeat(3),
			'message-headers': `[${'["Reply-To","a"],'.repeat(1000)}["x","y"]]`,
			headers: huge,
			FromFull: { Email: huge },
			ReplyTo: `=?UTF-8?B?${huge}?=`,
		};
		for (const preset of emailPresets) expect(() => preset.extract(hostile)).not.toThrow();
	});
});
