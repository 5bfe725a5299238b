import { ERROR_CATALOG, InquiryError } from './errors';
import type { ErrorCode } from './errors';

describe('error catalog', () => {
	const codes = Object.keys(ERROR_CATALOG) as ErrorCode[];

	it('has codes to walk', () => {
		expect(codes.length).toBeGreaterThan(5);
	});

	it.each(codes)('%s has a message and an actionable fix hint', (code) => {
		const { message, hint } = ERROR_CATALOG[code];
		expect(message.trim().length).toBeGreaterThan(10);
		// A hint tells the person what to do: long enough to be a sentence, ending like one.
		expect(hint.trim().length).toBeGreaterThan(30);
		expect(hint.trim()).toMatch(/[.)]$/);
		expect(hint).not.toEqual(message);
	});

	it('carries code, message detail and hint on the thrown error', () => {
		const error = new InquiryError('UNKNOWN_PRESET', '"nope"');
		expect(error).toBeInstanceOf(Error);
		expect(error.code).toBe('UNKNOWN_PRESET');
		expect(error.message).toBe('Unknown source preset: "nope"');
		expect(error.hint).toBe(ERROR_CATALOG.UNKNOWN_PRESET.hint);
	});
});
