/**
 * Customer text is hostile: a name or message may carry markup, links, mentions or control
 * characters. Each channel gets its own treatment, applied to every customer-provided string.
 */

export { escapeHtml } from '../shared/html';

/**
 * Text for a plain-text e-mail, SMS or page title: control characters (including bidi overrides,
 * which can reverse how a line reads) removed, runs of whitespace collapsed, and cut to `max`.
 */
export function plainText(text: string, max = 500): string {
	const flat = text
		.replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const MRKDWN = /[&<>*_~`|]/g;
const MRKDWN_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text for Slack mrkdwn: &, < and > escaped as Slack asks (so no <!channel>, <@U…> or <url|label>
 * can be forged), and the formatting marks * _ ~ ` | replaced by look-alikes that do not format.
 */
export function slackText(text: string, max = 500): string {
	return plainText(text, max).replace(MRKDWN, (char) => MRKDWN_ESCAPES[char] ?? LOOKALIKE[char]);
}

const LOOKALIKE: Record<string, string> = { '*': '∗', _: '＿', '~': '∼', '`': 'ʹ', '|': '│' };
