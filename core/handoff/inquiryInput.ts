import { readInquiry } from '../inquiry/read';
import type { Inquiry } from '../inquiry/schema';
import { InquiryError } from '../shared/errors';

const EARLIER_NODE_HINT =
	"To fix this, point Inquiry at the item of one of this package's nodes that ran earlier, e.g. {{ $('Assign Inquiry Owner').item.json }} — use the name that node has in your workflow. Or choose \"The Input Item\" when the inquiry itself arrives here.";

/**
 * The inquiry handed in through the "Inquiry" parameter (an expression such as
 * `$('Assign Inquiry Owner').item.json`, possibly as JSON text), with a hint about that parameter
 * when it does not point at an inquiry.
 */
export function readInquiryParameter(value: unknown): Inquiry {
	const parsed = typeof value === 'string' ? parseJson(value) : { value };
	if (parsed === undefined) {
		throw new InquiryError('NOT_AN_INQUIRY', 'the Inquiry parameter is text, not an inquiry', EARLIER_NODE_HINT);
	}
	const read = tryReadInquiry(parsed.value);
	if ('inquiry' in read) return read.inquiry;
	const { failure } = read;
	if (failure instanceof InquiryError && failure.code === 'NOT_AN_INQUIRY') {
		const detail = failure.message.replace(/^[^:]*: /, '').replace(/^the item /, '');
		throw new InquiryError('NOT_AN_INQUIRY', `the Inquiry parameter ${detail}`, EARLIER_NODE_HINT);
	}
	throw failure;
}

/**
 * The error for an Inquiry expression n8n could not evaluate, e.g. the default
 * `$('Assign Inquiry Owner')` in a workflow without that node: n8n's own message says only
 * "Referenced node doesn't exist", so the hint says which parameter to change.
 */
export function unreadableInquiryParameter(reason: string): InquiryError {
	return new InquiryError('NOT_AN_INQUIRY', `the Inquiry parameter could not be read (${reason})`, EARLIER_NODE_HINT);
}

function parseJson(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch {
		return undefined;
	}
}

function tryReadInquiry(value: unknown): { inquiry: Inquiry } | { failure: unknown } {
	try {
		return { inquiry: readInquiry(value) };
	} catch (failure) {
		return { failure };
	}
}
