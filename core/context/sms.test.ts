import { fitsOneSms, smsSize } from './sms';

describe('smsSize', () => {
	it('counts plain text in GSM-7, one unit per character', () => {
		expect(smsSize('Could you share your postal code?')).toEqual({
			encoding: 'gsm7',
			units: 33,
			limit: 160,
		});
	});

	it('counts the GSM-7 extension characters as two units each', () => {
		expect(smsSize('€5 [x] {y} ~|^\\')).toEqual({ encoding: 'gsm7', units: 15 + 9, limit: 160 });
	});

	it('keeps accented letters of the basic set in GSM-7', () => {
		expect(smsSize('Café Müller, Ñoño à Å')).toMatchObject({ encoding: 'gsm7', units: 21 });
		// GSM-7 has ù but not ú.
		expect(smsSize('Ñandú').encoding).toBe('ucs2');
	});

	it('switches to UCS-2 with a 70-unit limit for any other character', () => {
		expect(smsSize('Thanks 🙂')).toEqual({ encoding: 'ucs2', units: 9, limit: 70 });
		expect(smsSize('Joe’s Plumbing')).toEqual({ encoding: 'ucs2', units: 14, limit: 70 });
	});
});

describe('fitsOneSms', () => {
	it('accepts exactly 160 GSM-7 units and rejects 161', () => {
		expect(fitsOneSms('a'.repeat(160))).toBe(true);
		expect(fitsOneSms('a'.repeat(161))).toBe(false);
		expect(fitsOneSms(`${'a'.repeat(158)}€`)).toBe(true);
		expect(fitsOneSms(`${'a'.repeat(159)}€`)).toBe(false);
	});

	it('accepts exactly 70 UCS-2 units and rejects 71', () => {
		expect(fitsOneSms(`${'a'.repeat(69)}ж`)).toBe(true);
		expect(fitsOneSms(`${'a'.repeat(70)}ж`)).toBe(false);
	});
});
