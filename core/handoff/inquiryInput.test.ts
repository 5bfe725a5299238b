import { InquiryError } from '../shared/errors';
import { readInquiryParameter, unreadableInquiryParameter } from './inquiryInput';
import { janeRoe } from './test/inquiry';

describe('readInquiryParameter', () => {
	it('takes the inquiry as an object or as JSON text, keeping later stages', () => {
		expect(readInquiryParameter(janeRoe()).id).toBe('inq-jane');
		const fromText = readInquiryParameter(JSON.stringify(janeRoe())) as Record<string, unknown>;
		expect(fromText.assignment).toEqual({ owner: { id: 'ana', name: 'Ana Lopez' }, respondBy: '2026-03-02T15:30:00.000Z' });
	});

	it('says how to point the parameter at an inquiry', () => {
		for (const value of [{ id: 'rec-1', name: 'Jane' }, 'not json', undefined]) {
			try {
				readInquiryParameter(value);
				throw new Error('accepted');
			} catch (error) {
				expect(error).toBeInstanceOf(InquiryError);
				expect((error as InquiryError).code).toBe('NOT_AN_INQUIRY');
				expect((error as InquiryError).message).toContain('the Inquiry parameter');
				expect((error as InquiryError).hint).toContain("$('Assign Inquiry Owner').item.json");
			}
		}
	});

	it('keeps the version error for an inquiry from a newer package', () => {
		expect(() => readInquiryParameter({ ...janeRoe(), schemaVersion: 2 })).toThrow('newer version');
	});

	it('turns an expression n8n could not evaluate into the same hint, keeping n8n’s reason', () => {
		const error = unreadableInquiryParameter("Referenced node doesn't exist");
		expect(error.code).toBe('NOT_AN_INQUIRY');
		expect(error.message).toBe("This item is not an inquiry from the Normalize Inquiry node: the Inquiry parameter could not be read (Referenced node doesn't exist)");
		expect(error.hint).toContain('use the name that node has in your workflow');
	});
});
