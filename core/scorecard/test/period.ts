import type { LedgerRow } from '../ledger';
import { ledgerRow } from './rows';

/**
 * A known week (4–11 May 2026) of ledger rows, one of each situation; the summary test asserts
 * every figure from it by hand. H lies outside the period.
 */
const at = (day: number, time: string) => `2026-05-${String(day).padStart(2, '0')}T${time}:00.000Z`;

export const PERIOD_ROWS: LedgerRow[] = [
	// A: the happy path, answered in time.
	ledgerRow({
		inquiryId: 'A',
		receivedAt: at(4, '14:00'),
		assignedAt: at(4, '14:04'),
		verifiedAt: at(4, '14:06'),
	}),
	// B: a call, answered after its deadline (SLA breach).
	ledgerRow({
		inquiryId: 'B',
		channel: 'call',
		sourceSystem: 'twilio',
		receivedAt: at(5, '10:00'),
		assignedAt: at(5, '10:10'),
		verifiedAt: at(5, '10:12'),
		respondBy: at(5, '11:00'),
		contactedAt: at(5, '11:30'),
	}),
	// C: needs context, otherwise fine (score 4).
	ledgerRow({
		inquiryId: 'C',
		sourceSystem: 'jotform',
		receivedAt: at(5, '12:00'),
		assignedAt: at(5, '12:02'),
		verifiedAt: at(5, '12:20'),
		respondBy: at(5, '13:00'),
		contactedAt: at(5, '12:10'),
		contextCheck: 'fail',
		contextOutcome: 'needs_context',
		score: 4,
	}),
	// D: a chat nobody could take, never answered (breach, unassigned, leak at Transfer).
	ledgerRow({
		inquiryId: 'D',
		channel: 'chat',
		sourceSystem: 'intercom',
		receivedAt: at(6, '09:00'),
		stage: 'trigger',
		transferCheck: 'not_reached',
		triggerCheck: 'fail',
		visibilityCheck: 'not_reached',
		ownerId: '',
		ownerName: '',
		assignedAt: '',
		respondBy: at(6, '10:00'),
		contactedAt: '',
		verifiedAt: '',
		handoffStatus: '',
		recordId: '',
		score: 3,
	}),
	// E: a missed call whose record arrived changed and nobody was alerted (leak at Visibility).
	ledgerRow({
		inquiryId: 'E',
		channel: 'missed_call',
		sourceSystem: 'twilio',
		receivedAt: at(7, '15:00'),
		assignedAt: at(7, '15:30'),
		respondBy: at(7, '16:00'),
		contactedAt: at(7, '15:40'),
		visibilityCheck: 'fail',
		handoffStatus: 'mismatch',
		verifiedAt: '',
		score: 4,
	}),
	// F: a forged post, rejected at entry: not entered, not a leak.
	ledgerRow({
		inquiryId: 'F',
		receivedAt: at(8, '08:00'),
		stage: 'entry',
		entryCheck: 'fail',
		transferCheck: 'not_reached',
		contextCheck: 'not_reached',
		triggerCheck: 'not_reached',
		visibilityCheck: 'not_reached',
		contextOutcome: '',
		ownerId: '',
		ownerName: '',
		assignedAt: '',
		respondBy: '',
		escalateAt: '',
		contactedAt: '',
		verifiedAt: '',
		handoffStatus: '',
		score: 1,
	}),
	// G: an email whose failed handoff was alerted (visible, not a leak); owner after an hour.
	ledgerRow({
		inquiryId: 'G',
		channel: 'email',
		sourceSystem: 'gmail',
		receivedAt: at(9, '09:00'),
		assignedAt: at(9, '10:00'),
		respondBy: at(9, '11:00'),
		contactedAt: at(9, '10:30'),
		verifiedAt: '',
		alertedAt: at(9, '10:05'),
		handoffStatus: 'missing',
	}),
	// H: next week, outside the period.
	ledgerRow({ inquiryId: 'H', receivedAt: at(12, '09:00') }),
	// I: owned after 4 hours, but never written to the system of record (leak at Transfer).
	ledgerRow({
		inquiryId: 'I',
		receivedAt: at(10, '09:00'),
		assignedAt: at(10, '13:00'),
		stage: 'trigger',
		transferCheck: 'not_reached',
		visibilityCheck: 'not_reached',
		verifiedAt: '',
		handoffStatus: '',
		recordId: '',
		respondBy: at(10, '14:00'),
		contactedAt: at(10, '13:30'),
		score: 3,
	}),
];

export const PERIOD = {
	from: new Date('2026-05-04T00:00:00.000Z'),
	to: new Date('2026-05-11T00:00:00.000Z'),
	now: new Date('2026-05-11T09:00:00.000Z'),
};
