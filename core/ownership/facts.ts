import type { Inquiry } from '../inquiry/schema';
import { countryCode, regionCode } from './places';

/**
 * The few inquiry facts routing looks at, normalized once per inquiry so rules and owner filters
 * compare plain lower-case strings: "Emergency  Plumbing" and "emergency plumbing" are the same.
 */
export interface InquiryFacts {
	service?: string;
	/** Letters and digits only, lower case: "SW1A 1AA" → "sw1a1aa". */
	postalCode?: string;
	city?: string;
	region?: string;
	country?: string;
	/** The region's and country's codes when the place is known ("California" → "ca"), see places.ts. */
	regionCode?: string;
	countryCode?: string;
	/** A two-letter code when the language is known to us ("Spanish" → "es"), else the text. */
	language?: string;
	channel: string;
	urgency: string;
	/** The source system and the preset that read it, e.g. ["typeform", "typeform"]. */
	source: string[];
	/** Identity keys, lower case, for sticky routing and hashing. */
	identityKeys: string[];
	/** The stable contact key the hash strategy uses. */
	contactKey: string;
}

/** Lower case, single spaces, Unicode NFC (so "Québec" typed with a combining accent is the same). */
export const normalizeText = (text: string) =>
	text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
export const normalizePostal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const LANGUAGE_NAMES: Record<string, string> = {
	english: 'en',
	spanish: 'es',
	español: 'es',
	espanol: 'es',
	french: 'fr',
	français: 'fr',
	francais: 'fr',
	german: 'de',
	deutsch: 'de',
	portuguese: 'pt',
	português: 'pt',
	portugues: 'pt',
	italian: 'it',
	italiano: 'it',
	dutch: 'nl',
	nederlands: 'nl',
	polish: 'pl',
	polski: 'pl',
	russian: 'ru',
	ukrainian: 'uk',
	chinese: 'zh',
	mandarin: 'zh',
	cantonese: 'yue',
	japanese: 'ja',
	korean: 'ko',
	vietnamese: 'vi',
	tagalog: 'tl',
	filipino: 'tl',
	arabic: 'ar',
	hindi: 'hi',
	urdu: 'ur',
	punjabi: 'pa',
	bengali: 'bn',
	turkish: 'tr',
	greek: 'el',
	hebrew: 'he',
	swedish: 'sv',
	norwegian: 'no',
	danish: 'da',
	finnish: 'fi',
	romanian: 'ro',
	czech: 'cs',
	hungarian: 'hu',
	persian: 'fa',
	farsi: 'fa',
	haitian: 'ht',
	'haitian creole': 'ht',
	somali: 'so',
	swahili: 'sw',
	thai: 'th',
};

/** "Spanish", "es-MX", "ES" → "es"; unknown names stay as normalized text. */
export function normalizeLanguage(text: string): string {
	const clean = normalizeText(text);
	const named = LANGUAGE_NAMES[clean];
	if (named) return named;
	const code = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/.exec(clean);
	return code ? code[1] : clean;
}

const LANGUAGE_KEYS = new Set([
	'language',
	'lang',
	'preferredlanguage',
	'locale',
	'languagepreference',
	'spokenlanguage',
]);

function languageOf(inquiry: Inquiry): string | undefined {
	const direct = (inquiry as { language?: unknown }).language;
	if (typeof direct === 'string' && direct.trim()) return normalizeLanguage(direct);
	for (const [key, value] of Object.entries(inquiry.extraFields)) {
		if (value.trim() && LANGUAGE_KEYS.has(key.toLowerCase().replace(/[^a-z]/g, '')))
			return normalizeLanguage(value);
	}
	return undefined;
}

const optional = (text: string | undefined, normalize: (t: string) => string) =>
	text && text.trim() ? normalize(text) : undefined;

export function factsOf(inquiry: Inquiry): InquiryFacts {
	const location = inquiry.request.location;
	const identityKeys = inquiry.identityKeys.map((key) => key.trim().toLowerCase()).filter(Boolean);
	return {
		service: optional(inquiry.request.service, normalizeText),
		postalCode: optional(location.postalCode, normalizePostal),
		city: optional(location.city, normalizeText),
		region: optional(location.region, normalizeText),
		country: optional(location.country, normalizeText),
		...placeCodes(location.region, location.country),
		language: languageOf(inquiry),
		channel: inquiry.channel,
		urgency: inquiry.request.urgency,
		source: [normalizeText(inquiry.source.system), normalizeText(inquiry.source.preset)],
		identityKeys,
		contactKey: identityKeys[0] ?? inquiry.dedupeKey.toLowerCase(),
	};
}

function placeCodes(region: string | undefined, country: string | undefined) {
	const codes: { regionCode?: string; countryCode?: string } = {};
	const regionKey = region && regionCode(normalizeText(region));
	const countryKey = country && countryCode(normalizeText(country));
	if (regionKey) codes.regionCode = regionKey;
	if (countryKey) codes.countryCode = countryKey;
	return codes;
}

/**
 * A territory token: one with a digit is a postal-code prefix ("941", "SW1"), anything else a
 * city, region or country name or code ("oakland", "ca", "us"). A known state, province or
 * country also keeps its code, so "CA" covers "California" and "California" covers "CA".
 */
export interface Territory {
	postalPrefix?: string;
	place?: string;
	regionCode?: string;
	countryCode?: string;
}

export function compileTerritory(text: string): Territory {
	if (/\d/.test(text)) return { postalPrefix: normalizePostal(text) };
	const place = normalizeText(text);
	const territory: Territory = { place };
	const region = regionCode(place);
	// A two-letter code that is both a state and a country ("CA", "DE") means the state: reps
	// list states far more often; the country's name ("Canada") still says the country.
	const country = region && place.length === 2 ? undefined : countryCode(place);
	if (region) territory.regionCode = region;
	if (country) territory.countryCode = country;
	return territory;
}

export function inTerritory(territory: Territory, facts: InquiryFacts): boolean {
	if (territory.postalPrefix !== undefined)
		return facts.postalCode !== undefined && facts.postalCode.startsWith(territory.postalPrefix);
	return (
		territory.place === facts.city ||
		territory.place === facts.region ||
		territory.place === facts.country ||
		(territory.regionCode !== undefined && territory.regionCode === facts.regionCode) ||
		(territory.countryCode !== undefined && territory.countryCode === facts.countryCode)
	);
}

/** Whether the inquiry says where it is, so territory filters have something to check. */
export const hasPlace = (facts: InquiryFacts) =>
	Boolean(facts.postalCode || facts.city || facts.region || facts.country);

/** A service matches a skill when it is the skill or contains it as whole words ("emergency plumbing" ⊇ "plumbing"). */
export function serviceMatchesSkill(service: string, skill: string): boolean {
	return service === skill || ` ${service} `.includes(` ${skill} `);
}
