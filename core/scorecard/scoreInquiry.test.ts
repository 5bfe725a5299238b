import { LEDGER_COLUMNS } from './ledger';
import { scoreInquiryItem } from './scoreInquiry';
import { journey, RECEIVED } from './test/journey';

const NOW = new Date('2026-05-04T14:10:00.000Z');
const FAILED_HANDOFF = journey(
	[
		['entry', 'normalized'],
		['context', 'complete'],
		['trigger', 'assigned'],
		['transfer', 'written', 'rec_42'],
		['tracking', 'mismatch', 'phone lost'],
	],
	{ handoff: { status: 'mismatch', recordId: 'rec_42' } },
);

describe('scoreInquiryItem', () => {
	it('puts out the inquiry with its scorecard and ledger row by default', () => {
		const out = scoreInquiryItem(FAILED_HANDOFF, NOW, { output: 'inquiry' });
		expect(out.id).toBe('inq_1');
		expect(
			(out.scorecard as { checks: Array<{ check: string; status: string }> }).checks.find(
				(c) => c.check === 'visibility',
			)?.status,
		).toBe('fail');
		expect((out.ledger as { visibilityCheck: string }).visibilityCheck).toBe('fail');
	});

	it('puts out only the flat ledger row, every column present, for a Data table upsert', () => {
		const row = scoreInquiryItem(FAILED_HANDOFF, NOW, { output: 'ledgerRow' });
		expect(Object.keys(row)).toEqual(LEDGER_COLUMNS);
		expect(row).toMatchObject({
			inquiryId: 'inq_1',
			receivedAt: RECEIVED,
			handoffStatus: 'mismatch',
			recordId: 'rec_42',
			alertedAt: '',
		});
	});

	it('records a sent alert on the trail, so a failed handoff that a person saw passes Visibility', () => {
		const row = scoreInquiryItem(FAILED_HANDOFF, NOW, {
			output: 'ledgerRow',
			alertSentBy: 'Ledger Row: Alerted',
		});
		expect(row).toMatchObject({ visibilityCheck: 'pass', alertedAt: NOW.toISOString() });
		const inquiry = scoreInquiryItem(FAILED_HANDOFF, NOW, {
			output: 'inquiry',
			alertSentBy: 'Ledger Row: Alerted',
		});
		const trail = (inquiry.continuity as { trail: Array<{ node: string; outcome: string }> }).trail;
		expect(trail.at(-1)).toMatchObject({ node: 'Ledger Row: Alerted', outcome: 'alerted' });
		expect(FAILED_HANDOFF.continuity.trail).toHaveLength(5);
	});
});
