import { inquiriesText, periodLabel, textSummary } from './format';
import { renderHtmlReport } from './html';
import { periodReport } from './report';
import { summarizePeriod } from './summary';
import { PERIOD, PERIOD_ROWS } from './test/period';
import { externalReferences } from './test/externalReferences';
import { ledgerRow } from './test/rows';

const OPTIONS = {
	title: 'Weekly inquiry continuity',
	businessName: 'Acme Plumbing',
	timezone: 'UTC',
};
// The input of the formatting tests; its figures are asserted by hand in summary.test.ts.
const summary = summarizePeriod(PERIOD_ROWS, PERIOD);

describe('textSummary for Slack or SMS', () => {
	it('says the key figures in at most 300 characters', () => {
		const text = textSummary(summary, OPTIONS);
		expect(text).toBe(
			'Weekly inquiry continuity, 4–10 May 2026: 8 inquiries, score 3/5 (Partial continuity, weak action). Leaks 3 (43%), most at Transfer. Median: owner in 20 min, claimed in –, first contact in 1 h 5 min; claims missed 1. SLA breaches 2, unassigned 1, needs context 1.',
		);
		expect(text.length).toBeLessThanOrEqual(300);
	});

	it('cuts a long title and drops the least important parts first when the figures are huge', () => {
		const title = 'A very long report title '.repeat(10);
		expect(
			textSummary(summary, { ...OPTIONS, title }).startsWith(`${title.slice(0, 60)}, 4–10 May`),
		).toBe(true);
		const huge = {
			...summary,
			inquiries: 1234567890123,
			slaBreaches: 1234567890123,
			unassigned: 1234567890123,
			needsContext: 1234567890123,
			leaks: { ...summary.leaks, count: 1234567890123 },
		};
		const text = textSummary(huge, { ...OPTIONS, title, timezone: 'UTC' });
		expect(text.length).toBeLessThanOrEqual(300);
		expect(text).toContain('1234567890123 inquiries, score 3/5');
		expect(text).not.toContain('SLA breaches');
	});
});

describe('periodLabel', () => {
	it('shows the period in the business time zone, its end exclusive', () => {
		expect(periodLabel(summary, 'UTC')).toBe('4–10 May 2026');
		expect(
			periodLabel(
				{ ...summary, period: { ...summary.period, to: '2026-06-02T00:00:00.000Z' } },
				'UTC',
			),
		).toBe('4 May – 1 Jun 2026');
		expect(periodLabel(summarizePeriod([], { now: PERIOD.now }), 'UTC')).toBe('no inquiries yet');
	});
});

describe('renderHtmlReport', () => {
	const html = renderHtmlReport(summary, OPTIONS);

	it('is one self-contained document with no external references and no scripts', () => {
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(externalReferences(html)).toEqual([]);
		expect(externalReferences('<p>https://x</p><img src="cid:1"><a href="#">')).toEqual([
			'<img src="cid:1">',
			'<a href="#">',
		]);
		expect(html).not.toMatch(/<style/i);
		expect(html).not.toMatch(/class=/i);
	});

	it('has the three inline SVG charts with their figures', () => {
		expect(html.match(/<svg /g)).toHaveLength(3);
		expect(html).toContain('aria-label="Inquiries passing each check"');
		expect(html).toContain('aria-label="Leaks by channel"');
		expect(html).toContain('aria-label="Time from arrival to owner"');
		expect(html).toContain('>Verified or alerted</text>');
		expect(html).toContain('>4 (50%)</text>');
		expect(html).toContain('>Missed call</text>');
	});

	it('shows the score, the key figures and the period', () => {
		expect(html).toContain('>3/5</td>');
		expect(html).toContain('Partial continuity, weak action');
		expect(html).toContain('Acme Plumbing · 4–10 May 2026');
		expect(html).toContain('>20 min / 4 h</td>');
		expect(html).toContain('>Transfer (2)</td>');
	});

	it('shows the three clocks, overall, by channel and by owner', () => {
		expect(html).toContain('>The three clocks</td>');
		expect(html).toContain('every minute counts, around the clock');
		// All inquiries: 8; to owner 20 min / 4 h; no claims; first contact 1 h 5 min / 4 h 30 min; 1 missed.
		const cells = (name: string) =>
			[...html.matchAll(new RegExp(`>${name}</td>((?:<td [^>]*>[^<]*</td>){6})`, 'g'))].map((m) =>
				[...m[1].matchAll(/<td [^>]*>([^<]*)<\/td>/g)].map((c) => c[1]),
			);
		expect(cells('All inquiries')).toEqual([
			['8', '20 min / 4 h', '–', '1 h 5 min / 4 h 30 min', '1', '0'],
		]);
		expect(cells('Call')).toEqual([
			['1', '10 min / 10 min', '–', '1 h 30 min / 1 h 30 min', '1', '0'],
		]);
		expect(cells('Ana Lopez')).toEqual([
			['6', '20 min / 4 h', '–', '1 h 5 min / 4 h 30 min', '1', '0'],
		]);
		expect(html).toContain('First contact (median)');
	});

	it('escapes every piece of user text', () => {
		const hostile = '<img src=x onerror=alert(1)>"\'&';
		const rows = [
			ledgerRow({
				channel: hostile,
				sourceSystem: `<script>${hostile}`,
				ownerName: `<b>${hostile}</b>`,
				visibilityCheck: 'fail',
			}),
		];
		const page = renderHtmlReport(summarizePeriod(rows, PERIOD), {
			...OPTIONS,
			title: `</title><script>x</script>`,
			businessName: hostile,
		});
		expect(externalReferences(page)).toEqual([]);
		expect(page).not.toContain('<img');
		expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
		expect(page).toContain('&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;');
		expect(page).toContain(
			'&lt;b&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&lt;/b&gt;</td>',
		);
		expect(page).not.toContain('<b>');
	});

	it('renders an empty period', () => {
		const page = renderHtmlReport(summarizePeriod([], PERIOD), OPTIONS);
		expect(page).toContain('No inquiries');
		expect(page).toContain('Nothing to show');
		expect(externalReferences(page)).toEqual([]);
	});
});

describe('periodReport', () => {
	it('bundles the subject, the text, the HTML and the figures', () => {
		const report = periodReport(PERIOD_ROWS, { ...PERIOD, ...OPTIONS });
		expect(report.subject).toBe('Weekly inquiry continuity, 4–10 May 2026: score 3/5');
		expect(report.text).toBe(
			'Weekly inquiry continuity, 4–10 May 2026: 8 inquiries, score 3/5 (Partial continuity, weak action). Leaks 3 (43%), most at Transfer. Median: owner in 20 min, claimed in –, first contact in 1 h 5 min; claims missed 1. SLA breaches 2, unassigned 1, needs context 1.',
		);
		expect(report.html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(report.html).toContain('Acme Plumbing · 4–10 May 2026');
		expect(report.html).toContain('>3/5</td>');
		expect(report.summary).toMatchObject({
			inquiries: 8,
			leaks: { count: 3 },
			worstLeakingStage: { check: 'transfer', label: 'Transfer', leaks: 2 },
			score: { level: 3, label: 'Partial continuity, weak action' },
		});
	});
});

describe('inquiriesText', () => {
	it('reads as a sentence for one and for many', () => {
		expect([0, 1, 2].map(inquiriesText)).toEqual(['0 inquiries', '1 inquiry', '2 inquiries']);
	});
});
