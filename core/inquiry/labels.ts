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
	'adId',
	'campaignId',
	'landingPage',
	'referrer',
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

/** Attribution keys as trackers name them; matched whole, since their words mean little alone. */
const EXACT = new Map<string, LabelField>([
	['utm_source', 'utmSource'],
	['utm_medium', 'utmMedium'],
	['utm_campaign', 'utmCampaign'],
	['utm_term', 'utmTerm'],
	['utm_content', 'utmContent'],
	['gclid', 'gclid'],
	['gcl_id', 'gclid'],
	['fbclid', 'fbclid'],
	['ad_id', 'adId'],
	['campaign_id', 'campaignId'],
	['landing_page', 'landingPage'],
	['landingpage', 'landingPage'],
	['page_url', 'landingPage'],
	['referrer', 'referrer'],
	['referer', 'referrer'],
]);

/**
 * Phrases per field, ' | ' between phrases: a label matches when it holds every word of one phrase.
 * Order is priority (an email label never becomes a name).
 */
const PHRASES: [LabelField, string[][]][] = (
	[
		['email', 'email | e mail | mail | courriel | correo | mel'],
		[
			'phone',
			'phone | telephone | tel | mobile | cell | cellphone | telefono | movil | celular | telefon | handy | portable | whatsapp | mobil | rufnummer',
		],
		[
			'company',
			'company | business name | organization | organisation | empresa | entreprise | societe | firma | unternehmen',
		],
		['firstName', 'first name | firstname | given name | fname | prenom | vorname | nombre pila'],
		[
			'lastName',
			'last name | lastname | surname | family name | lname | nom famille | apellido | apellidos | nachname | familienname',
		],
		[
			'postalCode',
			'zip | zipcode | postal | postcode | post code | codigo postal | code postal | plz | postleitzahl | cp',
		],
		['city', 'city | town | ville | ciudad | stadt | ort | localidad | commune'],
		[
			'region',
			'state | province | region | county | estado | provincia | bundesland | departement',
		],
		['country', 'country | pays | pais | land'],
		['address', 'address | street | adresse | direccion | domicilio | strasse | anschrift | rue'],
		[
			'service',
			'service | services | servicio | prestation | leistung | dienstleistung | job type | type of work | interested in | category | treatment | room type',
		],
		['urgency', 'urgency | urgent | urgencia | urgence | dringlichkeit | dringend | priority'],
		[
			'preferredTime',
			'preferred time | preferred date | best time | availability | appointment | horario | fecha | disponibilite | rendez vous | wunschtermin | termin | check in | arrival',
		],
		[
			'message',
			'message | messages | comment | comments | details | description | question | questions | inquiry | enquiry | how can we help | notes | note | request | describe | tell us more | tell us about | cuentanos | decrivez | beschreiben | beschreibung | mensaje | comentario | comentarios | consulta | descripcion | commentaire | commentaires | demande | nachricht | anliegen | bemerkung | kommentar | anfrage | body | text',
		],
	] as [LabelField, string][]
).map(([field, phrases]) => [field, phrases.split(' | ').map((phrase) => phrase.split(' '))]);

function wordSet(words: string): Set<string> {
	return new Set(words.split(' '));
}

/** Words that may surround "name" in a label that still asks for the person's own name. */
const NAME_WORDS = wordSet(
	'name names full your what is s please enter contact complete customer client nom nombre completo y apellido votre tu su ihr vollstandiger und et prenom the of person de 1 who are you contacto kunde kontakt tell us give me may we have',
);
const NAME_CORE = new Set(['name', 'nom', 'nombre']);

/** The canonical field a free-text label asks for, or undefined when it is not a known one. */
export const matchFieldLabel = memoizeString(matchLabel);

function matchLabel(label: string): LabelField | undefined {
	const words = labelWords(label);
	if (words.length === 0) return undefined;
	const exact = EXACT.get(label.trim().toLowerCase()) ?? EXACT.get(words.join('_'));
	if (exact) return exact;
	if (isChoiceQuestion(label, words)) return undefined;
	const set = new Set(words);
	// A long question mentions things ("…your opinion about a city?"); only some fields survive that.
	const long = words.length > 8;
	for (const [field, phrases] of PHRASES) {
		if (long && !LONG_LABEL_FIELDS.has(field)) continue;
		// "Nombre y apellido" asks for the whole name, though it contains a last-name word.
		if (field === 'firstName' && isFullName(words)) return 'fullName';
		if (phrases.some((phrase) => phrase.every((word) => set.has(word)))) return field;
	}
	return undefined;
}

const LONG_LABEL_FIELDS = new Set<LabelField>([
	'email',
	'phone',
	'message',
	'service',
	'preferredTime',
]);
const OR_WORDS = new Set(['or', 'o', 'ou', 'oder']);

/** "Is this an issue, a feature request, or a new venue?" lists options; its words name none of our fields. */
function isChoiceQuestion(label: string, words: string[]): boolean {
	return (
		words.length >= 6 && label.trim().endsWith('?') && words.some((word) => OR_WORDS.has(word))
	);
}

/** "Name", "Your full name", "Nombre y apellido" — but not "Venue name" or "Pet's name". */
function isFullName(words: string[]): boolean {
	return words.some((word) => NAME_CORE.has(word)) && words.every((word) => NAME_WORDS.has(word));
}

const CONSENT_WORDS = wordSet(
	'consent consents agree agreed accept accepts optin gdpr rgpd dsgvo privacy terms newsletter subscribe einwilligung einverstanden zustimmung datenschutz acepto consentimiento privacidad autorizo accepte consentement',
);
const CONSENT_KINDS: [ConsentKind, Set<string>][] = [
	['sms', wordSet('sms text texts whatsapp textos')],
	['email', wordSet('email emails mail mails correo correos courriel courriels')],
	[
		'marketing',
		wordSet(
			'newsletter marketing promotional promotions offers subscribe werbung publicidad promociones',
		),
	],
];
const UPDATE_WORDS = wordSet(
	'updates alerts notifications reminders offers news recordatorios rappels erinnerungen',
);
const YES = wordSet('true yes y on checked accepted agreed 1 si oui ja');
const NO = wordSet('false no n off unchecked 0 non nein');

export type ConsentKind = 'sms' | 'email' | 'marketing' | 'terms';

/** The consent a checkbox label asks for ("I agree to receive SMS", "Datenschutz"), or undefined. */
export const consentKind = memoizeString(findConsentKind);

function findConsentKind(label: string): ConsentKind | undefined {
	const words = labelWords(label);
	const asks =
		words.some((word) => CONSENT_WORDS.has(word)) ||
		(words.includes('opt') && words.includes('in'));
	// "Send me SMS updates" asks too, though it never says "agree"; a bare "Text" does not.
	const updates = words.some((word) => UPDATE_WORDS.has(word));
	if (!asks && !updates) return undefined;
	for (const [kind, kindWords] of CONSENT_KINDS)
		if (words.some((word) => kindWords.has(word))) return kind;
	return asks ? 'terms' : undefined;
}

/** A checkbox answer as given (true) or refused (false); undefined when it is not a yes/no answer. */
export function consentValue(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (Array.isArray(value)) return value.length > 0;
	if (typeof value !== 'string') return undefined;
	const words = labelWords(value);
	const answer = words.join(' ');
	if (YES.has(answer)) return true;
	if (NO.has(answer)) return false;
	return words.some((word) => CONSENT_WORDS.has(word)) ? true : undefined;
}

const TECHNICAL =
	/^(type|status|key|version|created|updated|submitted|date_created|date_updated)$|(^|_)(id|uuid|ip|token|signature|timestamp|hash|secret|url|uri|href|user_agent|useragent)$|(^|_)(created|updated|submitted)_(at|on|time|date)$/;

/** Keys that hold ids, timestamps or technical data ("leadId", "created_at"), never a person's answer. */
export const isTechnicalLabel = memoizeString((label: string) =>
	TECHNICAL.test(labelWords(label).join('_')),
);
