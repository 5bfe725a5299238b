import { parseEmail } from '../../inquiry/contact/email';
import { parsePhone } from '../../inquiry/contact/phone';
import type { Inquiry } from '../../inquiry/schema';

export const RECEIVED_AT = '2026-03-02T15:00:00.000Z';
export const MESSAGE =
	'Water heater leaking in the garage since this morning, please call before noon';

/** Jane Roe's web-form inquiry after Assign Inquiry Owner: real parsed phone and email, an owner and a deadline. */
export function janeRoe(overrides: Partial<Inquiry> = {}): Inquiry {
	return {
		schemaVersion: 1,
		id: 'inq-jane',
		dedupeKey: 'form:email:jane.roe@example.com',
		identityKeys: ['email:jane.roe@example.com', 'phone:+14155550123'],
		receivedAt: RECEIVED_AT,
		channel: 'form',
		source: { system: 'typeform', preset: 'typeform', detectedBy: 'preset' },
		contact: {
			name: { full: 'Jane Roe', first: 'Jane', last: 'Roe' },
			email: parseEmail('Jane.Roe@example.com'),
			phone: parsePhone('(415) 555-0123', { defaultCountry: 'US' }),
		},
		request: { message: MESSAGE, service: 'Water Heater Repair', urgency: 'high', location: {} },
		attribution: {},
		consent: {},
		extraFields: {},
		continuity: {
			trail: [
				{ stage: 'entry', node: 'Normalize Inquiry', at: RECEIVED_AT, outcome: 'normalized' },
			],
		},
		assignment: { owner: { id: 'ana', name: 'Ana Lopez' }, respondBy: '2026-03-02T15:30:00.000Z' },
		...overrides,
	} as Inquiry;
}

/** The record the package's templates write for Jane: the default destination fields. */
export function janeRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: 'rec-42',
		name: 'Jane Roe',
		email: 'jane.roe@example.com',
		phone: '+14155550123',
		message: MESSAGE,
		service: 'Water Heater Repair',
		ownerId: 'ana',
		...overrides,
	};
}
