import { escapeHtml, plainText, slackText } from './safeText';

describe('escapeHtml', () => {
	test('escapes the five characters that can open markup or leave an attribute', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
		);
	});
});

describe('plainText', () => {
	test('removes control and bidi-override characters and collapses line breaks', () => {
		expect(plainText('Call\r\nme\u0007 now \u202Elive\u202C')).toBe('Call me now live');
	});

	test('cuts long text with an ellipsis at the limit', () => {
		expect(plainText('abcdefghij', 5)).toBe('abcd…');
	});
});

describe('slackText', () => {
	test('escapes & < > so no mention or link can be forged, and defuses formatting marks', () => {
		expect(slackText('<!channel> <https://evil.example|click> *bold* _it_ ~s~ `code` & more')).toBe(
			'&lt;!channel&gt; &lt;https://evil.example│click&gt; ∗bold∗ ＿it＿ ∼s∼ ʹcodeʹ &amp; more',
		);
	});
});
