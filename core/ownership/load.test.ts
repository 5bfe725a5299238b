import { InquiryError } from '../shared/errors';
import { readOpenLoad } from './load';

describe('readOpenLoad', () => {
	it('reads an object, rows with counts, rows of open inquiries, and JSON text', () => {
		expect(readOpenLoad({ Ana: 3, ben: '1' })).toEqual(
			new Map([
				['ana', 3],
				['ben', 1],
			]),
		);
		expect(
			readOpenLoad([
				{ Owner: 'ana', 'Open Inquiries': 2 },
				{ owner: 'ana', open: 1 },
			]),
		).toEqual(new Map([['ana', 3]]));
		expect(
			readOpenLoad([
				{ json: { id: 't1', assignee: 'ana' } },
				{ json: { assignee: 'ana' } },
				{ json: { assignee: 'ben' } },
			]),
		).toEqual(
			new Map([
				['ana', 2],
				['ben', 1],
			]),
		);
		expect(readOpenLoad('{"cara": 0}')).toEqual(new Map([['cara', 0]]));
	});

	it('means "no counts given" for blanks', () => {
		expect(readOpenLoad('')).toBeUndefined();
		expect(readOpenLoad({})).toBeUndefined();
		expect(readOpenLoad(undefined)).toBeUndefined();
	});

	it('refuses what is not a count, with the owner named', () => {
		const message = (value: unknown) => {
			try {
				readOpenLoad(value);
			} catch (e) {
				return e instanceof InquiryError ? `${e.code}: ${e.message}` : 'other';
			}
			return 'ok';
		};
		expect(message({ ana: 'many' })).toBe(
			'OPEN_LOAD_INVALID: Open Load must map each owner id to a number of open inquiries: "ana" is "many", not a count',
		);
		expect(message({ ana: -1 })).toContain('not a count');
		expect(message('{oops')).toContain('not valid JSON');
		expect(message([{ count: 2 }])).toContain('row 1 has no "owner" column');
		expect(message(7)).toContain('got number');
	});
});
