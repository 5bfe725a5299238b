import { memoizeString } from '../shared/memo';

/**
 * Free-text field labels → canonical inquiry fields, in English, Spanish, French and German.
 * Forms name their fields anything ("Your E-Mail Address", "Teléfono móvil", "PLZ"), so matching
 * works on normalized words, not exact keys.
 */
export const LABEL_FIELDS = [
	'email',
	'phone',
	'firstName',
	'lastName',
	'fullName',
	'company',
	'postalCode',
	'city',
	'region',
	'country',
	'address',
	'service',
	'urgency',
	'preferredTime',
	'message',
	'utmSource',
	'utmMedium',
	'utmCampaign',
	'utmTerm',
	'utmContent',
	'gclid',
	'fbclid',
] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];

/** Lower-case words without accents or punctuation; camelCase and snake_case split apart. */
export function labelWords(label: string): string[] {
	const spaced = label
		.slice(0, 300)
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase();
	return spaced.split(/[^a-z0-9]+/).filter((word) => word !== '');
}

const EXACT: Record<string, LabelField> = {
	utm_source: 'utmSource',
	utm_medium: 'utmMedium',
	utm_campaign: 'utmCampaign',
	utm_term: 'utmTerm',
	utm_content: 'utmContent',
	gclid: 'gclid',
	gcl_id: 'gclid',
	fbclid: 'fbclid',
};

/** Word sets: a label matches when it contains every word of one phrase. Order is priority. */
const PHRASES: [LabelField, string[][]][] = [
	['email', [['email'], ['e', 'mail'], ['mail'], ['courriel'], ['correo'], ['mel']]],
	['phone', [['phone'], ['telephone'], ['tel'], ['mobile'], ['cell'], ['cellphone'], ['telefono'], ['movil'], ['celular'], ['telefon'], ['handy'], ['portable'], ['whatsapp'], ['mobil'], ['rufnummer']]],
	['company', [['company'], ['business', 'name'], ['organization'], ['organisation'], ['empresa'], ['entreprise'], ['societe'], ['firma'], ['unternehmen']]],
	['firstName', [['first', 'name'], ['firstname'], ['given', 'name'], ['fname'], ['prenom'], ['vorname'], ['nombre', 'pila']]],
	['lastName', [['last', 'name'], ['lastname'], ['surname'], ['family', 'name'], ['lname'], ['nom', 'famille'], ['apellido'], ['apellidos'], ['nachname'], ['familienname']]],
	['postalCode', [['zip'], ['zipcode'], ['postal'], ['postcode'], ['post', 'code'], ['codigo', 'postal'], ['code', 'postal'], ['plz'], ['postleitzahl'], ['cp']]],
	['city', [['city'], ['town'], ['ville'], ['ciudad'], ['stadt'], ['ort'], ['localidad'], ['commune']]],
	['region', [['state'], ['province'], ['region'], ['county'], ['estado'], ['provincia'], ['bundesland'], ['departement']]],
	['country', [['country'], ['pays'], ['pais'], ['land']]],
	['address', [['address'], ['street'], ['adresse'], ['direccion'], ['domicilio'], ['strasse'], ['anschrift'], ['rue']]],
	['service', [['service'], ['services'], ['servicio'], ['prestation'], ['leistung'], ['dienstleistung'], ['job', 'type'], ['type', 'of', 'work'], ['interested', 'in'], ['category'], ['treatment'], ['room', 'type']]],
	['urgency', [['urgency'], ['urgent'], ['urgencia'], ['urgence'], ['dringlichkeit'], ['dringend'], ['priority']]],
	['preferredTime', [['preferred', 'time'], ['preferred', 'date'], ['best', 'time'], ['availability'], ['appointment'], ['horario'], ['fecha'], ['disponibilite'], ['rendez', 'vous'], ['wunschtermin'], ['termin'], ['check', 'in'], ['arrival']]],
	['message', [['message'], ['messages'], ['comment'], ['comments'], ['details'], ['description'], ['question'], ['questions'], ['inquiry'], ['enquiry'], ['how', 'can', 'we', 'help'], ['notes'], ['note'], ['request'], ['mensaje'], ['comentario'], ['comentarios'], ['consulta'], ['descripcion'], ['commentaire'], ['commentaires'], ['demande'], ['nachricht'], ['anliegen'], ['bemerkung'], ['kommentar'], ['beschreibung'], ['anfrage'], ['body'], ['text']]],
];

/** Words that may surround "name" in a label that still asks for the person's own name. */
const NAME_WORDS = new Set(['name', 'names', 'full', 'your', 'what', 'is', 's', 'please', 'enter', 'contact', 'complete', 'customer', 'client', 'nom', 'nombre', 'completo', 'y', 'apellido', 'votre', 'tu', 'su', 'ihr', 'vollstandiger', 'und', 'et', 'prenom', 'the', 'of', 'person', 'de', '1', 'who', 'are', 'you', 'contacto', 'kunde', 'kontakt']);
const NAME_CORE = new Set(['name', 'nom', 'nombre']);

/** The canonical field a free-text label asks for, or undefined when it is not a known one. */
export const matchFieldLabel = memoizeString(matchLabel);

function matchLabel(label: string): LabelField | undefined {
	const exact = EXACT[label.trim().toLowerCase()];
	if (exact) return exact;
	const words = labelWords(label);
	if (words.length === 0) return undefined;
	const set = new Set(words);
	for (const [field, phrases] of PHRASES) {
		// "Nombre y apellido" asks for the whole name, though it contains a last-name word.
		if (field === 'firstName' && isFullName(words)) return 'fullName';
		if (phrases.some((phrase) => phrase.every((word) => set.has(word)))) return field;
	}
	return undefined;
}

/** "Name", "Your full name", "Nombre y apellido" — but not "Venue name" or "Pet's name". */
function isFullName(words: string[]): boolean {
	return words.some((word) => NAME_CORE.has(word)) && words.every((word) => NAME_WORDS.has(word));
}
