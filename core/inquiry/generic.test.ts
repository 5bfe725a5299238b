import fc from 'fast-check';
import { genericPreset } from './generic';
import { matchFieldLabel } from './labels';
import { normalizeOne, summary } from './sources/test/samples';

describe('matchFieldLabel', () => {
	it.each([
		['E-Mail Address', 'email'],
		['your_email', 'email'],
		['Phone Number (mobile)', 'phone'],
		['Teléfono móvil', 'phone'],
		['What is your first name?', 'firstName'],
		['Nachname', 'lastName'],
		['Nombre y apellido', 'fullName'],
		['Your full name', 'fullName'],
		['Company name', 'company'],
		['Venue name', undefined],
		['Code postal', 'postalCode'],
		['PLZ', 'postalCode'],
		['Ciudad', 'city'],
		['How can we help?', 'message'],
		['Anliegen', 'message'],
		['Type of service', 'service'],
		['Preferred time', 'preferredTime'],
		['utm_source', 'utmSource'],
		['gclid', 'gclid'],
		['Favourite colour', undefined],
		['UTM Source', 'utmSource'],
		['landingPage', 'landingPage'],
		['constructor', undefined],
		['__proto__', undefined],
		['How important is the weather to your opinion about a city?', undefined],
		['Is this an issue, a feature request, or a new venue?', undefined],
		['Please describe the problem and tell us when it started', 'message'],
		['Tell us more about your project', 'message'],
		['Tell us your name', 'fullName'],
	])('%s → %s', (label, field) => {
		expect(matchFieldLabel(label)).toBe(field);
	});
});

describe('generic mode on payloads no preset knows', () => {
	it('reads a Spanish contact form', () => {
		const inquiry = normalizeOne(
			{
				nombre: 'José Ángel',
				apellidos: 'García López',
				correo: 'jose@ejemplo.es',
				telefono: '+34 612 34 56 78',
				mensaje: 'Necesito un presupuesto para reformar el baño',
				'código postal': '28001',
			},
			'generic',
		);
		expect(summary(inquiry)).toEqual({
			preset: 'generic',
			channel: 'other',
			name: { full: 'José Ángel García López', first: 'José Ángel', last: 'García López' },
			email: 'jose@ejemplo.es',
			phone: '+34612345678',
			message: 'Necesito un presupuesto para reformar el baño',
		});
		expect(inquiry.request.location.postalCode).toBe('28001');
	});

	it('reads a nested German payload', () => {
		const inquiry = normalizeOne(
			{
				kontakt: {
					name: { vorname: 'Jürgen', nachname: 'Müller' },
					email: 'j.mueller@beispiel.de',
					telefon: '030 1234567',
				},
				anfrage: { nachricht: 'Heizung defekt, bitte schnell', plz: '10115', stadt: 'Berlin' },
			},
			'generic',
		);
		expect(summary(inquiry)).toMatchObject({
			name: { full: 'Jürgen Müller' },
			email: 'j.mueller@beispiel.de',
			message: 'Heizung defekt, bitte schnell',
		});
		expect(inquiry.contact.phone?.raw).toBe('030 1234567');
		expect(inquiry.request.location).toMatchObject({ postalCode: '10115', city: 'Berlin' });
	});

	// Extension forms from google/libphonenumber PhoneNumberUtilTest.java testParseExtensions
	// (1 / 8009013355 ext 7246433); the vanity number is 1-800-FLOWERS.COM's published 1-800-356-9377.
	it.each([
		['(800) 901-3355 ext: 7246433', { e164: '+18009013355', extension: '7246433' }],
		['(800) 901-3355 x 7246433', { e164: '+18009013355', extension: '7246433' }],
		['tel:+18009013355;ext=7246433', { e164: '+18009013355', extension: '7246433' }],
		['1-800-FLOWERS', { e164: '+18003569377' }],
	])('gives a labelled phone holding %s to the phone cleaner', (value, phone) => {
		const inquiry = normalizeOne(
			{ name: 'Ana Ruiz', phone: value, message: 'Please call me back today' },
			'generic',
		);
		expect(inquiry.contact.phone).toMatchObject({ ...phone, valid: true, raw: value });
	});

	it('keeps a sentence under a phone label out of the phone', () => {
		const inquiry = normalizeOne(
			{ name: 'Ana Ruiz', phone: 'call me after 5pm', email: 'ana@example.com' },
			'generic',
		);
		expect(inquiry.contact.phone).toBeUndefined();
	});

	it('reads a French form and label/value pair arrays', () => {
		const inquiry = normalizeOne(
			{
				submission: {
					answers: [
						{ label: 'Prénom', value: 'Élodie' },
						{ label: 'Nom de famille', value: 'Dupont' },
						{ label: 'Courriel', value: 'elodie@exemple.fr' },
						{ label: 'Téléphone', value: '+33 6 12 34 56 78' },
						{ label: 'Votre demande', value: 'Fuite sous l’évier de la cuisine' },
						{ label: 'Ville', value: 'Lyon' },
					],
				},
			},
			'generic',
		);
		expect(summary(inquiry)).toEqual({
			preset: 'generic',
			channel: 'other',
			name: { full: 'Élodie Dupont', first: 'Élodie', last: 'Dupont' },
			email: 'elodie@exemple.fr',
			phone: '+33612345678',
			message: 'Fuite sous l’évier de la cuisine',
		});
	});

	it('finds an email by its value and the message as the longest free text', () => {
		const inquiry = normalizeOne(
			{
				a1: 'sam@example.org',
				a2: 'Sam',
				a3: 'We need the gutters cleaned before the storm next week',
			},
			'generic',
		);
		expect(inquiry.contact.email?.address).toBe('sam@example.org');
		expect(inquiry.request.message).toBe('We need the gutters cleaned before the storm next week');
	});

	it('ignores ids, timestamps and dates that look like phone numbers', () => {
		const inquiry = normalizeOne(
			{
				id: '4155552671',
				leadId: '415-555-2671',
				created_timestamp: '1700000000',
				visit: '2024-05-01',
				ref: 1234567890,
				email: 'x@example.com',
			},
			'generic',
		);
		expect(inquiry.contact.phone).toBeUndefined();
		expect(inquiry.extraFields).toEqual({ visit: '2024-05-01', ref: '1234567890' });
	});

	it('finds a phone by how it is written when no label names it', () => {
		const inquiry = normalizeOne(
			{ who: 'Priya', reach: '+44 20 7946 0958', note: 'Boiler service for a two-bed flat please' },
			'generic',
		);
		expect(inquiry.contact.phone).toMatchObject({ e164: '+442079460958', country: 'GB' });
		expect(inquiry.request.message).toBe('Boiler service for a two-bed flat please');
		expect(inquiry.extraFields).toEqual({ who: 'Priya' });
	});

	it('reads consent checkboxes, hidden attribution fields and yes/no answers', () => {
		const inquiry = normalizeOne(
			{
				Name: 'Lena Vogel',
				'E-Mail': 'lena@beispiel.de',
				'Ich stimme der Datenschutzerklärung zu (Datenschutz)': 'on',
				'Yes, send me SMS updates': true,
				newsletter_optin: false,
				'Is this your city?': true,
				hidden: {
					utm_source: 'google',
					utm_medium: 'cpc',
					gclid: 'Cj0K',
					landing_page: 'https://firma.example/kontakt',
					referrer: 'https://www.google.com/',
				},
			},
			'generic',
		);
		expect(inquiry.consent).toEqual({ terms: true, sms: true, marketing: false });
		expect(inquiry.attribution).toEqual({
			utmSource: 'google',
			utmMedium: 'cpc',
			gclid: 'Cj0K',
			landingPage: 'https://firma.example/kontakt',
			referrer: 'https://www.google.com/',
		});
		expect(inquiry.request.location).toEqual({});
		expect(inquiry.extraFields).toEqual({ 'Is this your city?': 'Yes' });
	});

	it('reads service, company, address and preferred time from English labels at any depth', () => {
		const inquiry = normalizeOne(
			{
				lead: {
					contact: { full_name: 'Sam Lee', company_name: 'Lee Bakery', mobile: '(312) 555-0188' },
					job: {
						type_of_service: 'Drain cleaning',
						urgency: 'Emergency - flooding',
						best_time: 'Tomorrow 8am',
						address: { street: '200 W Madison St', city: 'Chicago', state: 'IL', zip: '60606' },
					},
				},
			},
			'generic',
		);
		expect(summary(inquiry)).toEqual({
			preset: 'generic',
			channel: 'other',
			name: { full: 'Sam Lee', first: 'Sam', last: 'Lee' },
			email: undefined,
			phone: '+13125550188',
			message: undefined,
		});
		expect(inquiry.contact.company).toBe('Lee Bakery');
		expect(inquiry.request).toMatchObject({
			service: 'Drain cleaning',
			urgency: 'emergency',
			preferredTime: 'Tomorrow 8am',
			location: { address: '200 W Madison St', city: 'Chicago', region: 'IL', postalCode: '60606' },
		});
	});

	it('stays bounded and never throws on hostile input', () => {
		const deep: Record<string, unknown> = {};
		let cursor = deep;
		for (let i = 0; i < 500; i++) cursor = (cursor.next = {}) as Record<string, unknown>;
		expect(() => genericPreset.extract(deep)).not.toThrow();
		const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 'v']));
		expect(Object.keys(genericPreset.extract(wide).extraFields ?? {}).length).toBeLessThanOrEqual(
			40,
		);
		fc.assert(
			fc.property(
				fc.object({ withNullPrototype: true, maxDepth: 4 }),
				(payload) => void genericPreset.extract(payload as Record<string, unknown>),
			),
			{ numRuns: 300 },
		);
	});
});
