/** Every tag in the HTML that could make a mail client fetch something or run code (text content is ignored). */
export function externalReferences(html: string): string[] {
	const tags = html.match(/<[^<>]*>/g) ?? [];
	const patterns = [
		/^<(?:script|link|iframe|img|object|embed|style|base|form|input|video|audio|source)\b/i,
		/^<meta[^<>]*http-equiv/i,
		/url\s*\(/i,
		/@import/i,
		/https?:/i,
		/\s(?:src|href|srcset|xlink:href|background|action|poster)\s*=/i,
		/\son[a-z]+\s*=/i,
	];
	return tags.filter((tag) => patterns.some((pattern) => pattern.test(tag)));
}
