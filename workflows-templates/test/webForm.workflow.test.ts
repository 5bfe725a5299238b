import { readFileSync } from 'fs';
import { join } from 'path';
import { entryTemplate, runEntry } from './hub';
import { templateTables } from './tables';

const template = entryTemplate('01-web-form-to-verified-record.json');
const NOW = '2026-03-03T15:00:00.000Z'; // a Tuesday, 10:00 in New York

describe('template 1: web form → owner → verified record', () => {
	it('normalizes, checks context, assigns, saves and reads the record back', async () => {
		const tables = templateTables();
		const submission = {
			Name: 'jane o’brien',
			Email: 'Jane@Example.com',
			Phone: '(415) 555-2671',
			Service: 'Repair',
			Message: 'Leaking tap in the kitchen',
			'Postal code': '94110',
			'Preferred time': 'Mornings',
			submittedAt: NOW,
			formMode: 'production',
		};
		const { hub: result, ...entry } = await runEntry(template, {
			now: NOW,
			mode: 'trigger',
			dataTables: tables,
			pinData: { 'Website Form': [{ json: submission }] },
		});
		expect(entry.error).toBeUndefined();
		expect(result.error).toBeUndefined();
		const [inquiry] = result.output('Assign Inquiry Owner', 0);
		expect(inquiry).toMatchObject({
			contact: { name: { full: 'Jane O’Brien' }, phone: { e164: '+14155552671' } },
			assignment: { status: 'assigned' },
		});
		expect(tables.rows('inquiry_records')).toHaveLength(1);
		expect(result.output('Read Record Back')).toHaveLength(1);
	});

	it('verifies the stored record, notifies the owner with the reason and deadline, and closes the ledger row', async () => {
		const tables = templateTables();
		const submission = {
			Name: 'Jane Roe',
			Email: 'jane@example.com',
			Phone: '(415) 555-2671',
			Service: 'Repair',
			Message: 'Leaking tap in the kitchen',
			'Postal code': '94110',
			'Preferred time': 'Mornings',
			submittedAt: NOW,
			formMode: 'production',
		};
		const { hub: result } = await runEntry(template, {
			now: NOW,
			mode: 'trigger',
			dataTables: tables,
			pinData: { 'Website Form': [{ json: submission }] },
		});
		expect(result.error).toBeUndefined();
		const [verified] = result.output('Verify Inquiry Handoff', 0);
		expect(verified.handoff).toMatchObject({
			status: 'verified',
			destination: 'inquiry_records (Data table)',
			lost: [],
			changed: [],
		});
		expect(result.output('Verify Inquiry Handoff', 1)).toEqual([]);
		const notes = tables.rows('inquiry_notifications');
		expect(notes.map((n) => [n.kind, n.recipient])).toEqual([
			['owner_assigned', 'first.owner@team.invalid'],
		]);
		expect(notes[0].subject).toBe(
			'New inquiry for you: Jane Roe (web form), reply by Tue 3 Mar, 14:00 (America/New_York)',
		);
		expect(notes[0].body).toContain('Why you: ');
		// The owner's message carries the signed links to the link webhook (template 00d).
		expect(notes[0].body).toContain("I've got it: https://n8n.hub.test/webhook/inquiry-link?t=");
		expect(notes[0].html).toContain('Pass it on</a>');
		// The Outbox ran: with no emailFrom set, the row is not_sent with the reason, never "sent".
		expect(notes[0]).toMatchObject({
			status: 'not_sent',
			answer: 'emailFrom is not set in inquiry_settings',
		});
		const ledger = tables.rows('inquiry_ledger');
		expect(ledger).toHaveLength(1);
		expect(ledger[0]).toMatchObject({
			inquiryId: verified.id,
			stage: 'tracking',
			handoffStatus: 'verified',
			// Verified, but nobody has claimed it yet: Visibility waits for the owner, so 4 until then.
			visibilityCheck: 'not_reached',
			ownerId: 'owner-1',
			score: 4,
		});
	});

	it('raises the alert and records it on the ledger when the stored record lost a field', async () => {
		const tables = templateTables();
		const submission = {
			Name: 'Jane Roe',
			Email: 'jane@example.com',
			Phone: '(415) 555-2671',
			Service: 'Repair',
			Message: 'Leaking tap',
			'Postal code': '94110',
			submittedAt: NOW,
			formMode: 'production',
		};
		// The record as a lossy destination keeps it: the phone is gone.
		const stored = {
			id: 1,
			inquiryId: 'x',
			name: 'Jane Roe',
			email: 'jane@example.com',
			phone: '',
			message: 'Leaking tap',
			service: 'Repair',
			ownerId: 'owner-1',
		};
		const { hub: result } = await runEntry(template, {
			now: NOW,
			mode: 'trigger',
			dataTables: tables,
			pinData: { 'Website Form': [{ json: submission }], 'Read Record Back': [{ json: stored }] },
		});
		expect(result.error).toBeUndefined();
		const [failed] = result.output('Verify Inquiry Handoff', 1);
		expect(failed.handoff).toMatchObject({ status: 'mismatch', lost: ['phone'] });
		const alert = tables.rows('inquiry_notifications').find((n) => n.kind === 'alert');
		expect(alert?.body).toBe((failed.handoff as { alert: string }).alert);
		expect(alert?.body).toContain('phone lost');
		expect(tables.rows('inquiry_ledger')[0]).toMatchObject({
			handoffStatus: 'mismatch',
			// Alerted, but nobody has claimed it yet.
			visibilityCheck: 'not_reached',
			alertedAt: NOW,
		});
	});
});

describe('template 1b: form webhook → owner → verified record', () => {
	const webhookTemplate = entryTemplate('01b-form-webhook-to-verified-record.json');
	const body = JSON.parse(
		readFileSync(
			join(__dirname, '../../test/fixtures/vendor-payloads/typeform__form_response__1.json'),
			'utf8',
		),
	).body;

	it('answers the sender and routes a Typeform submission to an owner', async () => {
		const tables = templateTables();
		const result = await runEntry(webhookTemplate, {
			now: NOW,
			mode: 'webhook',
			dataTables: tables,
			pinData: { 'Form Webhook': [{ json: { headers: {}, params: {}, query: {}, body } }] },
		});
		expect(result.error).toBeUndefined();
		expect(result.responses[0]).toMatchObject({ statusCode: 200 });
		expect(result.hub.output('Assign Inquiry Owner', 0)).toHaveLength(1);
		expect(tables.rows('inquiry_records').map((r) => [r.email, r.sourceSystem])).toEqual([
			['laura@example.com', 'typeform'],
		]);
	});

	it('a replayed submission creates no second record, assignment, owner notification or ledger row', async () => {
		const tables = templateTables();
		const post = { 'Form Webhook': [{ json: { headers: {}, params: {}, query: {}, body } }] };
		const first = await runEntry(webhookTemplate, {
			now: NOW,
			mode: 'webhook',
			dataTables: tables,
			pinData: post,
		});
		const replay = await runEntry(webhookTemplate, {
			now: NOW,
			mode: 'webhook',
			dataTables: tables,
			pinData: post,
			staticData: first.staticData,
		});
		expect(replay.error).toBeUndefined();
		const owner = (run: typeof first) =>
			(run.hub.output('Assign Inquiry Owner', 0)[0].assignment as { owner: { id: string } }).owner
				.id;
		expect(owner(replay)).toBe(owner(first));
		expect(tables.rows('inquiry_records')).toHaveLength(1);
		expect(tables.rows('inquiry_ledger')).toHaveLength(1);
		expect(
			tables.rows('inquiry_notifications').filter((n) => n.kind === 'owner_assigned'),
		).toHaveLength(1);
		expect(replay.hub.ran('Notify Owner')).toBe(false);
		// New on the ledger, the first run told the owner without looking; the replay looked.
		expect(first.hub.ran('Owner Not Told Yet?')).toBe(false);
		expect(replay.hub.ran('Owner Not Told Yet?')).toBe(true);
	});

	it('a replay of a run cut off after its ledger row but before the owner was told tells the owner', async () => {
		const tables = templateTables();
		const post = { 'Form Webhook': [{ json: { headers: {}, params: {}, query: {}, body } }] };
		await runEntry(webhookTemplate, {
			now: NOW,
			mode: 'webhook',
			dataTables: tables,
			pinData: post,
		});
		// What the cut-off run left: its ledger row, but no owner notification.
		const notifications = await tables
			.provider()
			.getDataTableProxy(null, null, 'inquiry_notifications');
		await notifications.deleteRows({
			filter: {
				type: 'and',
				filters: [{ columnName: 'kind', condition: 'eq', value: 'owner_assigned' }],
			},
		} as never);
		const replay = await runEntry(webhookTemplate, {
			now: NOW,
			mode: 'webhook',
			dataTables: tables,
			pinData: post,
		});
		expect(replay.hub.ran('Save Ledger: Received')).toBe(false);
		expect(
			tables.rows('inquiry_notifications').filter((n) => n.kind === 'owner_assigned'),
		).toHaveLength(1);
		const ledger = tables.rows('inquiry_ledger');
		expect(ledger).toHaveLength(1);
		expect(String(ledger[0].verifiedAt)).not.toBe('');
	});

	it('answers 422 and raises an alert for a payload it cannot read', async () => {
		const tables = templateTables();
		const result = await runEntry(webhookTemplate, {
			now: NOW,
			mode: 'webhook',
			dataTables: tables,
			pinData: {
				'Form Webhook': [{ json: { headers: {}, params: {}, query: {}, body: { foo: 'bar' } } }],
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.responses[0]).toMatchObject({ statusCode: 422 });
		expect(tables.rows('inquiry_notifications').map((r) => r.kind)).toEqual(['alert']);
		expect(tables.rows('inquiry_records')).toEqual([]);
	});
});
