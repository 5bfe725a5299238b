import { InquiryError } from '../shared/errors';
import { compileMappings, DEFAULT_FIELDS, DEFAULT_MAPPINGS, defaultMappings } from './mapping';

describe('default mapping', () => {
	it('covers name, email, phone, message, service and owner with fitting comparisons', () => {
		expect(DEFAULT_FIELDS).toEqual(['name', 'email', 'phone', 'message', 'service', 'owner']);
		expect(defaultMappings()).toEqual([
			{
				field: 'name',
				inquiryPath: 'contact.name.full',
				destinationPath: 'name',
				comparator: 'normalized',
			},
			{
				field: 'email',
				inquiryPath: 'contact.email.address',
				destinationPath: 'email',
				comparator: 'email',
			},
			{
				field: 'phone',
				inquiryPath: 'contact.phone',
				destinationPath: 'phone',
				comparator: 'phone',
			},
			{
				field: 'message',
				inquiryPath: 'request.message',
				destinationPath: 'message',
				comparator: 'contains',
			},
			{
				field: 'service',
				inquiryPath: 'request.service',
				destinationPath: 'service',
				comparator: 'normalized',
			},
			{
				field: 'owner',
				inquiryPath: 'assignment.owner.id',
				destinationPath: 'ownerId',
				comparator: 'exact',
			},
		]);
	});

	it('nests the destination fields under a prefix, with or without its dot', () => {
		expect(
			defaultMappings(['email', 'phone'], 'properties.').map((m) => m.destinationPath),
		).toEqual(['properties.email', 'properties.phone']);
		expect(defaultMappings(['email'], 'fields').map((m) => m.destinationPath)).toEqual([
			'fields.email',
		]);
		expect(DEFAULT_MAPPINGS.email.destinationPath).toBe('email');
	});

	it('refuses a field that has no default', () => {
		expect(() => defaultMappings(['fax' as never])).toThrow('"fax" is not a default field');
	});
});

describe('compileMappings', () => {
	it('parses each path once', () => {
		const [phone, owner] = compileMappings([
			{
				field: 'phone',
				inquiryPath: 'contact.phone.e164',
				destinationPath: 'properties.phone',
				comparator: 'phone',
			},
			{
				field: 'owner',
				inquiryPath: '',
				destinationPath: 'results[0].owner',
				comparator: 'present',
			},
		]);
		expect(phone).toEqual({
			field: 'phone',
			comparator: 'phone',
			inquiryPath: ['contact', 'phone', 'e164'],
			destinationPath: ['properties', 'phone'],
		});
		expect(owner).toEqual({
			field: 'owner',
			comparator: 'present',
			destinationPath: ['results', 0, 'owner'],
		});
	});

	it('keeps the minimum length of a truncated message', () => {
		const [message] = compileMappings([
			{
				field: 'note',
				inquiryPath: 'request.message',
				destinationPath: 'note',
				comparator: 'contains',
				minKept: 100,
			},
		]);
		expect(message.minKept).toBe(100);
	});

	it.each([
		[[], 'there are no fields to compare'],
		[undefined, 'there are no fields to compare'],
		[
			[{ field: 'a', inquiryPath: 'x', destinationPath: 'y', comparator: 'fuzzy' }],
			'row 1, comparator',
		],
		[[{ field: '', inquiryPath: 'x', destinationPath: 'y', comparator: 'exact' }], 'row 1, field'],
		[
			[{ field: 'a', inquiryPath: 'x', destinationPath: '  ', comparator: 'exact' }],
			'row 1, destinationPath',
		],
		[
			[{ field: 'a', inquiryPath: '', destinationPath: 'y', comparator: 'exact' }],
			'"a" needs an inquiry field',
		],
		[
			[
				{ field: 'Email', inquiryPath: 'x', destinationPath: 'y', comparator: 'email' },
				{ field: 'email', inquiryPath: 'x', destinationPath: 'z', comparator: 'email' },
			],
			'"email" is listed twice',
		],
	])('refuses %j', (rows, message) => {
		expect(() => compileMappings(rows)).toThrow(InquiryError);
		expect(() => compileMappings(rows)).toThrow(message);
	});

	it('refuses a path into the prototype', () => {
		expect(() =>
			compileMappings([
				{
					field: 'x',
					inquiryPath: 'constructor.prototype',
					destinationPath: 'x',
					comparator: 'exact',
				},
			]),
		).toThrow('"constructor" is not allowed');
		expect(() =>
			compileMappings([
				{ field: 'x', inquiryPath: 'id', destinationPath: '__proto__.x', comparator: 'exact' },
			]),
		).toThrow('"__proto__" is not allowed');
	});
});
