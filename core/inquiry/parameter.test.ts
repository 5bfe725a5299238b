import { InquiryError } from '../shared/errors';
import { readInquiryParameter } from './parameter';
import { normalizeOne } from './sources/test/samples';

const jane = () => ({
	...normalizeOne({
		name: 'Jane Roe',
		email: 'jane.roe@example.com',
		message: 'Leaking water heater',
	}),
	assignment: { owner: { id: 'ana', name: 'Ana Lopez' } },
});

function failureOf(evaluate: () => unknown): InquiryError {
	try {
		readInquiryParameter(evaluate);
	} catch (error) {
		if (error instanceof InquiryError) return error;
		throw error;
	}
	throw new Error('accepted');
}

describe('readInquiryParameter', () => {
	it('takes the inquiry as an object or as JSON text, keeping later stages', () => {
		const inquiry = jane();
		expect(readInquiryParameter(() => inquiry).id).toBe(inquiry.id);
		const fromText = readInquiryParameter(() => JSON.stringify(inquiry)) as Record<string, unknown>;
		expect(fromText.assignment).toEqual({ owner: { id: 'ana', name: 'Ana Lopez' } });
	});

	it('says how to point the parameter at an inquiry', () => {
		for (const value of [{ id: 'rec-1', name: 'Jane' }, 'not json', undefined]) {
			const error = failureOf(() => value);
			expect(error.code).toBe('NOT_AN_INQUIRY');
			expect(error.message).toContain('the Inquiry parameter');
			expect(error.hint).toContain("$('Assign Inquiry Owner').item.json");
		}
		expect(failureOf(() => 'not json').message).toBe(
			'This item is not an inquiry from the Normalize Inquiry node: the Inquiry parameter is text, not an inquiry',
		);
	});

	it('keeps the version error for an inquiry from a newer package', () => {
		expect(() => readInquiryParameter(() => ({ ...jane(), schemaVersion: 2 }))).toThrow(
			'newer version',
		);
	});

	it('turns an expression n8n could not evaluate into the same hint, keeping n8n’s reason', () => {
		const error = failureOf(() => {
			throw new Error("Referenced node doesn't exist");
		});
		expect(error.code).toBe('NOT_AN_INQUIRY');
		expect(error.message).toBe(
			"This item is not an inquiry from the Normalize Inquiry node: the Inquiry parameter could not be read (Referenced node doesn't exist)",
		);
		expect(error.hint).toContain('use the name that node has in your workflow');
	});
});
