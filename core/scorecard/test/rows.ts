import type { ScorecardRow } from '../ledger';

/** A ledger row where every check passed; override what a test needs. */
export function ledgerRow(overrides: Partial<ScorecardRow> = {}): ScorecardRow {
	return {
		inquiryId: 'inq_1',
		receivedAt: '2026-05-04T14:00:00.000Z',
		channel: 'form',
		sourceSystem: 'typeform',
		urgency: 'normal',
		contactName: 'Jane Roe',
		contactEmail: 'jane@example.com',
		contactPhone: '+14155550123',
		identityKey: 'email:jane@example.com',
		stage: 'tracking',
		entryCheck: 'pass',
		transferCheck: 'pass',
		contextCheck: 'pass',
		triggerCheck: 'pass',
		visibilityCheck: 'pass',
		contextOutcome: 'complete',
		ownerId: 'ana',
		ownerName: 'Ana Lopez',
		assignedAt: '2026-05-04T14:04:00.000Z',
		respondBy: '2026-05-04T15:00:00.000Z',
		escalateAt: '2026-05-04T16:00:00.000Z',
		handoffStatus: 'verified',
		recordId: 'rec_1',
		verifiedAt: '2026-05-04T14:06:00.000Z',
		alertedAt: '',
		contactedAt: '2026-05-04T14:20:00.000Z',
		sweepReason: '',
		sweepAction: '',
		sweepAt: '',
		score: 5,
		scoredAt: '2026-05-04T14:06:00.000Z',
		...overrides,
	};
}
