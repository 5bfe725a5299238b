import type { HandoffParameters } from './settings';
import { compileHandoffSettings } from './settings';

const standard: HandoffParameters = {
	destination: 'HubSpot',
	inquirySource: 'earlierNode',
	recordField: 'record',
	recordPath: '',
	recordIdPath: 'id',
	fieldsMode: 'standard',
	standardFields: ['email', 'phone'],
	destinationPrefix: 'properties.',
	fields: {},
	deadline: 'sla',
	slaMinutes: 5,
};

describe('compileHandoffSettings', () => {
	it('compiles the standard fields under a prefix', () => {
		expect(compileHandoffSettings(standard)).toEqual({
			destination: 'HubSpot',
			fields: [
				{
					field: 'email',
					comparator: 'email',
					inquiryPath: ['contact', 'email', 'address'],
					destinationPath: ['properties', 'email'],
				},
				{
					field: 'phone',
					comparator: 'phone',
					inquiryPath: ['contact', 'phone'],
					destinationPath: ['properties', 'phone'],
				},
			],
			recordIdPath: ['id'],
			slaMinutes: 5,
			useRespondBy: false,
		});
	});

	it('compiles custom rows, the record field and the respond-by deadline', () => {
		const settings = compileHandoffSettings({
			...standard,
			inquirySource: 'inputItem',
			recordField: 'readBack.body',
			recordPath: 'data',
			fieldsMode: 'custom',
			fields: {
				field: [
					{
						field: 'note',
						inquiryPath: 'request.message',
						destinationPath: 'notes[0].text',
						comparator: 'contains',
						minKept: 50,
					},
					{
						field: 'phone',
						inquiryPath: 'contact.phone.e164',
						destinationPath: 'phone',
						comparator: 'phone',
						minKept: 20,
					},
				],
			},
			deadline: 'respondBy',
		});
		expect(settings.fields).toEqual([
			{
				field: 'note',
				comparator: 'contains',
				inquiryPath: ['request', 'message'],
				destinationPath: ['notes', 0, 'text'],
				minKept: 50,
			},
			{
				field: 'phone',
				comparator: 'phone',
				inquiryPath: ['contact', 'phone', 'e164'],
				destinationPath: ['phone'],
			},
		]);
		expect(settings).toMatchObject({
			recordField: ['readBack', 'body'],
			recordPath: ['data'],
			useRespondBy: true,
			slaMinutes: 5,
		});
	});

	it('drops the deadline for "none" and refuses an empty field list', () => {
		expect(compileHandoffSettings({ ...standard, deadline: 'none' }).slaMinutes).toBeUndefined();
		expect(() => compileHandoffSettings({ ...standard, standardFields: [] })).toThrow(
			'choose at least one standard field',
		);
		expect(() => compileHandoffSettings({ ...standard, fieldsMode: 'custom', fields: {} })).toThrow(
			'add at least one row to Fields',
		);
		expect(() =>
			compileHandoffSettings({
				...standard,
				fieldsMode: 'custom',
				fields: { field: [{ field: 'x', destinationPath: 'x' }] },
			}),
		).toThrow('"x" needs an inquiry field');
		expect(() => compileHandoffSettings({ ...standard, recordIdPath: 'constructor' })).toThrow(
			'"constructor" is not allowed',
		);
	});
});
