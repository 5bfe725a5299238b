import { createHmac } from 'crypto';
import type { N8nInstance, TemplateSetup } from './harness';
import type { LocalCrm } from '../../nodes/VerifyInquiryHandoff/test/localCrm';
import { CRM_TOKEN, startLocalCrm } from '../../nodes/VerifyInquiryHandoff/test/localCrm';
import type { WorkflowDefinition } from './harness';
import {
	dataTableRows,
	importTemplates,
	insertDataTableRows,
	loadTemplates,
	loadVendorPayload,
	setUpTemplates,
	startN8n,
	startsByItself,
	updateDataTableRows,
	vendorRequest,
} from './harness';

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
	const id = await n8n.createCredential('inquiryWebhookSecretApi', name, {
		secret: SECRET,
		publicUrl: '',
	});
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
	const data = Object.keys(fields)
		.sort()
		.reduce((acc, key) => acc + key + fields[key], url);
	return {
		rawBody: new URLSearchParams(fields).toString(),
		contentType: 'application/x-www-form-urlencoded',
		headers: { 'x-twilio-signature': createHmac('sha1', secret).update(data).digest('base64') },
	};
}

/** The inquiry's ledger rows once its final row is written (the handoff status is set), or as they are after 30 s. */
async function ledgerRowOnceClosed(inquiryId: string) {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const rows = (await dataTableRows(n8n, 'inquiry_ledger')).filter(
			(row) => row.inquiryId === inquiryId,
		);
		if (rows.some((row) => row.handoffStatus) || Date.now() > deadline) return rows;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

test('every template is imported, and each one that starts by itself is published', () => {
	const templates = new Map(loadTemplates().map((template) => [template.file, template.workflow]));
	const unpublished = setup.templates.filter((t) => !t.published);
	expect(
		unpublished
			.filter((t) => startsByItself(templates.get(t.file)!))
			.map((t) => `${t.file}: ${t.note}`),
	).toEqual([]);
	expect(setup.templates.every((t) => t.id !== '')).toBe(true);
	expect(setup.templates.length).toBe(templates.size);
});

test('a Typeform submission becomes a record with an owner, and the sender gets a receipt', async () => {
	const response = await n8n.postWebhook(
		'inquiry-form',
		vendorRequest(loadVendorPayload('typeform__form_response__1')),
	);
	expect(response.status).toBe(200);
	expect(response.json).toEqual({ inquiryId: expect.stringMatching(/^inq_/), status: 'received' });
	await settle('01b-form-webhook-to-verified-record.json', 1);
	const records = await dataTableRows(n8n, 'inquiry_records');
	expect(records.map((r) => [r.email, r.sourceSystem, r.ownerId])).toEqual([
		['laura@example.com', 'typeform', 'owner-1'],
	]);
	const inquiryId = String((response.json as { inquiryId?: string } | undefined)?.inquiryId);
	const ledger = (await dataTableRows(n8n, 'inquiry_ledger')).filter(
		(row) => row.inquiryId === inquiryId,
	);
	expect(ledger.map((row) => [row.handoffStatus, row.visibilityCheck, row.ownerId])).toEqual([
		['verified', 'pass', 'owner-1'],
	]);
	const told = (await dataTableRows(n8n, 'inquiry_notifications')).filter(
		(row) => row.inquiryId === inquiryId && row.kind === 'owner_assigned',
	);
	expect(told.map((row) => row.recipient)).toEqual(['first.owner@team.invalid']);
	// The owner's message from Inquiry Claim Links: the deadline and the signed links.
	expect(String(told[0].body)).toContain('Reply by: ');
	expect(String(told[0].body)).toContain(`I've got it: ${n8n.baseUrl}/webhook/inquiry-link?t=`);
});

test('the HTTP CRM template writes to the demo CRM, reads the contact back over HTTP and verifies it', async () => {
	const body = {
		name: 'Ana Ortiz',
		email: 'ana.ortiz@example.com',
		phone: '(415) 555-2672',
		service: 'Repair',
		message: 'The heater makes a noise',
		postal_code: '94110',
	};
	const response = await n8n.postWebhook('inquiry-form-crm', {
		rawBody: JSON.stringify(body),
		contentType: 'application/json',
		headers: {},
	});
	expect(response.status).toBe(200);
	// The demo CRM's webhooks run in the same workflow, so the count of executions says little: wait for the ledger.
	const inquiryId = String((response.json as { inquiryId?: string } | undefined)?.inquiryId);
	const ledger = await ledgerRowOnceClosed(inquiryId);
	expect(ledger.map((row) => [row.handoffStatus, row.visibilityCheck])).toEqual([
		['verified', 'pass'],
	]);
	expect(
		(await dataTableRows(n8n, 'demo_crm_contacts')).map((row) => [row.email, row.inquiryId]),
	).toEqual([['ana.ortiz@example.com', inquiryId]]);
});

test('a caller who rings three times gets one text back; a forged post gets 401 and no record', async () => {
	const busy = loadVendorPayload('twilio__voice_status_callback__busy__1').body as Record<
		string,
		string
	>;
	const call = (sid: string) => ({
		...busy,
		CallSid: sid,
		Direction: 'inbound',
		CallStatus: 'no-answer',
		From: '+14155552671',
		Caller: '+14155552671',
		To: '+14155550100',
		Called: '+14155550100',
	});
	for (const sid of ['CAe2e1', 'CAe2e2', 'CAe2e3']) {
		const response = await n8n.postWebhook(
			'inquiry-missed-call',
			signedTwilio('inquiry-missed-call', call(sid)),
		);
		expect(response.status).toBe(200);
	}
	const forged = await n8n.postWebhook(
		'inquiry-missed-call',
		signedTwilio('inquiry-missed-call', call('CAforged'), 'not-the-token'),
	);
	expect(forged.status).toBe(401);
	await settle('02-missed-call-text-back.json', 4);

	const notifications = await dataTableRows(n8n, 'inquiry_notifications');
	expect(
		notifications.filter((row) => row.kind === 'text_back').map((row) => row.recipient),
	).toEqual(['+14155552671']);
	expect(
		notifications.filter((row) => row.kind === 'alert' && String(row.body).includes('signature')),
	).toHaveLength(1);
	const calls = (await dataTableRows(n8n, 'inquiry_records')).filter(
		(row) => row.channel === 'missed_call',
	);
	expect(calls).toHaveLength(3);
	const callIds = new Set(calls.map((row) => row.inquiryId));
	const ledger = (await dataTableRows(n8n, 'inquiry_ledger')).filter((row) =>
		callIds.has(row.inquiryId),
	);
	expect(ledger.map((row) => row.handoffStatus)).toEqual(['verified', 'verified', 'verified']);
	const told = (await dataTableRows(n8n, 'inquiry_notifications')).filter(
		(row) => row.kind === 'owner_assigned' && callIds.has(row.inquiryId),
	);
	expect(told).toHaveLength(3);
});

test.each([
	[
		'inquiry-chat',
		'intercom__conversation.user.created__1',
		'03-chat-to-owner.json',
		'bill@bill.bill',
	],
	[
		'inquiry-booking',
		'calendly__invitee.created__1',
		'04-booking-to-owner.json',
		'test@example.com',
	],
])(
	'%s: a real %s post becomes a verified record, its owner is told and its ledger row is closed',
	async (path, sample, file, email) => {
		const response = await n8n.postWebhook(path, vendorRequest(loadVendorPayload(sample)));
		expect(response.status).toBe(200);
		const inquiryId = String((response.json as { inquiryId?: string } | undefined)?.inquiryId);
		await settle(file, 1);
		const records = (await dataTableRows(n8n, 'inquiry_records')).filter(
			(row) => row.inquiryId === inquiryId,
		);
		expect(records.map((row) => row.email)).toEqual([email]);
		const ledger = await ledgerRowOnceClosed(inquiryId);
		expect(ledger.map((row) => [row.handoffStatus, row.visibilityCheck])).toEqual([
			['verified', 'pass'],
		]);
		const told = (await dataTableRows(n8n, 'inquiry_notifications')).filter(
			(row) => row.inquiryId === inquiryId && row.kind === 'owner_assigned',
		);
		expect(told).toHaveLength(1);
	},
);

test('Meta’s subscription handshake is answered with hub.challenge', async () => {
	const response = await fetch(
		`${n8n.baseUrl}/webhook/inquiry-ad-lead?hub.mode=subscribe&hub.verify_token=your-verify-token&hub.challenge=1158201444`,
	);
	expect(response.status).toBe(200);
	expect(await response.text()).toBe('1158201444');
});

test('a Google Ads lead becomes a record; a replay of it does not create a second one', async () => {
	const lead = vendorRequest(loadVendorPayload('google_ads__lead_form_webhook__1'));
	expect((await n8n.postWebhook('inquiry-ad-lead', lead)).status).toBe(200);
	expect((await n8n.postWebhook('inquiry-ad-lead', lead)).status).toBe(200);
	await settle('05-ad-lead-to-owner.json', 2);
	const leads = (await dataTableRows(n8n, 'inquiry_records')).filter(
		(row) => row.sourceSystem === 'google_ads',
	);
	expect(leads.map((r) => [r.email, r.service, r.postalCode])).toEqual([
		['test@example.com', 'Roofing', '94043'],
	]);
	const ledger = (await dataTableRows(n8n, 'inquiry_ledger')).filter(
		(row) => row.inquiryId === leads[0].inquiryId,
	);
	expect(ledger.map((row) => row.handoffStatus)).toEqual(['verified']);
	const told = (await dataTableRows(n8n, 'inquiry_notifications')).filter(
		(row) => row.kind === 'owner_assigned' && row.inquiryId === leads[0].inquiryId,
	);
	expect(told).toHaveLength(1);
});

describe('a broken handoff, on purpose: template 1c pointed at a CRM that loses fields or fails', () => {
	let crm: LocalCrm;
	let workflowId: string;
	const BROKEN_HUB = 'e2e: HTTP CRM hub against a CRM that breaks';

	/** The HTTP CRM hub as a user would set it up for their own CRM, minus the demo CRM it ships with. */
	function hubAgainstLocalCrm(template: WorkflowDefinition): WorkflowDefinition {
		const demo = new Set(
			template.nodes
				.filter(
					(node) =>
						node.name.startsWith('Demo CRM') ||
						['Store Contact', 'Find Contact', 'Contact Found?'].includes(node.name) ||
						node.name.startsWith('Answer: C') ||
						node.name === 'Answer: Not Found' ||
						node.name === 'Answer: OK',
				)
				.map((node) => node.name),
		);
		const nodes = template.nodes
			.filter((node) => !demo.has(node.name))
			.map((node) => {
				if (node.name === 'Save Record')
					return {
						...node,
						parameters: {
							...node.parameters,
							url: `${crm.url}/contacts`,
							sendHeaders: true,
							headerParameters: {
								parameters: [{ name: 'Authorization', value: `Bearer ${CRM_TOKEN}` }],
							},
						},
					};
				if (node.name === 'Verify Inquiry Handoff')
					return {
						...node,
						parameters: { ...node.parameters, url: '/contacts/{recordId}', retryDelay: 100 },
					};
				return node;
			});
		const connections = Object.fromEntries(
			Object.entries(template.connections).filter(([from]) => !demo.has(from)),
		);
		return { ...template, name: BROKEN_HUB, nodes, connections };
	}

	/** Template 1c on its own path, calling that hub. */
	function entryForBrokenHub(template: WorkflowDefinition): WorkflowDefinition {
		const nodes = template.nodes.map((node) => {
			if (node.name === 'Form Webhook')
				return {
					...node,
					parameters: { ...node.parameters, path: 'inquiry-form-crm-broken' },
					webhookId: 'inquiry-form-crm-broken',
				};
			if (node.name === 'Run the Hub')
				return {
					...node,
					parameters: {
						...node.parameters,
						workflowId: { __rl: true, mode: 'list', value: '', cachedResultName: BROKEN_HUB },
					},
				};
			return node;
		});
		return { ...template, name: 'e2e: form → a CRM that breaks', nodes };
	}

	beforeAll(async () => {
		crm = await startLocalCrm();
		const templates = loadTemplates();
		const hub = templates.find((t) => t.file.startsWith('00b-'))!;
		const entry = templates.find((t) => t.file.startsWith('01c-'))!;
		const name = 'Local CRM (e2e)';
		const id = await n8n.createCredential('handoffDestinationApi', name, {
			baseUrl: crm.url,
			authentication: 'bearer',
			token: CRM_TOKEN,
			testPath: '/health',
		});
		const results = await importTemplates(
			n8n,
			[
				{ file: 'e2e-broken-crm-hub.json', workflow: hubAgainstLocalCrm(hub.workflow) },
				{ file: 'e2e-broken-crm.json', workflow: entryForBrokenHub(entry.workflow) },
			],
			{ handoffDestinationApi: { id, name } },
		);
		expect(results.map((result) => result.note)).toEqual([undefined, undefined]);
		workflowId = results[1].id;
	});

	afterAll(async () => {
		await crm?.close();
	});

	test.each([
		['lossy@example.com', 'mismatch', 'phone lost'],
		['broken@example.com', 'error', 'HTTP 500'],
	])('%s → Failed receipt (%s) and an alert row', async (email, status, says) => {
		const body = {
			name: 'Sam Lee',
			email,
			phone: '(415) 555-2673',
			service: 'Repair',
			message: 'Broken handoff on purpose',
			postal_code: '94110',
		};
		const response = await n8n.postWebhook('inquiry-form-crm-broken', {
			rawBody: JSON.stringify(body),
			contentType: 'application/json',
			headers: {},
		});
		expect(response.status).toBe(200);
		const inquiryId = String((response.json as { inquiryId?: string } | undefined)?.inquiryId);
		await n8n.waitForExecutions(workflowId, {
			count: email.startsWith('lossy') ? 1 : 2,
			timeoutMs: 30_000,
		});
		const ledger = (await dataTableRows(n8n, 'inquiry_ledger')).filter(
			(row) => row.inquiryId === inquiryId,
		);
		expect(ledger.map((row) => [row.handoffStatus, row.visibilityCheck])).toEqual([
			[status, 'pass'],
		]);
		const alerts = (await dataTableRows(n8n, 'inquiry_notifications')).filter(
			(row) => row.inquiryId === inquiryId && row.kind === 'alert',
		);
		expect(alerts).toHaveLength(1);
		expect(String(alerts[0].body)).toContain(says);
	});
});

test('the leak sweep finds an inquiry that entered the ledger a week ago and went nowhere, and alerts about it once', async () => {
	const receivedAt = new Date(Date.now() - 7 * 24 * 3600_000).toISOString();
	await insertDataTableRows(n8n, 'inquiry_ledger', [
		{
			inquiryId: 'inq_e2e_stalled',
			receivedAt,
			channel: 'form',
			sourceSystem: 'typeform',
			contactName: 'Stalled Person',
			contactEmail: 'stalled@example.com',
			stage: 'entry',
			entryCheck: 'pass',
			score: 1,
		},
	]);
	const sweep = setup.templates.find((t) => t.file.startsWith('06-'));
	for (const run of [1, 2]) {
		expect((await fetch(`${n8n.baseUrl}/webhook/inquiry-leak-sweep`)).status).toBe(200);
		await n8n.waitForExecutions(sweep!.id, { count: run, timeoutMs: 30_000 });
	}
	const alerts = (await dataTableRows(n8n, 'inquiry_notifications')).filter(
		(row) => row.inquiryId === 'inq_e2e_stalled',
	);
	expect(alerts).toHaveLength(1);
	expect(String(alerts[0].dedupeKey)).toMatch(/^sweep:inq_e2e_stalled:/);
	const [row] = (await dataTableRows(n8n, 'inquiry_ledger')).filter(
		(r) => r.inquiryId === 'inq_e2e_stalled',
	);
	expect(row).toMatchObject({
		sweepReason: expect.stringMatching(/./),
		sweepAction: expect.stringMatching(/./),
	});
});

describe('one business, one hub: the form, missed-call and chat entries share one team and one owner memory', () => {
	const ENTRY_FILES = [
		'01b-form-webhook-to-verified-record.json',
		'02-missed-call-text-back.json',
		'03-chat-to-owner.json',
	];
	const intercom = loadVendorPayload('intercom__conversation.user.created__1').body as {
		id: string;
		data: {
			item: Record<string, unknown> & {
				id: string;
				user: Record<string, unknown>;
				conversation_message: Record<string, unknown>;
			};
		};
	};

	/**
	 * Inquiry number `n` from a person nobody has seen before, posted to the form, missed-call or chat
	 * entry by turn. Returns how its record is found (the e-mail, or the caller's number): the answer
	 * comes only once the hub has run, and a slow one must not hide where the inquiry went.
	 */
	async function postDistinct(n: number): Promise<string> {
		const person = `hub${n}`;
		const email = `${person}@customers.test`;
		const phone = `+1415555${String(3000 + n).padStart(4, '0')}`;
		const kind = n % 3;
		const post =
			kind === 0
				? n8n.postWebhook('inquiry-form', {
						rawBody: JSON.stringify({
							name: `Person ${person}`,
							email,
							phone,
							service: 'Repair',
							message: 'Hub e2e',
							postal_code: '94110',
						}),
						contentType: 'application/json',
						headers: {},
					})
				: kind === 1
					? n8n.postWebhook(
							'inquiry-missed-call',
							signedTwilio('inquiry-missed-call', {
								AccountSid: 'AC00000000000000000000000000000000',
								CallSid: `CAhub${n}`,
								CallStatus: 'no-answer',
								Direction: 'inbound',
								From: phone,
								Caller: phone,
								To: '+14155550100',
								Called: '+14155550100',
							}),
						)
					: n8n.postWebhook('inquiry-chat', {
							rawBody: JSON.stringify({
								...intercom,
								id: `notif_${person}`,
								data: {
									...intercom.data,
									item: {
										...intercom.data.item,
										id: `conv${n}`,
										user: {
											...intercom.data.item.user,
											id: person,
											name: `Person ${person}`,
											email,
										},
										conversation_message: {
											...intercom.data.item.conversation_message,
											id: `msg${n}`,
											author: { type: 'user', id: person, name: `Person ${person}`, email },
										},
									},
								},
							}),
							contentType: 'application/json',
							headers: {},
						});
		const response = await post.catch((error: Error) => ({ status: 0, error }));
		expect([0, 200]).toContain(response.status);
		return kind === 1 ? phone : email;
	}

	/** The owner of each inquiry (by e-mail or caller number), once every one has a record, or as things are after `timeoutMs`. */
	async function ownersOf(contacts: string[], timeoutMs = 120_000): Promise<string[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const records = await dataTableRows(n8n, 'inquiry_records');
			const owners = new Map(
				records.flatMap(
					(row) =>
						[
							[String(row.email), String(row.ownerId)],
							[String(row.phone), String(row.ownerId)],
						] as Array<[string, string]>,
				),
			);
			if (contacts.every((contact) => owners.has(contact)) || Date.now() > deadline)
				return contacts.map((contact) => owners.get(contact) ?? 'none');
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	const tally = (owners: string[]) =>
		owners.reduce<Record<string, number>>(
			(counts, owner) => ({ ...counts, [owner]: (counts[owner] ?? 0) + 1 }),
			{},
		);

	test('setting two people inactive in inquiry_team sends the next inquiry on the form, missed-call and chat entries to the third', async () => {
		await updateDataTableRows(n8n, 'inquiry_team', { ownerId: 'owner-1' }, { active: false });
		await updateDataTableRows(n8n, 'inquiry_team', { ownerId: 'owner-2' }, { active: false });
		try {
			const ids = [];
			for (const n of [1, 2, 3]) ids.push(await postDistinct(n));
			expect(await ownersOf(ids)).toEqual(['owner-3', 'owner-3', 'owner-3']);
		} finally {
			await updateDataTableRows(n8n, 'inquiry_team', { ownerId: 'owner-1' }, { active: true });
			await updateDataTableRows(n8n, 'inquiry_team', { ownerId: 'owner-2' }, { active: true });
		}
	}, 180_000);

	test('90 inquiries alternating over the form, missed-call and chat entries, with 3 owners → 30 / 30 / 30', async () => {
		const ids: string[] = [];
		// One at a time, as a steady day would bring them: each waits for the one before to have its owner.
		for (let n = 100; n < 190; n++) {
			ids.push(await postDistinct(n));
			await ownersOf(ids.slice(-1), 30_000);
		}
		expect(tally(await ownersOf(ids))).toEqual({ 'owner-1': 30, 'owner-2': 30, 'owner-3': 30 });
	}, 600_000);

	test('16 posted at once over the three entries → no owner more than 1 off an even share, nobody left without an owner', async () => {
		const ids = await Promise.all(Array.from({ length: 16 }, (_, i) => postDistinct(200 + i)));
		const counts = tally(await ownersOf(ids));
		expect(Object.keys(counts).sort()).toEqual(['owner-1', 'owner-2', 'owner-3']);
		for (const count of Object.values(counts))
			expect(Math.abs(count - 16 / 3)).toBeLessThanOrEqual(1);
		const busy = (await dataTableRows(n8n, 'inquiry_notifications')).filter((row) =>
			String(row.dedupeKey).endsWith(':memory_busy'),
		);
		expect(busy).toEqual([]);
		const [memory] = await dataTableRows(n8n, 'inquiry_owner_memory');
		expect(JSON.parse(String(memory.state))).toMatchObject({ assigned: expect.any(Number) });
	}, 300_000);

	test.each(ENTRY_FILES)('%s calls the hub it was linked to on import', async (file) => {
		const result = setup.templates.find((t) => t.file === file)!;
		const workflow = await n8n.api<{
			nodes: Array<{ name: string; parameters: { workflowId?: { value?: string } } }>;
		}>('GET', `/workflows/${result.id}`);
		const hub = setup.templates.find((t) => t.file.startsWith('00-'))!;
		expect(
			workflow.nodes.find((node) => node.name === 'Run the Hub')?.parameters.workflowId?.value,
		).toBe(hub.id);
		expect(hub.published).toBe(true);
	});
});
