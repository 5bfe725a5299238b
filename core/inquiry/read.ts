import { InquiryError } from '../shared/errors';
import { compileReader, UNDECIDED } from '../shared/fastParse';
import { Inquiry, SCHEMA_VERSION } from './schema';

/** The schema compiled once: what zod would return, without zod's generic walk (see fastParse). */
const readCanonical = compileReader(Inquiry);

/**
 * Reads an item that should be a canonical inquiry. Later stages call this at their edge and
 * then trust the type; a raw webhook item gets an error telling the user what to put first.
 */
export function readInquiry(value: unknown): Inquiry {
	if (value !== null && typeof value === 'object' && 'schemaVersion' in value) {
		const version = (value as { schemaVersion: unknown }).schemaVersion;
		if (typeof version === 'number' && version > SCHEMA_VERSION)
			throw new InquiryError('UNSUPPORTED_SCHEMA_VERSION', `version ${version}`);
	}
	const fast = readCanonical ? readCanonical(value) : UNDECIDED;
	if (fast !== UNDECIDED) return fast as Inquiry;
	const parsed = Inquiry.safeParse(value);
	if (parsed.success) return parsed.data;
	const first = parsed.error.issues[0];
	const where = first.path.length ? ` (${first.path.join('.')}: ${first.message})` : '';
	throw new InquiryError('NOT_AN_INQUIRY', `the item does not match the inquiry shape${where}`);
}
