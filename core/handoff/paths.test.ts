import { InquiryError } from '../shared/errors';
import { parsePath, readPath } from './paths';

const read = (value: unknown, path: string) => readPath(value, parsePath(path));

describe('parsePath', () => {
	it('reads dots, positions, quoted names and a leading $json', () => {
		expect(parsePath('properties.email')).toEqual(['properties', 'email']);
		expect(parsePath('results[0].id')).toEqual(['results', 0, 'id']);
		expect(parsePath('data.items.2.phone')).toEqual(['data', 'items', 2, 'phone']);
		expect(parsePath('fields["First Name"]')).toEqual(['fields', 'First Name']);
		expect(parsePath("fields['Phone'][1]")).toEqual(['fields', 'Phone', 1]);
		expect(parsePath('$json.body.id')).toEqual(['body', 'id']);
		expect(parsePath('$json[0]')).toEqual([0]);
	});

	it.each([
		['__proto__', '"__proto__" is not allowed'],
		['constructor.prototype', '"constructor" is not allowed'],
		['record.constructor', '"constructor" is not allowed'],
		['a.prototype.b', '"prototype" is not allowed'],
		['a["__proto__"]', '"__proto__" is not allowed'],
		["a['constructor']", '"constructor" is not allowed'],
		['', 'the path is empty'],
		['a..b', 'two dots in a row'],
		['a.', 'a dot at the end'],
		['a[0', 'never closed'],
		['a[b]', 'must hold a number or a quoted name'],
	])('refuses %j', (path, reason) => {
		expect(() => parsePath(path)).toThrow(InquiryError);
		expect(() => parsePath(path)).toThrow(reason);
		try {
			parsePath(path);
		} catch (error) {
			expect((error as InquiryError).code).toBe('INVALID_FIELD_PATH');
		}
	});

	it('refuses absurdly deep paths', () => {
		expect(() => parsePath(Array.from({ length: 40 }, () => 'a').join('.'))).toThrow(
			'more than 32 steps',
		);
	});
});

describe('readPath', () => {
	const record = {
		properties: { email: 'jane@example.com', phones: ['+14155550123', '+14155550999'] },
		'First Name': 'Jane',
		0: 'zero',
	};

	it('follows objects and lists', () => {
		expect(read(record, 'properties.email')).toBe('jane@example.com');
		expect(read(record, 'properties.phones[1]')).toBe('+14155550999');
		expect(read(record, 'properties.phones.0')).toBe('+14155550123');
		expect(read(record, '["First Name"]')).toBe('Jane');
		expect(read(record, '0')).toBe('zero');
		expect(read([{ id: 7 }], '[0].id')).toBe(7);
	});

	it('reads undefined past the end, through primitives and for names on lists', () => {
		expect(read(record, 'properties.phones[5]')).toBeUndefined();
		expect(read(record, 'properties.email.length')).toBeUndefined();
		expect(read(record, 'properties.phones.length')).toBeUndefined();
		expect(read(record, 'missing.deeper')).toBeUndefined();
		expect(read(null, 'a')).toBeUndefined();
	});

	it('never reads inherited properties', () => {
		expect(read(record, 'toString')).toBeUndefined();
		expect(read(record, 'hasOwnProperty')).toBeUndefined();
		expect(read({}, 'valueOf')).toBeUndefined();
		const inherited = Object.create({ secret: 'from the prototype' }) as Record<string, unknown>;
		inherited.own = 'mine';
		expect(read(inherited, 'own')).toBe('mine');
		expect(read(inherited, 'secret')).toBeUndefined();
	});

	it('cannot be steered into the prototype, even by a hand-built path', () => {
		const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown;
		expect(readPath(parsed, ['__proto__', 'polluted'])).toBe(true);
		expect(readPath({ a: 1 }, ['__proto__'])).toBeUndefined();
		expect(readPath({ a: 1 }, ['constructor', 'prototype'])).toBeUndefined();
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
