import { checkLinkCredential } from './links';
import { ownerNotice } from './notice';
import { LINK_SETTINGS, NOW, SECRET, hostileInquiry } from './test/inquiry';
import { verifyLink } from './token';

const settings = {
	...LINK_SETTINGS,
	businessName: 'Rivera & Sons Plumbing',
	timezone: 'America/New_York',
	kind: 'new' as const,
	hop: 0,
};
const notice = ownerNotice(hostileInquiry(), settings, NOW);
const token = (url: string) => new URL(url).searchParams.get('t');

describe('ownerNotice', () => {
	test('signs one link per action, bound to the inquiry, owner and hop, on the public webhook', () => {
		expect(notice.links.claim).toMatch(
			/^https:\/\/n8n\.example\.org\/webhook\/inquiry-link\?t=[\w-]+\.[\w-]+$/,
		);
		expect(notice.linksExpireAt).toBe('2026-03-05T15:05:00.000Z');
		for (const action of ['claim', 'pass', 'contacted'] as const)
			expect(verifyLink(token(notice.links[action]), SECRET, NOW, action)).toEqual({
				ok: true,
				link: {
					action,
					inquiryId: 'inq-42',
					ownerId: 'ana',
					hop: 0,
					expiresAt: '2026-03-05T15:05:00.000Z',
				},
			});
	});

	test('the e-mail goes to the owner and says who, why them, by when and what was asked, in the business time zone', () => {
		expect(notice.message.email.to).toBe('ana@example.org');
		expect(notice.message.email.subject).toBe(
			'[Rivera & Sons Plumbing] New inquiry for you: Eve <script>alert(1)</script> *Boss* (web form), reply by Mon 2 Mar, 10:30 (America/New_York)',
		);
		expect(notice.message.email.text.split('\n').slice(0, 9)).toEqual([
			'Hi Ana <i>Lopez</i>,',
			'',
			'New inquiry for you.',
			'Who: Eve <script>alert(1)</script> *Boss*, by web form',
			'Reach them: phone +14155550123, e-mail eve@example.org',
			'They wrote: "Call me <!channel> <https://evil.example|click> & "quote" evil"',
			'Why you: Ana is next in the round robin & on shift',
			'Reply by: Mon 2 Mar, 10:30 (America/New_York)',
			'We asked them: "What is your <b>postal code</b>?"',
		]);
		expect(notice.message.email.text).toContain(
			`I've got it: ${notice.links.claim}\nPass it on: ${notice.links.pass}\nI've contacted them: ${notice.links.contacted}`,
		);
	});

	test('the HTML escapes every customer and owner string and carries the three links', () => {
		const { html } = notice.message.email;
		expect(html).not.toMatch(/<script|<i>|<b>|<!channel>/);
		expect(html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt; *Boss*, by web form');
		expect(html).toContain('Hi Ana &lt;i&gt;Lopez&lt;/i&gt;,');
		expect(html).toContain(
			'&quot;Call me &lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; &quot;quote&quot; evil&quot;',
		);
		expect(html).toContain(`href="${notice.links.claim}"`);
		expect(html).toContain(`>I&#39;ve got it</a>`);
		expect(html).toContain(`>Pass it on</a>`);
		expect(html).toContain(`href="${notice.links.contacted}"`);
	});

	test('the chat text cannot mention the channel or forge a link; only its own three links are links', () => {
		const { chat } = notice.message;
		expect(chat.to).toBe('U123');
		expect(chat.text).toContain(
			'*They wrote:* "Call me &lt;!channel&gt; &lt;https://evil.example│click&gt; &amp; "quote" evil"',
		);
		expect(chat.text.match(/<[^<>]+>/g)).toEqual([
			`<${notice.links.claim}|I've got it>`,
			`<${notice.links.pass}|Pass it on>`,
			`<${notice.links.contacted}|I've contacted them>`,
		]);
	});

	test('the SMS is one line with the claim and pass links', () => {
		expect(notice.message.sms).toEqual({
			to: '+14155550100',
			text: `New inquiry for you: Eve <script>alert(1)</script>… (web form), reply by Mon 2 Mar, 10:30 (America/New_York). I've got it: ${notice.links.claim} Pass it on: ${notice.links.pass}`,
		});
	});

	test('with no business name the wording is neutral', () => {
		const plain = ownerNotice(
			hostileInquiry(),
			{ ...settings, businessName: '  ', kind: 'reminder' },
			NOW,
		).message.email;
		expect(plain.subject.startsWith('Reminder: inquiry waiting for you: Eve')).toBe(true);
		expect(plain.text.endsWith('— Your inquiry workflow')).toBe(true);
	});

	test('an unassigned inquiry is refused with the reason', () => {
		expect(() =>
			ownerNotice(
				hostileInquiry({
					assignment: { status: 'unassigned', respondBy: '2026-03-02T15:30:00.000Z' },
				}),
				settings,
				NOW,
			),
		).toThrow(
			'The owner message could not be built for this item: inquiry inq-42 has no assigned owner',
		);
	});

	test('a base URL that is not http(s) is refused', () => {
		expect(() =>
			ownerNotice(hostileInquiry(), { ...settings, baseUrl: 'javascript:alert(1)' }, NOW),
		).toThrow('The public base URL for the links is not an http(s) URL');
	});
});

describe('checkLinkCredential', () => {
	test('accepts a long secret and an http(s) base URL, and names what is wrong otherwise', () => {
		expect(checkLinkCredential(SECRET, 'http://127.0.0.1:5678/')).toEqual({
			ok: true,
			message: 'Links will point at http://127.0.0.1:5678/webhook/…',
		});
		expect(checkLinkCredential('short', 'http://127.0.0.1:5678')).toMatchObject({
			ok: false,
			message: expect.stringContaining('too short'),
		});
		expect(checkLinkCredential(SECRET, 'ftp://example.org')).toMatchObject({
			ok: false,
			message: expect.stringContaining('not an http(s) URL'),
		});
	});
});
