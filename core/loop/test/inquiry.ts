import type { Inquiry } from '../../inquiry/schema';

export const SECRET = 'test-link-secret-0123456789abcdefghij';
export const NOW = new Date('2026-03-02T15:05:00.000Z');
export const LINK_SETTINGS = {
	baseUrl: 'https://n8n.example.org/',
	path: 'inquiry-link',
	secret: SECRET,
	lifetimeHours: 72,
};

/**
 * An inquiry as it leaves Assign Inquiry Owner, whose customer wrote hostile text in every field
 * a message shows: markup, a Slack mention, formatting marks, a bidi override and line breaks.
 */
export function hostileInquiry(overrides: Record<string, unknown> = {}): Inquiry {
	return {
		schemaVersion: 1,
		id: 'inq-42',
		dedupeKey: 'form:email:eve@example.org',
		identityKeys: ['email:eve@example.org'],
		receivedAt: '2026-03-02T15:00:00.000Z',
		channel: 'form',
		source: { system: 'n8n_form', preset: 'n8n_form', detectedBy: 'preset' },
		contact: {
			name: { full: 'Eve <script>alert(1)</script> *Boss*' },
			email: { address: 'eve@example.org', valid: true, raw: 'eve@example.org' },
			phone: { e164: '+14155550123', valid: true, raw: '(415) 555-0123' },
		},
		request: {
			message: 'Call me\n<!channel> <https://evil.example|click> & "quote" \u202Eevil',
			urgency: 'normal',
			location: {},
		},
		attribution: {},
		consent: {},
		extraFields: {},
		continuity: { trail: [] },
		context: { followUp: { chat: 'What is your <b>postal code</b>?' } },
		assignment: {
			status: 'assigned',
			owner: {
				id: 'ana',
				name: 'Ana <i>Lopez</i>',
				email: 'ana@example.org',
				phone: '+14155550100',
				chat: 'U123',
			},
			reason: 'Ana is next in the round robin & on shift',
			respondBy: '2026-03-02T15:30:00.000Z',
		},
		...overrides,
	} as Inquiry;
}
