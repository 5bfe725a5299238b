import { suggestEmail } from './email';
import { KNOWN_PROVIDERS } from './mailProviders';

/**
 * Typo suggestions against mailcheck's own suites: mailcheck/mailcheck spec/correctness.test.js
 * ("corrects …", "leaves … alone", "every bundled provider is left alone") and
 * spec/mailcheckSpec.js. Addresses are lower-case here, as the cleaner lower-cases them first.
 */
describe('typo suggestions (mailcheck suites)', () => {
	// spec/correctness.test.js `typos`
	it.each([
		['person@gmil.con', 'person@gmail.com'],
		['person.name+tag@gmial.com', 'person.name+tag@gmail.com'],
		['person@hotmial.com', 'person@hotmail.com'],
		['person@yahooo.cmo', 'person@yahoo.com'],
		['person@randomsmallcompany.cmo', 'person@randomsmallcompany.com'],
		['person@con-artists.con', 'person@con-artists.com'],
		['person@gmail.con', 'person@gmail.com'],
	])('corrects %s', (typed, meant) => {
		expect(suggestEmail(typed)).toBe(meant);
	});

	// spec/mailcheckSpec.js "returns a result if the domain is misspelled" (its list of domains
	// includes gmail.com, comcast.net; hotmail and yahoo through its second-level list)
	it.each([
		['test@gmailc.om', 'test@gmail.com'],
		['test@gmail.con', 'test@gmail.com'],
		['test@gnail.con', 'test@gmail.com'],
		['test@comcast.nry', 'test@comcast.net'],
		['test@homail.con', 'test@hotmail.com'],
		['test@yajoo.com', 'test@yahoo.com'],
	])('corrects %s', (typed, meant) => {
		expect(suggestEmail(typed)).toBe(meant);
	});

	// spec/correctness.test.js `legitimate` (less gmail.co, hotmail.co and gmil.ai, which we still
	// question: the suggestion only warns, and those are the commonest slips of .com), and
	// spec/mailcheckSpec.js "valid 2ld-tld combinations" (yahoo.co.uk, gmx.fr).
	it.each([
		'person@gmail.com',
		'person@company.ai',
		'person@company.io',
		'person@company.app',
		'person@company.dev',
		'person@company.zip',
		'person@company.co',
		'person@company.design',
		'person@company.museum',
		'person@proton.me',
		'person@protonmail.com',
		'person@pm.me',
		'person@hey.com',
		'person@fastmail.com',
		'person@tuta.com',
		'person@mail.example.com',
		'person@example.co.uk',
		'person@bücher.de',
		'person@xn--bcher-kva.de',
		'person@example.рф',
		'test@yahoo.co.uk',
		'test@gmx.fr',
	])('leaves %s alone', (address) => {
		expect(suggestEmail(address)).toBeUndefined();
	});

	// The providers issue #19 saw "corrected" into others, all on mailcheck's bundled lists.
	it.each([
		'ymail.com',
		'mail.com',
		'mac.com',
		'gmx.com',
		'me.com',
		'msn.com',
		'aim.com',
		'web.de',
	])('never replaces the provider %s', (domain) => {
		expect(suggestEmail(`person@${domain}`)).toBeUndefined();
	});

	// spec/correctness.test.js "every bundled provider is left alone"
	it('leaves every listed provider alone', () => {
		for (const domain of KNOWN_PROVIDERS) expect(suggestEmail(`person@${domain}`)).toBeUndefined();
	});
});
