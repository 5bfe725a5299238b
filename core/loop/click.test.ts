import { readClick } from './click';
import { SECRET } from './test/inquiry';
import { signLink } from './token';

const at = new Date('2026-03-02T15:10:00.000Z');
const link = (action: 'claim' | 'pass' | 'contacted', hop = 0) =>
	signLink(
		{ action, inquiryId: 'inq-42', ownerId: 'ana', hop, expiresAt: '2026-03-03T15:00:00.000Z' },
		SECRET,
	);

describe('readClick', () => {
	test('a claim sets acceptedAt only where the row is still this owner’s, at this hop, and unclaimed', () => {
		const outcome = readClick(link('claim'), SECRET, at, undefined, {
			businessName: 'Rivera Plumbing',
		});
		expect(outcome).toMatchObject({
			status: 'valid',
			change: {
				where: { inquiryId: 'inq-42', ownerId: 'ana', hops: 0, acceptedAt: '' },
				set: { acceptedAt: '2026-03-02T15:10:00.000Z' },
				exclude: [],
			},
			page: { kind: 'claimed', status: 200, title: "It's yours" },
			unchangedPage: { kind: 'already_claimed', status: 409, title: 'Already taken care of' },
		});
	});

	test('a pass frees the row for the next hop and excludes the owner who passed', () => {
		expect(readClick(link('pass', 1), SECRET, at, 'pass')).toMatchObject({
			status: 'valid',
			change: {
				where: { inquiryId: 'inq-42', ownerId: 'ana', hops: 1, acceptedAt: '' },
				set: { ownerId: '', passedAt: '2026-03-02T15:10:00.000Z', hops: 2 },
				exclude: ['ana'],
			},
			page: { kind: 'passed' },
			unchangedPage: { kind: 'already_passed' },
		});
	});

	test('contacted sets the first contact only once', () => {
		expect(readClick(link('contacted'), SECRET, at, undefined)).toMatchObject({
			change: {
				where: { inquiryId: 'inq-42', ownerId: 'ana', contactedAt: '' },
				set: { contactedAt: '2026-03-02T15:10:00.000Z' },
			},
			page: { kind: 'contacted' },
		});
	});

	test.each([
		['an expired link', link('claim'), new Date('2026-03-03T15:00:00.000Z'), 'expired', 410],
		[
			'a forged link',
			link('claim').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
			at,
			'forged',
			403,
		],
		['a cut-off link', link('claim').slice(0, 20), at, 'malformed', 403],
	])('%s is refused with its page and no change', (_name, token, now, reason, status) => {
		const outcome = readClick(token, SECRET, now, 'claim');
		expect(outcome).toMatchObject({ status: 'refused', reason, page: { status } });
		expect(outcome).not.toHaveProperty('change');
	});
});
