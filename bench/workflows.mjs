// The two workflows the real-n8n benchmark posts to, built with the templates' own sections so
// the template workflow writes the same record the shipped templates write:
//   bare:     Webhook → Respond to Webhook
//   template: Webhook → Normalize → Context → Assign → Save Record (Data table upsert)
//             → Verify Inquiry Handoff (record mode, against the row the upsert returned) → Respond
//   shape:    the template's 7 nodes with n8n's own nodes in place of this package's: a Set node
//             emitting the inquiry the template saves (static), No-Ops for Context, Assign and
//             Verify, the same Save Record and Respond — what n8n itself costs for that shape.
// Every failure output also answers, with its status, so no request waits for a timeout.
import { table, TemplateBuilder } from '../workflows-templates/src/lib.mjs';
import {
	respondReceipt,
	saveRecord,
	schemaColumn,
	webhookEntry,
} from '../workflows-templates/src/sections.mjs';

export const BARE_PATH = 'bench-bare';
export const TEMPLATE_PATH = 'bench-template';
export const SHAPE_PATH = 'bench-shape';

export function bareWorkflow() {
	const b = new TemplateBuilder('Bench: bare webhook');
	webhookEntry(b, 'Webhook', BARE_PATH, [0, 1]);
	respondReceipt(b, 'Respond', [1, 1], { body: '{ status: "received" }' });
	b.connect('Webhook', 'Respond');
	return b.toJSON();
}

export function templateWorkflow() {
	const b = new TemplateBuilder('Bench: web form to verified record');
	webhookEntry(b, 'Webhook', TEMPLATE_PATH, [0, 1]);
	b.ours('Normalize Inquiry', 'normalizeInquiry', { source: 'auto', defaultCountry: 'US' }, [1, 1]);
	b.ours(
		'Check Inquiry Context',
		'checkInquiryContext',
		{ profile: 'routeReady', businessName: 'Acme Plumbing', options: {} },
		[2, 1],
	);
	b.ours(
		'Assign Inquiry Owner',
		'assignInquiryOwner',
		{
			rosterSource: 'form',
			owners: {
				owner: [
					{
						id: 'owner-1',
						name: 'First team member',
						email: 'first@example.com',
						active: true,
						weight: 1,
						hours: '',
					},
					{
						id: 'owner-2',
						name: 'Second team member',
						email: 'second@example.com',
						active: true,
						weight: 1,
						hours: '',
					},
				],
			},
			businessTimezone: 'America/New_York',
			businessHours: 'Mon-Sun 00:00-24:00',
			strategy: 'round_robin',
			deadlines: {},
		},
		[3, 1],
	);
	saveRecord(b, 'Save Record', [4, 1]);
	b.ours(
		'Verify Inquiry Handoff',
		'verifyInquiryHandoff',
		{
			mode: 'record',
			destination: 'Data table',
			inquirySource: 'earlierNode',
			inquiry: "={{ $('Assign Inquiry Owner').item.json }}",
			deadline: 'sla',
			slaMinutes: 5,
		},
		[5, 1],
	);
	respondReceipt(b, 'Respond', [6, 1], {
		body: '{ inquiryId: $json.id ?? null, status: $json.handoff?.status ?? "invalid" }',
	});
	b.connect('Webhook', 'Normalize Inquiry');
	b.connect('Normalize Inquiry', 'Check Inquiry Context', 0);
	b.connect('Normalize Inquiry', 'Respond', 1);
	for (const output of [0, 1]) b.connect('Check Inquiry Context', 'Assign Inquiry Owner', output);
	b.connect('Check Inquiry Context', 'Respond', 2);
	b.connect('Assign Inquiry Owner', 'Save Record', 0);
	b.connect('Assign Inquiry Owner', 'Respond', 1);
	b.connect('Save Record', 'Verify Inquiry Handoff');
	for (const output of [0, 1]) b.connect('Verify Inquiry Handoff', 'Respond', output);
	return b.toJSON();
}

/** `inquiry`: the item the template's Save Record receives for FORM_POST (made by the core). */
export function shapeWorkflow(inquiry) {
	const b = new TemplateBuilder('Bench: same shape, n8n nodes only');
	webhookEntry(b, 'Webhook', SHAPE_PATH, [0, 1]);
	b.node(
		'Inquiry (static)',
		'n8n-nodes-base.set',
		3.4,
		{ mode: 'raw', jsonOutput: JSON.stringify(inquiry), options: {} },
		[1, 1],
	);
	const noOp = (name, column) => b.node(name, 'n8n-nodes-base.noOp', 1, {}, [column, 1]);
	noOp('No-Op (Context)', 2);
	noOp('No-Op (Assign)', 3);
	saveRecord(b, 'Save Record', [4, 1]);
	noOp('No-Op (Verify)', 5);
	respondReceipt(b, 'Respond', [6, 1], {
		body: '{ inquiryId: $json.inquiryId ?? null, status: "written" }',
	});
	const chain = [
		'Webhook',
		'Inquiry (static)',
		'No-Op (Context)',
		'No-Op (Assign)',
		'Save Record',
		'No-Op (Verify)',
		'Respond',
	];
	chain.slice(1).forEach((node, i) => b.connect(chain[i], node));
	return b.toJSON();
}

/**
 * A web-form post; `{n6}` is replaced per request (six digits), so every request is a new person
 * with their own e-mail and phone and a new record (the upsert inserts, the round robin turns,
 * identity keys differ; the hub's repeat-contact lookup finds no earlier inquiry).
 */
export const FORM_POST = JSON.stringify({
	form_name: 'Website contact form',
	submission_id: 'bench-{n6}',
	name: 'Jane Roe',
	email: 'jane.roe+{n6}@example.com',
	phone: '+1 415 2{n6}',
	service: 'Water heater repair',
	message: 'Our water heater is leaking in the basement. Can someone come by this week?',
	zip: '10001',
});

/** A missed call as Twilio posts it (form fields; bench/load.mjs signs it like Twilio). */
export const CALL_POST = JSON.stringify({
	AccountSid: 'AC00000000000000000000000000000000',
	CallSid: 'CA00000000000000000000000000{n6}',
	CallStatus: 'no-answer',
	Direction: 'inbound',
	From: '+14153{n6}',
	To: '+14155550100',
});

export const HAND_BUILT_PATH = 'bench-hand-built';
export const HAND_BUILT_TABLE = 'bench_hand_built';
const HAND_BUILT_FIELDS = ['name', 'email', 'phone', 'message'];

/** The table the hand-built alternative writes to. */
export const handBuiltTable = {
	name: HAND_BUILT_TABLE,
	columns: HAND_BUILT_FIELDS.map((name) => ({ name, type: 'string' })),
};

/**
 * What a user would build instead, with no checks: Webhook → Set (the form's four fields) → Data
 * table insert → Send Email to one owner → Respond.
 */
export function handBuiltWorkflow(smtp) {
	const b = new TemplateBuilder('Bench: hand-built alternative');
	webhookEntry(b, 'Webhook', HAND_BUILT_PATH, [0, 1]);
	b.node(
		'Fields',
		'n8n-nodes-base.set',
		3.4,
		{
			assignments: {
				assignments: HAND_BUILT_FIELDS.map((field) => ({
					id: field,
					name: field,
					value: `={{ $json.body.${field} }}`,
					type: 'string',
				})),
			},
			options: {},
		},
		[1, 1],
	);
	b.node(
		'Insert Row',
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'insert',
			dataTableId: table(HAND_BUILT_TABLE),
			columns: {
				mappingMode: 'defineBelow',
				value: Object.fromEntries(
					HAND_BUILT_FIELDS.map((field) => [field, `={{ $json.${field} }}`]),
				),
				matchingColumns: [],
				schema: HAND_BUILT_FIELDS.map(schemaColumn),
			},
			options: {},
		},
		[2, 1],
	);
	b.node(
		'Send Email',
		'n8n-nodes-base.emailSend',
		2.1,
		{
			fromEmail: 'inquiries@bench.test',
			toEmail: 'owner@bench.test',
			subject: "={{ 'New inquiry from ' + $('Fields').item.json.name }}",
			emailFormat: 'text',
			text: "={{ $('Fields').item.json.message + '\\n' + $('Fields').item.json.email + ' ' + $('Fields').item.json.phone }}",
			options: { appendAttribution: false },
		},
		[3, 1],
		{ credentials: { smtp } },
	);
	respondReceipt(b, 'Respond', [4, 1], { body: '{ status: "received" }' });
	const chain = ['Webhook', 'Fields', 'Insert Row', 'Send Email', 'Respond'];
	chain.slice(1).forEach((node, i) => b.connect(chain[i], node));
	return b.toJSON();
}
