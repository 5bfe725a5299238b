import { cleanMessage, htmlToText, MAX_MESSAGE_LENGTH, stripEmailHistory } from './message';

describe('cleanMessage', () => {
	it('strips HTML and decodes entities', () => {
		expect(htmlToText('<p>Hi&nbsp;there</p><p>A &amp; B &#233;</p><script>x()</script>')).toBe(
			'Hi there\nA & B é\n',
		);
		expect(cleanMessage('<div>Leak <b>under</b> the sink</div>')).toBe('Leak under the sink');
	});

	it('removes quoted replies and signatures from email bodies', () => {
		const body =
			'Can you come Tuesday?\n\nThanks,\nAna\n--\nAna Lopez | Acme\n\nOn Mon, 2 Mar 2026, Bob wrote:\n> earlier text';
		expect(cleanMessage(body, { format: 'email' })).toBe('Can you come Tuesday?\n\nThanks,\nAna');
		expect(stripEmailHistory('New question\nSent from my iPhone')).toBe('New question');
	});

	it('tidies whitespace, drops empty text and caps very long messages', () => {
		expect(cleanMessage('  a\t\tb \r\n\r\n\r\n\r\nc  ')).toBe('a b\n\nc');
		expect(cleanMessage('   ')).toBeUndefined();
		expect(cleanMessage(null)).toBeUndefined();
		const long = cleanMessage('x'.repeat(1_000_000));
		expect(long).toHaveLength(MAX_MESSAGE_LENGTH);
		expect(long?.endsWith('…')).toBe(true);
	});
});
