import { parseEmail } from '../../inquiry/contact/email';
import { parsePhone } from '../../inquiry/contact/phone';
import type { Channel, Inquiry, Location, Urgency } from '../../inquiry/schema';

export interface InquiryParts {
	channel?: Channel;
	system?: string;
	name?: string;
	first?: string;
	email?: string;
	phone?: string;
	company?: string;
	message?: string;
	service?: string;
	urgency?: Urgency;
	preferredTime?: string;
	location?: Location;
}

/** A canonical inquiry built with the real contact parsers, so phones and emails carry real validity. */
export function makeInquiry(parts: InquiryParts = {}): Inquiry {
	const email = parts.email === undefined ? undefined : parseEmail(parts.email);
	const phone =
		parts.phone === undefined ? undefined : parsePhone(parts.phone, { defaultCountry: 'US' });
	const contact: Inquiry['contact'] = { name: {} };
	if (parts.name)
		contact.name = { full: parts.name, first: parts.first ?? parts.name.split(' ')[0] };
	if (email) contact.email = email;
	if (phone) contact.phone = phone;
	if (parts.company) contact.company = parts.company;
	const request: Inquiry['request'] = {
		urgency: parts.urgency ?? 'normal',
		location: parts.location ?? {},
	};
	if (parts.message) request.message = parts.message;
	if (parts.service) request.service = parts.service;
	if (parts.preferredTime) request.preferredTime = parts.preferredTime;
	return {
		schemaVersion: 1,
		id: 'inq_test',
		dedupeKey: 'dk_test',
		identityKeys: [],
		receivedAt: '2026-05-04T10:00:00.000Z',
		channel: parts.channel ?? 'form',
		source: {
			system: parts.system ?? 'typeform',
			preset: parts.system ?? 'typeform',
			detectedBy: 'preset',
		},
		contact,
		request,
		attribution: {},
		consent: {},
		extraFields: {},
		continuity: { trail: [] },
	};
}

/** Everything Quote-ready asks for. */
export const FULL: InquiryParts = {
	name: 'Jane Doe',
	email: 'jane@example.org',
	phone: '+1 415 555 2671',
	service: 'Water heater repair',
	message: 'Our water heater is leaking from the bottom valve.',
	preferredTime: 'Tomorrow morning',
	location: { postalCode: '94107', city: 'San Francisco' },
};
