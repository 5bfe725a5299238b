import { cleanName, splitFullName } from './name';

describe('cleanName', () => {
	it('splits a full name, keeping particles with the last name', () => {
		expect(cleanName({ full: 'María de la Cruz' })).toEqual({
			full: 'María de la Cruz',
			first: 'María',
			last: 'de la Cruz',
		});
		expect(cleanName({ full: 'Dr. Ludwig van Beethoven' })).toEqual({
			full: 'Dr. Ludwig van Beethoven',
			first: 'Ludwig',
			last: 'van Beethoven',
		});
		expect(splitFullName('Cruz, María')).toEqual({ first: 'María', last: 'Cruz' });
	});

	it('fixes shouted or whispered Latin names without mangling apostrophes or hyphens', () => {
		expect(cleanName({ full: "JANE O'BRIEN" })).toEqual({
			full: "Jane O'Brien",
			first: 'Jane',
			last: "O'Brien",
		});
		expect(cleanName({ first: 'anne-marie', last: 'smith-jones' })).toEqual({
			full: 'Anne-Marie Smith-Jones',
			first: 'Anne-Marie',
			last: 'Smith-Jones',
		});
		expect(cleanName({ full: 'DeShawn McDonald' }).full).toBe('DeShawn McDonald');
	});

	it('leaves non-Latin names as typed', () => {
		expect(cleanName({ full: 'Иван Петров' })).toEqual({
			full: 'Иван Петров',
			first: 'Иван',
			last: 'Петров',
		});
		expect(cleanName({ full: '山田 太郎' })).toEqual({
			full: '山田 太郎',
			first: '山田',
			last: '太郎',
		});
	});

	it('drops values with no letters and control characters', () => {
		expect(cleanName({ full: '1234', first: '  ' })).toEqual({});
		expect(cleanName({ full: 'Ann\u0000a\tLee' }).full).toBe('Ann a Lee');
	});
});

/**
 * python-nameparser's own cases (derek73/python-nameparser tests/test_suffixes.py, the test named
 * beside each). Our first name holds nameparser's first and middle names together.
 */
describe('suffixes (python-nameparser tests/test_suffixes.py)', () => {
	it.each([
		// test_suffix
		['Joe Franklin Jr', { first: 'Joe', last: 'Franklin', suffix: 'Jr' }],
		// test_two_suffixes_lastname_comma_format (nameparser joins suffixes with ", ")
		['Washington Jr. MD, Franklin', { first: 'Franklin', last: 'Washington', suffix: 'Jr. MD' }],
		// test_roman_numeral_v_suffix_comma_format (middle "W." kept with the first name)
		['John W. Ingram, V', { first: 'John W.', last: 'Ingram', suffix: 'V' }],
		// test_roman_numeral_i_suffix_comma_format
		['John W. Smith, I', { first: 'John W.', last: 'Smith', suffix: 'I' }],
		// test_suffix_not_acronym_then_acronym_suffix_comma_format
		['John Smith, V MD', { first: 'John', last: 'Smith', suffix: 'V MD' }],
		// test_two_suffixes_suffix_comma_format
		['Franklin Washington, Jr. MD', { first: 'Franklin', last: 'Washington', suffix: 'Jr. MD' }],
		// test_suffix_containing_periods_lastname_comma_format
		['Clarke, Kenneth, Q.C. M.P.', { first: 'Kenneth', last: 'Clarke', suffix: 'Q.C. M.P.' }],
		// test_suffix_with_single_comma_format
		['John Doe jr., MD', { first: 'John', last: 'Doe', suffix: 'jr., MD' }],
		// test_suffix_with_double_comma_format
		['Doe, John jr., MD', { first: 'John', last: 'Doe', suffix: 'jr., MD' }],
		// test_potential_suffix_that_is_also_last_name / _comma / _with_suffix / _with_suffix_comma
		['Jack Ma', { first: 'Jack', last: 'Ma' }],
		['Ma, Jack', { first: 'Jack', last: 'Ma' }],
		['Jack Ma Jr', { first: 'Jack', last: 'Ma', suffix: 'Jr' }],
		['Ma III, Jack Jr', { first: 'Jack', last: 'Ma', suffix: 'III, Jr' }],
		// test_phd_conflict: a trailing single letter without a comma is a name
		['Adolph D', { first: 'Adolph', last: 'D' }],
	])('%s', (full, expected) => {
		expect(splitFullName(full)).toEqual(expected);
	});

	// Sammy Davis Jr. (the entertainer): given name Sammy, family name Davis.
	it('a suffix after a comma is not "Last, First"', () => {
		expect(cleanName({ full: 'Sammy Davis, Jr.' })).toEqual({
			full: 'Sammy Davis, Jr.',
			first: 'Sammy',
			last: 'Davis',
			suffix: 'Jr.',
		});
	});
});

// tests/test_comma_variants.py: full-width and Arabic commas split "Last, First" like ",".
describe('comma variants (python-nameparser tests/test_comma_variants.py)', () => {
	it('splits on full-width and Arabic commas', () => {
		expect(splitFullName('Smith，John')).toEqual({ first: 'John', last: 'Smith' });
		expect(splitFullName('سلمان، محمد')).toEqual({ first: 'محمد', last: 'سلمان' });
	});
});

describe('forms of address', () => {
	// python-nameparser nameparser/config/titles.py lists mme, mlle, madame and sra; Señora, Herr and
	// Frau are the Spanish and German forms of address.
	it.each([
		['Señora María García', { first: 'María', last: 'García' }],
		['Sra. Ana López', { first: 'Ana', last: 'López' }],
		['Herr Jürgen Müller', { first: 'Jürgen', last: 'Müller' }],
		['Mme Claire Dubois', { first: 'Claire', last: 'Dubois' }],
		['Mlle. Léa Martin', { first: 'Léa', last: 'Martin' }],
		['Herr Müller', { last: 'Müller' }],
	])('%s', (full, expected) => {
		expect(splitFullName(full)).toEqual(expected);
	});

	it('drops them from a first name given on its own', () => {
		expect(cleanName({ first: 'Señora María', last: 'García' })).toEqual({
			full: 'María García',
			first: 'María',
			last: 'García',
		});
		expect(cleanName({ first: 'Herr', last: 'Müller' })).toMatchObject({
			first: 'Herr',
			last: 'Müller',
		});
	});
});

// Unicode Standard Annex #15: U+0065 U+0301 (NFD) and U+00E9 (NFC) are the same "é".
describe('Unicode normalization', () => {
	it('stores names in NFC', () => {
		expect(cleanName({ full: 'Jose\u0301 Mun\u0303oz' })).toEqual({
			full: 'Jos\u00e9 Mu\u00f1oz',
			first: 'Jos\u00e9',
			last: 'Mu\u00f1oz',
		});
	});
});
