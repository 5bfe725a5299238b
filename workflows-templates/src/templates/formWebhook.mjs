// 1b. Web form → owner → verified record, for forms hosted elsewhere (Typeform, Jotform, Gravity Forms, WPForms, Webflow, Tally).
import { TemplateBuilder } from '../lib.mjs';
import { addEntry } from '../entry.mjs';
import { ENTRY_SETUP, overview } from '../notes.mjs';
import { webhookEntry } from '../sections.mjs';

export const file = '01b-form-webhook-to-verified-record.json';

export function build() {
	const b = new TemplateBuilder(
		'Inquiry continuity: form webhook (Typeform, Jotform, Gravity, WPForms) → verified record',
		{ tags: ['inquiry-continuity'] },
	);
	overview(b, {
		closes: 'Forms that only send an email nobody tracks.',
		how: [
			'Your form tool posts each submission to the **Form Webhook**; **Normalize Inquiry** recognizes Typeform, Jotform, Gravity Forms, WPForms, Webflow and Tally by their shape (any other JSON is read in generic mode).',
			'The sender gets a receipt once the inquiry is on the ledger; then context is checked, an owner assigned, the record saved, read back and verified.',
			'Every failure becomes an alert row in *inquiry_notifications*.',
		],
		setup: [
			'In your form tool, add a webhook to the production URL of **Form Webhook** (…/webhook/inquiry-form).',
			'If your tool signs webhooks (Typeform, Tally, Webflow), turn on **Check Signature** in Normalize Inquiry and add the signing secret as an *Inquiry Webhook Secret API* credential.',
			...ENTRY_SETUP,
			'Press **Publish**.',
		],
	});
	webhookEntry(b, 'Form Webhook', 'inquiry-form', [0, 1]);
	addEntry(b, 'Form Webhook', 1, { respond: true });
	return b;
}
