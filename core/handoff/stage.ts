import type { Inquiry } from '../inquiry/schema';
import { appendTrail } from '../shared/trail';
import type { CompiledField } from './mapping';
import type { HandoffReceipt, HandoffStatus } from './receipt';
import type { VerifyHandoffOptions } from './verifyHandoff';
import { verifyHandoff } from './verifyHandoff';

/** Output order of the node: items are routed by index. */
export const HANDOFF_OUTPUTS = ['verified', 'failed'] as const;
export type HandoffOutput = (typeof HANDOFF_OUTPUTS)[number];

/** Only a receipt that found everything, intact and in time, leaves through Verified. */
export function handoffOutput(status: HandoffStatus): HandoffOutput {
	return status === 'verified' ? 'verified' : 'failed';
}

/** "HubSpot: 5 fields matched", "HubSpot: phone lost, name changed", "HubSpot: HTTP 500". */
export function trackingDetail(receipt: HandoffReceipt): string {
	const where = receipt.destination;
	switch (receipt.status) {
		case 'verified':
			return `${where}: ${receipt.matched.length} fields matched`;
		case 'late':
			return `${where}: arrived after the deadline ${receipt.deadline ?? ''}`.trimEnd();
		case 'mismatch':
			return `${where}: ${[...receipt.lost.map((f) => `${f} lost`), ...receipt.changed.map((c) => `${c.field} changed`)].join(', ')}`;
		case 'missing':
			return `${where}: no record after ${receipt.attempts.length || 1} attempt${receipt.attempts.length > 1 ? 's' : ''}`;
		case 'error':
			return `${where}: ${receipt.error ?? 'could not be checked'}`;
	}
}

/**
 * The inquiry with its receipt under `handoff` (replacing an earlier check) and the trail
 * extended: a transfer entry "written" once the destination is seen holding a record (the
 * scorecard's proof of transfer), then the tracking entry with the receipt's status.
 */
export function withHandoff(
	inquiry: Inquiry,
	receipt: HandoffReceipt,
	nodeName: string,
): Inquiry & { handoff: HandoffReceipt } {
	let next: Inquiry = { ...inquiry, handoff: receipt };
	const held =
		receipt.status === 'verified' || receipt.status === 'mismatch' || receipt.status === 'late';
	if (held && receipt.recordId !== undefined) {
		const detail = `${receipt.destination} record ${receipt.recordId}`;
		const already = inquiry.continuity.trail.some(
			(e) => e.stage === 'transfer' && e.outcome === 'written' && e.detail === detail,
		);
		if (!already)
			next = appendTrail(next, {
				stage: 'transfer',
				node: nodeName,
				at: receipt.checkedAt,
				outcome: 'written',
				detail,
			});
	}
	next = appendTrail(next, {
		stage: 'tracking',
		node: nodeName,
		at: receipt.checkedAt,
		outcome: receipt.status,
		detail: trackingDetail(receipt),
	});
	return next as Inquiry & { handoff: HandoffReceipt };
}

export interface HandoffStageResult {
	output: HandoffOutput;
	receipt: HandoffReceipt;
	inquiry: Inquiry & { handoff: HandoffReceipt };
}

/** The Verify Inquiry Handoff stage for one inquiry: the receipt, the output and the extended inquiry. */
export function verifyInquiryHandoff(
	inquiry: Inquiry,
	record: unknown,
	fields: readonly CompiledField[],
	options: VerifyHandoffOptions & { nodeName: string },
): HandoffStageResult {
	const receipt = verifyHandoff(inquiry, record, fields, options);
	return {
		output: handoffOutput(receipt.status),
		receipt,
		inquiry: withHandoff(inquiry, receipt, options.nodeName),
	};
}
