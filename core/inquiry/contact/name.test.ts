import { cleanName, splitFullName } from './name';

describe('cleanName', () => {
	it('splits a full name, keeping particles with the last name', () => {
		expect(cleanName({ full: 'María de la Cruz' })).toEqual({ full: 'María de la Cruz', first: 'María', last: 'de la Cruz' });
		expect(cleanName({ full: 'Dr. Ludwig van Beethoven' })).toEqual({ full: 'Dr. Ludwig van Beethoven', first: 'Ludwig', last: 'van Beethoven' });
		expect(splitFullName('Cruz, María')).toEqual({ first: 'María', last: 'Cruz' });
	});

	it('fixes shouted or whispered Latin names without mangling apostrophes or hyphens', () => {
		expect(cleanName({ full: "JANE O'BRIEN" })).toEqual({ full: "Jane O'Brien", first: 'Jane', last: "O'Brien" });
		expect(cleanName({ first: 'anne-marie', last: 'smith-jones' })).toEqual({ full: 'Anne-Marie Smith-Jones', first: 'Anne-Marie', last: 'Smith-Jones' });
		expect(cleanName({ full: 'DeShawn McDonald' }).full).toBe('DeShawn McDonald');
	});

	it('leaves non-Latin names as typed', () => {
		expect(cleanName({ full: 'Иван Петров' })).toEqual({ full: 'Иван Петров', first: 'Иван', last: 'Петров' });
		expect(cleanName({ full: '山田 太郎' })).toEqual({ full: '山田 太郎', first: '山田', last: '太郎' });
	});

	it('drops values with no letters and control characters', () => {
		expect(cleanName({ full: '1234', first: '  ' })).toEqual({});
		expect(cleanName({ full: 'Ann\u0000a\tLee' }).full).toBe('Ann a Lee');
	});
});
