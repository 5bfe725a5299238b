import { InquiryError } from '../shared/errors';
import type { Result } from '../shared/result';
import { parseJsonText } from '../shared/result';
import { readInquiry } from './read';
import type { Inquiry } from './schema';

const EARLIER_NODE_HINT =
	"To fix this, point Inquiry at the item of one of this package's nodes that ran earlier, e.g. {{ $('Assign Inquiry Owner').item.json }} — use the name that node has in your workflow — or at {{ $json }} when the input item is itself an inquiry (from Normalize Inquiry or a later node).";

/**
 * The inquiry handed in through a node's "Inquiry" parameter (an expression such as
 * `$('Assign Inquiry Owner').item.json`, possibly as JSON text), with a hint about that parameter
 * when it does not point at an inquiry. `evaluate` reads the parameter: when n8n cannot evaluate
 * the expression (its own message says only "Referenced node doesn't exist"), the error names the
 * parameter and keeps n8n's reason.
 */
export function readInquiryParameter(evaluate: () => unknown): Inquiry {
	const evaluated = tryEvaluate(evaluate);
	if (!evaluated.ok) {
		throw new InquiryError(
			'NOT_AN_INQUIRY',
			`the Inquiry parameter could not be read (${evaluated.error})`,
			EARLIER_NODE_HINT,
		);
	}
	const { value } = evaluated;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		throw new InquiryError('NOT_AN_INQUIRY', 'the Inquiry parameter is empty', EARLIER_NODE_HINT);
	}
	const parsed = typeof value === 'string' ? parseJsonText(value) : { ok: true as const, value };
	if (!parsed.ok) {
		throw new InquiryError(
			'NOT_AN_INQUIRY',
			'the Inquiry parameter is text, not an inquiry',
			EARLIER_NODE_HINT,
		);
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

function tryEvaluate(evaluate: () => unknown): Result<unknown> {
	try {
		return { ok: true, value: evaluate() };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}

function tryReadInquiry(value: unknown): { inquiry: Inquiry } | { failure: unknown } {
	try {
		return { inquiry: readInquiry(value) };
	} catch (failure) {
		return { failure };
	}
}
