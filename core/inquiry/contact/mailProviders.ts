/**
 * Real mailbox providers, so a typo suggestion never "corrects" one into another (ymail.com is
 * Yahoo's, not a typo of gmail.com). Sources: mailcheck's bundled provider lists
 * (mailcheck/mailcheck src/mailcheck.js `defaultDomains`, its 1.1 list, and the providers its
 * correctness suite leaves alone), plus a few other large providers.
 */
export const KNOWN_PROVIDERS = new Set([
	// mailcheck defaultDomains
	'msn.com',
	'bellsouth.net',
	'telus.net',
	'comcast.net',
	'optusnet.com.au',
	'earthlink.net',
	'qq.com',
	'sky.com',
	'icloud.com',
	'mac.com',
	'sympatico.ca',
	'googlemail.com',
	'att.net',
	'xtra.co.nz',
	'web.de',
	'cox.net',
	'gmail.com',
	'ymail.com',
	'aim.com',
	'rogers.com',
	'verizon.net',
	'rocketmail.com',
	'google.com',
	'optonline.net',
	'sbcglobal.net',
	'aol.com',
	'me.com',
	'btinternet.com',
	'charter.net',
	'shaw.ca',
	// mailcheck 1.1 defaultDomains
	'yahoo.com',
	'hotmail.com',
	'live.com',
	'hotmail.co.uk',
	'yahoo.co.uk',
	'facebook.com',
	'gmx.com',
	'mail.com',
	// mailcheck spec/correctness.test.js: providers left alone
	'proton.me',
	'protonmail.com',
	'pm.me',
	'hey.com',
	'fastmail.com',
	'tuta.com',
	// other large providers (the typo targets in email.ts count as providers too)
	'gmx.net',
	'yandex.ru',
	'mail.ru',
	'zoho.com',
	'tutanota.com',
	'tuta.io',
	'hushmail.com',
	'inbox.com',
]);

/**
 * Providers that run the same mailbox name under many country domains (mailcheck's
 * `defaultSecondLevelDomains`): yahoo.co.uk, gmx.fr and live.de are all real.
 */
const SECOND_LEVEL_PROVIDERS = new Set(['yahoo', 'hotmail', 'mail', 'live', 'outlook', 'gmx']);
/** mailcheck's `defaultTopLevelDomains`: the endings those providers use. */
const PROVIDER_ENDINGS = new Set([
	'com',
	'com.au',
	'com.tw',
	'ca',
	'co.nz',
	'co.uk',
	'de',
	'fr',
	'it',
	'ru',
	'net',
	'org',
	'edu',
	'gov',
	'jp',
	'nl',
	'kr',
	'se',
	'eu',
	'ie',
	'co.il',
	'us',
	'at',
	'be',
	'dk',
	'hk',
	'es',
	'gr',
	'ch',
	'no',
	'cz',
	'in',
	'net.au',
	'info',
	'biz',
	'mil',
	'co.jp',
	'sg',
	'hu',
	'uk',
]);

/** A domain that is a mailbox provider's own, never a typo of another. */
export function isKnownProvider(domain: string): boolean {
	if (KNOWN_PROVIDERS.has(domain)) return true;
	const dot = domain.indexOf('.');
	return (
		dot > 0 &&
		SECOND_LEVEL_PROVIDERS.has(domain.slice(0, dot)) &&
		PROVIDER_ENDINGS.has(domain.slice(dot + 1))
	);
}
