// 0b. The hub with the worked CRM swap: the record goes to a CRM over HTTP and is read back and
// verified. A small demo CRM (three webhooks over a Data table) answers until a real CRM is connected.
import { expr, table, TemplateBuilder } from '../lib.mjs';
import { addHubChain } from '../chain.mjs';
import { HUB_HTTP_CRM } from '../entry.mjs';
import { hubOverview } from '../notes.mjs';
import { respondReceipt, schemaColumn, webhookEntry } from '../sections.mjs';

export const file = '00b-inquiry-continuity-hub-http-crm.json';

const CRM_TABLE = 'demo_crm_contacts';
const CRM_FIELDS = ['inquiryId', 'name', 'email', 'phone', 'message', 'service', 'ownerId'];

export function build() {
	const b = new TemplateBuilder(HUB_HTTP_CRM, { tags: ['inquiry-continuity'] });
	hubOverview(b, {
		record:
			'**Save Record** sends the inquiry to your CRM over HTTP; **Verify Inquiry Handoff** reads the contact back by its ID, retrying while the CRM catches up, and compares name, email, phone, message, service and owner. Until you connect your CRM, the **Demo CRM** at the bottom plays its part.',
		swap: "Open **Save Record**: put your CRM's create-contact address and sign-in. Create a *Handoff Destination API* credential (your CRM's API address and key) for **Verify Inquiry Handoff** and set its read-back URL. Delete the Demo CRM once your CRM is connected.",
	});
	addHubChain(b, { record: 'httpCrm' });
	demoCrm(b, [1, 8]);
	return b;
}

/** POST /contacts stores, GET /contacts?id= reads (404 when absent), GET /health answers the credential test. */
function demoCrm(b, [column, row]) {
	b.note(
		'Demo CRM',
		'Stands in for your CRM so this template works as imported. The *Handoff Destination API (demo CRM, local)* credential that `npm start` creates points at it. Delete this part once your own CRM is connected.',
		[column - 0.2, row - 0.9],
		{ width: 5.6, height: 4, color: 5 },
	);

	webhookEntry(b, 'Demo CRM: Create Contact', 'inquiry-demo-crm/contacts', [column, row]);
	const values = Object.fromEntries(
		CRM_FIELDS.map((field) => [field, expr(`$json.body.${field} ?? ""`)]),
	);
	b.node(
		'Store Contact',
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'insert',
			dataTableId: table(CRM_TABLE),
			columns: {
				mappingMode: 'defineBelow',
				value: values,
				matchingColumns: [],
				schema: CRM_FIELDS.map(schemaColumn),
			},
			options: {},
		},
		[column + 1, row],
	);
	b.connect('Demo CRM: Create Contact', 'Store Contact');
	answer(b, 'Answer: Created', [column + 2, row], 201, '$json');
	b.connect('Store Contact', 'Answer: Created');

	webhookEntry(b, 'Demo CRM: Read Contact', 'inquiry-demo-crm/contacts', [column, row + 1], {
		method: 'GET',
	});
	b.node(
		'Find Contact',
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table(CRM_TABLE),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{ keyName: 'id', condition: 'eq', keyValue: expr('Number($json.query.id) || 0') },
				],
			},
			limit: 1,
		},
		[column + 1, row + 1],
		{ alwaysOutputData: true },
	);
	b.connect('Demo CRM: Read Contact', 'Find Contact');
	b.node(
		'Contact Found?',
		'n8n-nodes-base.if',
		2.2,
		{
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [
					{
						id: 'found',
						leftValue: expr('$json.id'),
						rightValue: '',
						operator: { type: 'number', operation: 'exists', singleValue: true },
					},
				],
				combinator: 'and',
			},
			options: {},
		},
		[column + 2, row + 1],
	);
	b.connect('Find Contact', 'Contact Found?');
	answer(b, 'Answer: Contact', [column + 3, row + 0.7], 200, '$json');
	answer(b, 'Answer: Not Found', [column + 3, row + 1.5], 404, '{ error: "not found" }');
	b.connect('Contact Found?', 'Answer: Contact', 0);
	b.connect('Contact Found?', 'Answer: Not Found', 1);

	webhookEntry(b, 'Demo CRM: Health', 'inquiry-demo-crm/health', [column, row + 2.2], {
		method: 'GET',
	});
	answer(b, 'Answer: OK', [column + 1, row + 2.2], 200, '{ ok: true }');
	b.connect('Demo CRM: Health', 'Answer: OK');
}

/** The demo CRM's replies. */
const answer = (b, name, at, code, body) => respondReceipt(b, name, at, { code, body });
