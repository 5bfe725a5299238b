import { readInquiry } from '../inquiry/read';
import { appendTrail } from '../shared/trail';
import { isInquiryItem, readLedgerRow, toLedgerRow } from './ledger';
import type { CompiledSweep, SweepVerdict } from './sweep';
import { markSwept, sweepRow } from './sweep';

/**
 * One item of Find Stalled Inquiries: a ledger row, or a full inquiry. The verdict of this run is
 * under `stall`. A stalled ledger row comes back with its sweep columns set (write it back to the
 * table); a stalled inquiry gets `sweep` { reason, action, at }, a "stalled" trail entry and its
 * updated `ledger` row. Either way the next sweep does not raise the same reason again.
 */
export function sweepItem(
	value: unknown,
	sweep: CompiledSweep,
	now: Date,
	node: string,
): { stalled: boolean; json: Record<string, unknown> } {
	if (!isInquiryItem(value)) {
		const row = readLedgerRow(value);
		const stall = sweepRow(row, sweep, now);
		const marked = stall.status === 'stalled' ? markSwept(row, stall, now) : row;
		return { stalled: stall.status === 'stalled', json: { ...marked, stall } };
	}
	const inquiry = readInquiry(value);
	const stall: SweepVerdict = sweepRow(toLedgerRow(inquiry, now), sweep, now);
	if (stall.status !== 'stalled') return { stalled: false, json: { ...inquiry, stall } };
	const at = now.toISOString();
	const flagged = {
		...appendTrail(inquiry, {
			stage: 'tracking',
			node,
			at,
			outcome: 'stalled',
			detail: `${stall.reason} → ${stall.action}`,
		}),
		sweep: { reason: stall.reason, action: stall.action, at },
	};
	return { stalled: true, json: { ...flagged, ledger: toLedgerRow(flagged, now), stall } };
}
