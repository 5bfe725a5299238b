// 2. Missed call → text back → owner callback (Twilio, OpenPhone/Quo, Aircall, CallRail voice webhooks).
import { TemplateBuilder } from '../lib.mjs';
import { addEntry } from '../entry.mjs';
import { ENTRY_SETUP, overview } from '../notes.mjs';
import { webhookEntry } from '../sections.mjs';

export const file = '02-missed-call-text-back.json';

export function build() {
	const b = new TemplateBuilder('Inquiry continuity: missed call → text back → owner callback', {
		tags: ['inquiry-continuity'],
	});
	overview(b, {
		closes: 'Missed-call flows that log the call but never follow up.',
		how: [
			'Your phone system posts call events to **Call Webhook**; **Normalize Inquiry** checks the signature and keeps only real calls (busy, no-answer, voicemail = missed).',
			'The caller gets **one** text back asking what they need — a person who rings three times in two minutes gets one text, not three.',
			'**Run the Hub** hands it to the Inquiry Continuity Hub, where **Assign Inquiry Owner** gives the callback to the next available person, due by the response deadline on business hours; the record is saved, read back and verified.',
		],
		setup: [
			"Point your phone system's call status webhook at …/webhook/inquiry-missed-call (Twilio: the number's *Call status changes* URL).",
			"Create an *Inquiry Webhook Secret API* credential with your Twilio Auth Token (or the vendor's signing secret) and the public webhook URL, and select it in Normalize Inquiry.",
			...ENTRY_SETUP,
			'To send the text for real: put your Twilio number in *textBackSender* (inquiry_settings) and turn on **Send Text (Twilio)** in the hub with your Twilio credential. Then **Publish**.',
		],
	});
	webhookEntry(b, 'Call Webhook', 'inquiry-missed-call', [0, 1]);
	addEntry(b, 'Call Webhook', 1, { respond: true, checkSignature: true });
	return b;
}
