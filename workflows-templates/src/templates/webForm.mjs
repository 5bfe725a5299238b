// 1. Web form → owner → verified record (n8n Form Trigger).
import { TemplateBuilder } from '../lib.mjs';
import { addEntry } from '../entry.mjs';
import { ENTRY_SETUP, overview } from '../notes.mjs';

export const file = '01-web-form-to-verified-record.json';

export function build() {
	const b = new TemplateBuilder('Inquiry continuity: web form → owner → verified record', {
		tags: ['inquiry-continuity'],
	});
	overview(b, {
		closes: 'Forms that only send an email nobody tracks.',
		how: [
			'The form below collects the inquiry; **Normalize Inquiry** turns it into one clean record (phone in international format, email checked, message cleaned).',
			'In the hub, **Check Inquiry Context** sees what is missing and writes the follow-up question; it is recorded in *inquiry_notifications* (connect email to send it).',
			'**Run the Hub** hands it to the Inquiry Continuity Hub, where **Assign Inquiry Owner** picks the owner by your rules and sets a response deadline on business hours.',
			'The record is saved to the *inquiry_records* Data table, read back and **verified**; the owner gets a notification with the reason and the deadline.',
			'Anything that fails (unreadable, unreachable, nobody free, record lost) becomes an alert row — never silence.',
		],
		setup: [
			...ENTRY_SETUP,
			'Press **Publish**, then share the form link from the **Website Form** node.',
		],
	});
	b.node(
		'Website Form',
		'n8n-nodes-base.formTrigger',
		2.3,
		{
			path: 'inquiry-form-page',
			formTitle: 'Request a visit',
			formDescription: 'Tell us what you need and we will get back to you shortly.',
			formFields: {
				values: [
					{ fieldLabel: 'Name', requiredField: true },
					{ fieldLabel: 'Email', fieldType: 'email' },
					{ fieldLabel: 'Phone' },
					{
						fieldLabel: 'Service',
						fieldType: 'dropdown',
						fieldOptions: {
							values: [
								{ option: 'Repair' },
								{ option: 'Installation' },
								{ option: 'Maintenance' },
								{ option: 'Emergency' },
							],
						},
					},
					{ fieldLabel: 'Message', fieldType: 'textarea' },
					{ fieldLabel: 'Postal code' },
					{ fieldLabel: 'Preferred time' },
				],
			},
			options: {},
		},
		[0, 1],
		{ webhookId: 'inquiry-form-page' },
	);
	addEntry(b, 'Website Form', 1);
	return b;
}
