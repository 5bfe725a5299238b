/**
 * Place names and their codes, so a territory written one way matches an inquiry written the
 * other ("CA" ↔ "California", "Canada" ↔ "CA", "United States" ↔ "US"). Keys are lower case.
 * Sources: USPS Publication 28, Appendix B (state and territory abbreviations); Canada Post,
 * provincial and territorial symbols; ISO 3166-1 alpha-2 for countries, with the names people write.
 */

const REGIONS: Record<string, string> = {
	alabama: 'al', alaska: 'ak', arizona: 'az', arkansas: 'ar', california: 'ca', colorado: 'co', connecticut: 'ct',
	delaware: 'de', 'district of columbia': 'dc', 'washington dc': 'dc', 'washington d.c.': 'dc', florida: 'fl',
	georgia: 'ga', hawaii: 'hi', idaho: 'id', illinois: 'il', indiana: 'in', iowa: 'ia', kansas: 'ks', kentucky: 'ky',
	louisiana: 'la', maine: 'me', maryland: 'md', massachusetts: 'ma', michigan: 'mi', minnesota: 'mn',
	mississippi: 'ms', missouri: 'mo', montana: 'mt', nebraska: 'ne', nevada: 'nv', 'new hampshire': 'nh',
	'new jersey': 'nj', 'new mexico': 'nm', 'new york': 'ny', 'north carolina': 'nc', 'north dakota': 'nd', ohio: 'oh',
	oklahoma: 'ok', oregon: 'or', pennsylvania: 'pa', 'rhode island': 'ri', 'south carolina': 'sc',
	'south dakota': 'sd', tennessee: 'tn', texas: 'tx', utah: 'ut', vermont: 'vt', virginia: 'va', washington: 'wa',
	'west virginia': 'wv', wisconsin: 'wi', wyoming: 'wy', 'puerto rico': 'pr', guam: 'gu',
	'u.s. virgin islands': 'vi', 'american samoa': 'as', 'northern mariana islands': 'mp',
	alberta: 'ab', 'british columbia': 'bc', manitoba: 'mb', 'new brunswick': 'nb', 'newfoundland and labrador': 'nl',
	newfoundland: 'nl', 'nova scotia': 'ns', 'northwest territories': 'nt', nunavut: 'nu', ontario: 'on',
	'prince edward island': 'pe', quebec: 'qc', québec: 'qc', saskatchewan: 'sk', yukon: 'yt',
};

const COUNTRIES: Record<string, string> = {
	'united states': 'us', 'united states of america': 'us', usa: 'us', 'u.s.': 'us', 'u.s.a.': 'us', america: 'us',
	canada: 'ca', mexico: 'mx', méxico: 'mx', 'united kingdom': 'gb', uk: 'gb', 'great britain': 'gb', britain: 'gb',
	ireland: 'ie', france: 'fr', germany: 'de', deutschland: 'de', spain: 'es', españa: 'es', italy: 'it', italia: 'it',
	portugal: 'pt', netherlands: 'nl', 'the netherlands': 'nl', nederland: 'nl', belgium: 'be', switzerland: 'ch',
	schweiz: 'ch', suisse: 'ch', austria: 'at', österreich: 'at', sweden: 'se', norway: 'no', denmark: 'dk',
	finland: 'fi', poland: 'pl', polska: 'pl', australia: 'au', 'new zealand': 'nz', india: 'in', china: 'cn',
	japan: 'jp', 'south korea': 'kr', korea: 'kr', brazil: 'br', brasil: 'br', argentina: 'ar', colombia: 'co',
	chile: 'cl', peru: 'pe', perú: 'pe', 'south africa': 'za', nigeria: 'ng', philippines: 'ph', singapore: 'sg',
	'united arab emirates': 'ae', uae: 'ae', israel: 'il', turkey: 'tr', türkiye: 'tr', greece: 'gr',
	'czech republic': 'cz', czechia: 'cz', ukraine: 'ua', 'puerto rico': 'pr',
};

const REGION_CODES = new Set(Object.values(REGIONS));
const COUNTRY_CODES = new Set(Object.values(COUNTRIES));

/** The US state or Canadian province a name or code means ("california", "ca" → "ca"). */
export function regionCode(place: string): string | undefined {
	return REGIONS[place] ?? (REGION_CODES.has(place) ? place : undefined);
}

/** The ISO 3166-1 alpha-2 code a country name or code means ("united states", "usa", "us" → "us"). */
export function countryCode(place: string): string | undefined {
	return COUNTRIES[place] ?? (COUNTRY_CODES.has(place) ? place : undefined);
}
