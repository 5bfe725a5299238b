import type { Inquiry, PhoneNumber } from '../inquiry/schema';
import { parsePhoneNumberFromString } from '../vendor/libphonenumber';
import type { HandoffReceipt } from './receipt';

/**
 * A phone shortened for an alert that may land in a shared channel: enough to recognise the
 * caller ("+1 415…"), not the whole number.
 */
export function shortPhone(phone: PhoneNumber | undefined): string | undefined {
	if (!phone) return undefined;
	if (phone.e164) {
		const parsed = parsePhoneNumberFromString(phone.e164);
		if (parsed) return `+${parsed.countryCallingCode} ${parsed.nationalNumber.slice(0, 3)}…`;
	}
	const digits = phone.raw.replace(/\D/g, '');
	return digits.length >= 4 ? `${digits.slice(0, 4)}…` : undefined;
}

/** "jane.roe@example.com" → "ja…@example.com". */
export function shortEmail(address: string | undefined): string | undefined {
	if (!address) return undefined;
	const at = address.lastIndexOf('@');
	if (at <= 0) return undefined;
	return `${address.slice(0, Math.min(2, at))}…${address.slice(at)}`;
}

function personName(inquiry: Inquiry): string | undefined {
	const { full, first, last } = inquiry.contact.name;
	if (full) return full;
	const joined = [first, last].filter(Boolean).join(' ');
	return joined === '' ? undefined : joined;
}

/** "Jane Roe (+1 415…)", "+1 415…", or "inquiry inq-123" when the inquiry names nobody. */
function who(inquiry: Inquiry): string {
	const contact = shortPhone(inquiry.contact.phone) ?? shortEmail(inquiry.contact.email?.address);
	const name = personName(inquiry);
	if (name) return contact ? `${name} (${contact})` : name;
	return contact ?? `inquiry ${inquiry.id}`;
}

/** "14 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
	const days = Math.floor(hours / 24);
	return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

function lateness(receipt: HandoffReceipt): string | undefined {
	if (!receipt.deadline) return undefined;
	const late = Date.parse(receipt.checkedAt) - Date.parse(receipt.deadline);
	return late > 0 ? `${formatDuration(late)} late` : undefined;
}

function afterAttempts(receipt: HandoffReceipt): string {
	return receipt.attempts.length > 1 ? ` after ${receipt.attempts.length} attempts` : '';
}

/**
 * One line a person can act on, ready for a Slack, email or SMS node:
 * "Inquiry from Jane Roe (+1 415…) did not reach HubSpot: phone lost, 14 min late".
 */
export function handoffAlert(inquiry: Inquiry, receipt: HandoffReceipt): string {
	const late = lateness(receipt);
	const subject = `Inquiry from ${who(inquiry)}`;
	const destination = receipt.destination;
	const problems: string[] = [];
	let verb: string;
	switch (receipt.status) {
		case 'error':
			verb = `could not be checked in ${destination}`;
			problems.push(`${receipt.error ?? 'the check failed'}${afterAttempts(receipt)}`);
			break;
		case 'missing':
			verb = `did not reach ${destination}`;
			problems.push(`no record found${afterAttempts(receipt)}`);
			break;
		case 'mismatch':
			verb = `did not reach ${destination}`;
			for (const field of receipt.lost) problems.push(`${field} lost`);
			for (const change of receipt.changed) problems.push(`${change.field} changed`);
			break;
		case 'late':
			return `${subject} reached ${destination} ${late ?? 'late'}`;
		case 'verified':
			return `${subject} reached ${destination} intact`;
	}
	if (late) problems.push(late);
	return `${subject} ${verb}: ${problems.join(', ')}`;
}
