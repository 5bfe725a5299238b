import { latestPerInquiry } from './latest';
import { ledgerRow } from './test/rows';

const NOW = new Date('2026-05-04T14:30:00.000Z');

describe('latestPerInquiry', () => {
	it('keeps one row per inquiry, in first-seen order, and counts the rows it replaced', () => {
		const rows = [
			ledgerRow({ inquiryId: 'a', channel: 'form' }),
			ledgerRow({ inquiryId: 'b' }),
			ledgerRow({ inquiryId: 'a', channel: 'chat' }),
		];
		const latest = latestPerInquiry(rows, NOW);
		expect(latest.rows.map((row) => [row.inquiryId, row.channel])).toEqual([
			['a', 'chat'],
			['b', 'form'],
		]);
		expect(latest.superseded).toBe(1);
	});

	it('lets the latest row win, keeping what an earlier row wrote where it left a cell empty', () => {
		const verified = ledgerRow({ inquiryId: 'a', contactedAt: '', visibilityCheck: 'not_reached' });
		const claimed = {
			...ledgerRow({ inquiryId: 'a' }),
			ownerName: '',
			verifiedAt: '',
			contactedAt: '',
			triggerCheck: 'not_reached' as const,
			visibilityCheck: 'not_reached' as const,
			score: 1,
			acceptedAt: '2026-05-04T14:10:00.000Z',
		};
		const [merged] = latestPerInquiry([verified, claimed], NOW).rows;
		expect(merged).toMatchObject({
			ownerName: 'Ana Lopez',
			verifiedAt: verified.verifiedAt,
			acceptedAt: '2026-05-04T14:10:00.000Z',
			triggerCheck: 'pass',
			visibilityCheck: 'pass',
			score: 5,
		});
	});

	it('leaves a ledger with one row per inquiry as it is', () => {
		const rows = [ledgerRow({ inquiryId: 'a' }), ledgerRow({ inquiryId: 'b' })];
		const latest = latestPerInquiry(rows, NOW);
		expect(latest.rows[0]).toBe(rows[0]);
		expect(latest.superseded).toBe(0);
	});
});
