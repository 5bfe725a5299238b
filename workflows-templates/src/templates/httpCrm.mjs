// 1c. The worked CRM swap: form webhook → owner → record in a CRM over HTTP → read back and verified.
// The CRM part lives in the "Inquiry Continuity Hub (HTTP CRM)" (template 00b), with a demo CRM.
import { TemplateBuilder } from '../lib.mjs';
import { addEntry, HUB_HTTP_CRM } from '../entry.mjs';
import { ENTRY_SETUP, overview } from '../notes.mjs';
import { webhookEntry } from '../sections.mjs';

export const file = '01c-form-to-http-crm-verified.json';

export function build() {
	const b = new TemplateBuilder(
		'Inquiry continuity: form webhook → HTTP CRM → read back and verified',
		{ tags: ['inquiry-continuity'] },
	);
	overview(b, {
		closes:
			'CRM records that arrive without the context to act on, or never arrive at all, with nobody noticing.',
		how: [
			'Your form posts to **Form Webhook** (…/webhook/inquiry-form-crm); **Normalize Inquiry** turns it into one clean inquiry and the sender gets a receipt.',
			'**Run the Hub** hands it to the *Inquiry Continuity Hub (HTTP CRM)*: context, owner, then the record goes to your CRM over HTTP and is read back by its ID and compared field by field.',
			'Verified: the owner is told. Lost or changed fields, a CRM error or a contact that never shows up: a one-line alert. Both close the ledger row.',
		],
		setup: [
			...ENTRY_SETUP.map((line) =>
				line.replace('**Inquiry Continuity Hub**', '**Inquiry Continuity Hub (HTTP CRM)**'),
			),
			'Connect your CRM in that hub (its notes say where), then **Publish**.',
		],
	});
	webhookEntry(b, 'Form Webhook', 'inquiry-form-crm', [0, 1]);
	addEntry(b, 'Form Webhook', 1, { respond: true, hub: HUB_HTTP_CRM });
	return b;
}
