import { compileTerritory, factsOf, inTerritory } from './facts';
import { inquiry } from './test/fixtures';

/**
 * Territories match places written either way. Codes: USPS Publication 28, Appendix B (US
 * states); Canada Post (provinces and territories); ISO 3166-1 alpha-2 (countries).
 */
const covers = (
	territory: string,
	location: { region?: string; country?: string; postalCode?: string; city?: string },
) => inTerritory(compileTerritory(territory), factsOf(inquiry({ location })));

describe('territories match names and codes both ways', () => {
	it.each([
		['CA', { region: 'California' }],
		['California', { region: 'CA' }],
		['NY', { region: 'new york' }],
		['Texas', { region: 'TX' }],
		['ON', { region: 'Ontario' }],
		['Québec', { region: 'QC' }],
		['BC', { region: 'British Columbia' }],
		['US', { country: 'United States' }],
		['United States', { country: 'USA' }],
		['USA', { country: 'US' }],
		['Canada', { country: 'CA' }],
		['GB', { country: 'United Kingdom' }],
		['Mexico', { country: 'MX' }],
		['Germany', { country: 'Deutschland' }],
		['Germany', { country: 'DE' }],
	])('%s covers %j', (territory, location) => {
		expect(covers(territory, location)).toBe(true);
	});

	it.each([
		['CA', { region: 'Oregon' }],
		['Texas', { region: 'Ontario' }],
		['US', { country: 'Canada' }],
		['ON', { region: 'OR' }],
		// A code that is both a state and a country means the state (California, Delaware).
		['CA', { country: 'Canada' }],
		['DE', { country: 'Germany' }],
	])('%s does not cover %j', (territory, location) => {
		expect(covers(territory, location)).toBe(false);
	});

	it('keeps ZIP-prefix territories and city names working', () => {
		expect(covers('941', { postalCode: '94110', region: 'CA' })).toBe(true);
		expect(covers('940', { postalCode: '94110', region: 'CA' })).toBe(false);
		expect(covers('Oakland', { city: 'Oakland', region: 'California' })).toBe(true);
	});

	// Unicode Standard Annex #15: "Québec" with a combining accent is the same name.
	it('compares place names in NFC', () => {
		expect(covers('Que\u0301bec', { region: 'Qu\u00e9bec' })).toBe(true);
	});
});
