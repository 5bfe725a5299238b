// 4. Booking request → confirmed owner (Calendly, Cal.com).
import { TemplateBuilder } from '../lib.mjs';
import { addEntry } from '../entry.mjs';
import { ENTRY_SETUP, overview } from '../notes.mjs';
import { webhookEntry } from '../sections.mjs';

export const file = '04-booking-to-owner.json';

export function build() {
	const b = new TemplateBuilder('Inquiry continuity: booking request → confirmed owner', {
		tags: ['inquiry-continuity'],
	});
	overview(b, {
		closes: 'Bookings that land in a calendar with nobody prepared for them.',
		how: [
			'Calendly (*invitee.created*) or Cal.com (*BOOKING_CREATED*) post each booking to **Booking Webhook**; the attendee — not your own organizer — becomes the inquiry, with the booked time as the preferred time.',
			'Missing details (a phone number for reminders, the address) become one friendly follow-up email.',
			'**Run the Hub** hands it to the Inquiry Continuity Hub, where **Assign Inquiry Owner** confirms who takes the booking; the record is saved, read back and verified, and the owner is told.',
		],
		setup: [
			'Add a webhook in Calendly or Cal.com to …/webhook/inquiry-booking.',
			'Both sign their webhooks: turn on **Check Signature** in Normalize Inquiry with the signing key as an *Inquiry Webhook Secret API* credential.',
			...ENTRY_SETUP,
			'Press **Publish**.',
		],
	});
	webhookEntry(b, 'Booking Webhook', 'inquiry-booking', [0, 1]);
	addEntry(b, 'Booking Webhook', 1, { respond: true });
	return b;
}
