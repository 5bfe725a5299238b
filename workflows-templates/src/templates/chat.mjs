// 3. Chat / messaging → owner (Intercom, Crisp, WhatsApp Cloud API).
import { TemplateBuilder } from '../lib.mjs';
import { addEntry } from '../entry.mjs';
import { ENTRY_SETUP, overview } from '../notes.mjs';
import { webhookEntry } from '../sections.mjs';

export const file = '03-chat-to-owner.json';

export function build() {
	const b = new TemplateBuilder(
		'Inquiry continuity: chat or WhatsApp → owner with the transcript',
		{ tags: ['inquiry-continuity'] },
	);
	overview(b, {
		closes: 'Chats that end without anyone owning the next step.',
		how: [
			'Intercom, Crisp or WhatsApp post new conversations to **Chat Webhook**; **Normalize Inquiry** recognizes each and carries the transcript into the message.',
			'If the chat lacks what you need to act (service, location), the follow-up question is written for a chat reply.',
			'**Run the Hub** hands it to the Inquiry Continuity Hub, where **Assign Inquiry Owner** names an owner with a deadline; the record — transcript included — is saved, read back and verified.',
		],
		setup: [
			"Point your chat tool's webhook (Intercom *conversation.user.created*, Crisp *message:send*, WhatsApp *messages*) at …/webhook/inquiry-chat.",
			'Turn on **Check Signature** in Normalize Inquiry with your app secret as an *Inquiry Webhook Secret API* credential.',
			...ENTRY_SETUP,
			'Press **Publish**.',
		],
	});
	webhookEntry(b, 'Chat Webhook', 'inquiry-chat', [0, 1]);
	addEntry(b, 'Chat Webhook', 1, { respond: true });
	return b;
}
