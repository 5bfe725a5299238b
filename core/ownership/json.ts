/** JSON text to a value, or the parser's complaint: callers turn it into their own hinted error. */
export function readJsonText(
	text: string,
): { ok: true; value: unknown } | { ok: false; problem: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, problem: error instanceof Error ? error.message : String(error) };
	}
}
