import { answerPage, PAGE_KINDS } from './pages';

describe('answerPage', () => {
	test.each(PAGE_KINDS.map((kind) => [kind]))(
		'%s is a self-contained page: no script, nothing fetched',
		(kind) => {
			const page = answerPage(kind, { businessName: 'Acme', inquiryId: 'inq-1' });
			expect(page.html).toMatch(/^<!DOCTYPE html><html lang="en">/);
			expect(page.html).toContain(`<title>${page.title.replace(/'/g, '&#39;')}</title>`);
			expect(page.html).not.toMatch(/<script|<link|src=|@import/);
		},
	);

	test('a pass names the next owner, escaped', () => {
		const page = answerPage('passed', {
			nextOwnerName: 'Ben <img src=x onerror=alert(1)>',
			businessName: 'A&B',
		});
		expect(page.html).toContain(
			'Thanks — the inquiry now goes to Ben &lt;img src=x onerror=alert(1)&gt;.',
		);
		expect(page.html).toContain('>A&amp;B</p>');
		expect(page.html).not.toContain('<img');
	});

	test('statuses tell a success, a no-op and a refusal apart', () => {
		expect(
			['claimed', 'already_claimed', 'expired', 'invalid'].map(
				(kind) => answerPage(kind as never).status,
			),
		).toEqual([200, 409, 410, 403]);
	});
});
