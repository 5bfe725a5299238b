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
	])('%s → %s', (label, field) => {
		expect(matchFieldLabel(label)).toBe(field);
	});
});

describe('generic mode on payloads no preset knows', () => {
	it('reads a Spanish contact form', () => {
		const inquiry = normalizeOne({ nombre: 'José Ángel', apellidos: 'García López', correo: 'jose@ejemplo.es', telefono: '+34 612 34 56 78', mensaje: 'Necesito un presupuesto para reformar el baño', 'código postal': '28001' }, 'generic');
		expect(summary(inquiry)).toEqual({ preset: 'generic', channel: 'other', name: { full: 'José Ángel García López', first: 'José Ángel', last: 'García López' }, email: 'jose@ejemplo.es', phone: '+34612345678', message: 'Necesito un presupuesto para reformar el baño' });
		expect(inquiry.request.location.postalCode).toBe('28001');
	});

	it('reads a nested German payload', () => {
		const inquiry = normalizeOne({ kontakt: { name: { vorname: 'Jürgen', nachname: 'Müller' }, email: 'j.mueller@beispiel.de', telefon: '030 1234567' }, anfrage: { nachricht: 'Heizung defekt, bitte schnell', plz: '10115', stadt: 'Berlin' } }, 'generic');
		expect(summary(inquiry)).toMatchObject({ name: { full: 'Jürgen Müller' }, email: 'j.mueller@beispiel.de', message: 'Heizung defekt, bitte schnell' });
		expect(inquiry.contact.phone?.raw).toBe('030 1234567');
		expect(inquiry.request.location).toMatchObject({ postalCode: '10115', city: 'Berlin' });
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
		expect(summary(inquiry)).toEqual({ preset: 'generic', channel: 'other', name: { full: 'Élodie Dupont', first: 'Élodie', last: 'Dupont' }, email: 'elodie@exemple.fr', phone: '+33612345678', message: 'Fuite sous l’évier de la cuisine' });
	});

	it('finds an email by its value and the message as the longest free text', () => {
		const inquiry = normalizeOne({ a1: 'sam@example.org', a2: 'Sam', a3: 'We need the gutters cleaned before the storm next week' }, 'generic');
		expect(inquiry.contact.email?.address).toBe('sam@example.org');
		expect(inquiry.request.message).toBe('We need the gutters cleaned before the storm next week');
	});

	it('ignores ids and timestamps that look like phone numbers', () => {
		const inquiry = normalizeOne({ id: '4155552671', created_timestamp: '1700000000', email: 'x@example.com' }, 'generic');
		expect(inquiry.contact.phone).toBeUndefined();
	});

	it('stays bounded and never throws on hostile input', () => {
		const deep: Record<string, unknown> = {};
		let cursor = deep;
		for (let i = 0; i < 500; i++) cursor = (cursor.next = {}) as Record<string, unknown>;
		expect(() => genericPreset.extract(deep)).not.toThrow();
		const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 'v']));
		expect(Object.keys(genericPreset.extract(wide).extraFields ?? {}).length).toBeLessThanOrEqual(40);
		fc.assert(fc.property(fc.object({ withNullPrototype: true, maxDepth: 4 }), (payload) => void genericPreset.extract(payload as Record<string, unknown>)), { numRuns: 300 });
	});
});
