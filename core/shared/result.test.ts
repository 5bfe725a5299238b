import { parseJsonText } from './result';

describe('parseJsonText', () => {
	it('gives the value of valid JSON, including a bare string or null', () => {
		expect(parseJsonText('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
		expect(parseJsonText('"text"')).toEqual({ ok: true, value: 'text' });
		expect(parseJsonText('null')).toEqual({ ok: true, value: null });
	});

	it("gives the parser's complaint for text that is not JSON", () => {
		const result = parseJsonText('{"a":');
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toMatch(/JSON/);
	});
});
