import { memoizeString } from './memo';

describe('memoizeString', () => {
	it('computes each key once, including undefined results', () => {
		const calls: string[] = [];
		const lookup = memoizeString((key) => {
			calls.push(key);
			return key === 'none' ? undefined : key.length;
		});
		expect([lookup('ab'), lookup('ab'), lookup('none'), lookup('none')]).toEqual([
			2,
			2,
			undefined,
			undefined,
		]);
		expect(calls).toEqual(['ab', 'none']);
	});

	it('stays bounded', () => {
		let computed = 0;
		const lookup = memoizeString(() => ++computed, 3);
		for (const key of ['a', 'b', 'c', 'd', 'a']) lookup(key);
		expect(computed).toBe(5);
	});
});
