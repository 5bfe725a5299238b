import { emptyRoutingState } from './state';
import { readMemoryVersion, readStoredMemory } from './storedMemory';

const stored = {
	version: 1,
	credits: { '*': { ana: 1, ben: 0 } },
	daily: { day: '2026-03-02', counts: { ana: 1 } },
	sticky: { 'email:jane@example.org': 'ana' },
	assigned: 1,
};

describe('readStoredMemory', () => {
	it('reads a state kept as JSON text, as a Data table column holds it, with its version', () => {
		expect(readStoredMemory(JSON.stringify(stored), 7)).toEqual({
			state: stored,
			reset: false,
			basedOnVersion: 7,
		});
	});

	it('reads a state given as an object and a version given as text', () => {
		expect(readStoredMemory(stored, '3')).toEqual({
			state: stored,
			reset: false,
			basedOnVersion: 3,
		});
	});

	it.each([undefined, null, '', '  ', '{}', {}])(
		'treats %p as a fresh memory at version 0, not as a reset',
		(value) => {
			expect(readStoredMemory(value, undefined)).toEqual({
				state: emptyRoutingState(),
				reset: false,
				basedOnVersion: 0,
			});
		},
	);

	it.each(['not json', '{"credits": 5}', [1, 2]])(
		'starts fresh and says so when the stored value %p is not a routing state',
		(value) => {
			expect(readStoredMemory(value, 2)).toEqual({
				state: emptyRoutingState(),
				reset: true,
				basedOnVersion: 2,
			});
		},
	);
});

describe('readMemoryVersion', () => {
	it.each([
		[undefined, 0],
		['', 0],
		[0, 0],
		[12, 12],
		[' 4 ', 4],
	])('%p → %p', (value, expected) => {
		expect(readMemoryVersion(value)).toBe(expected);
	});

	it.each([-1, 1.5, 'seven'])('refuses %p, naming the parameter', (value) => {
		expect(() => readMemoryVersion(value)).toThrow(
			/Routing Memory Version is .* not a whole number/,
		);
	});
});
