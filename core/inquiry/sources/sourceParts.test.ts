import fc from 'fast-check';
import {
	decodeEncodedWords,
	mailDomain,
	parseMailbox,
	trackingAttribution,
	transcript,
} from './sourceParts';

describe('parseMailbox', () => {
	it.each([
		['Jane Doe <jane@example.com>', { name: 'Jane Doe', address: 'jane@example.com' }],
		['"Doe, Jane" <jane@example.com>', { name: 'Doe, Jane', address: 'jane@example.com' }],
		['jane@example.com (Jane Doe)', { name: 'Jane Doe', address: 'jane@example.com' }],
		['jane@example.com', { address: 'jane@example.com' }],
		['jane@example.com <jane@example.com>', { address: 'jane@example.com' }],
		['=?UTF-8?Q?Fran=C3=A7ois?= <f@example.fr>', { name: 'François', address: 'f@example.fr' }],
		['Broken <jane@example.com', { address: 'jane@example.com' }],
		['', {}],
	])('%s', (raw, expected) => {
		expect(parseMailbox(raw)).toEqual(expected);
	});

	it('ignores what is not a string', () => {
		expect([
			parseMailbox(null),
			parseMailbox({ address: 'x@y.z' }),
			parseMailbox(['a@b.c']),
		]).toEqual([{}, {}, {}]);
	});
});

describe('decodeEncodedWords', () => {
	it('decodes B and Q words, joins adjacent ones, and leaves unknown charsets alone', () => {
		expect(decodeEncodedWords('=?UTF-8?B?SXbDoW4=?= =?UTF-8?Q?_Garc=C3=ADa?=')).toBe('Iván García');
		expect(decodeEncodedWords('=?ISO-8859-1?Q?J=F6rg?= M')).toBe('Jörg M');
		expect(decodeEncodedWords('=?KOI8-R?B?6dfBzg==?=')).toBe('=?KOI8-R?B?6dfBzg==?=');
		expect(decodeEncodedWords('plain text')).toBe('plain text');
	});
});

describe('mailDomain', () => {
	it('lower-cases the part after the last @', () => {
		expect([mailDomain('a@Example.COM'), mailDomain('no-at'), mailDomain(undefined)]).toEqual([
			'example.com',
			'',
			'',
		]);
	});
});

describe('trackingAttribution', () => {
	it('reads utm, click ids, landing page and referrer; the first record wins; empty values skipped', () => {
		expect(
			trackingAttribution(
				{ utm_source: 'google', utm_medium: '', gclid: 'G1', landing_page_url: 'https://a.com/x' },
				{ utm_source: 'bing', utm_medium: 'cpc', referring_url: 'https://ref.com' },
				null,
			),
		).toEqual({
			utmSource: 'google',
			utmMedium: 'cpc',
			gclid: 'G1',
			landingPage: 'https://a.com/x',
			referrer: 'https://ref.com',
		});
	});
});

describe('transcript', () => {
	it('one customer message stays as written; a conversation becomes speaker lines', () => {
		expect(transcript([{ speaker: 'Customer', text: 'Line one\nLine two' }])).toBe(
			'Line one\nLine two',
		);
		expect(
			transcript([
				{ speaker: 'Customer', text: '<p>Hi</p><p>there</p>', format: 'html' },
				{ speaker: 'Agent', text: '' },
				{ speaker: 'Agent', text: 'Hello!' },
			]),
		).toBe('Customer: Hi there\nAgent: Hello!');
		expect(transcript([{ speaker: 'Agent', text: 'Are you still interested?' }])).toBe(
			'Agent: Are you still interested?',
		);
		expect(transcript([{ speaker: 'Customer', text: null }])).toBeUndefined();
	});

	it('is bounded in lines and line length', () => {
		const lines = Array.from({ length: 1000 }, (_, i) => ({
			speaker: 'Customer' as const,
			text: `${i} ${'x'.repeat(5000)}`,
		}));
		const result = transcript(lines)?.split('\n') ?? [];
		expect([result.length, result[0].length]).toEqual([30, 'Customer: '.length + 1000]);
	});

	it('never throws', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						speaker: fc.constantFrom('Customer' as const, 'Agent' as const),
						text: fc.anything(),
					}),
				),
				fc.anything(),
				(lines, raw) => {
					transcript(lines);
					parseMailbox(raw);
					trackingAttribution(raw);
				},
			),
		);
	});
});
