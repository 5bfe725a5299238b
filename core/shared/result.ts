/**
 * What a step that can fail without throwing returns: the value, or why not. `error` is plain
 * text, worded to follow "…: " in an InquiryError's message, since callers usually throw it with
 * their own code and hint. (The convention for result shapes is in CONTRIBUTING.md.)
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** JSON text to a value, or the parser's complaint. */
export function parseJsonText(text: string): Result<unknown> {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}
