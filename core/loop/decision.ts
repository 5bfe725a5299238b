import type { LinkClaims } from './token';

/**
 * What a valid click changes on the ledger, and under which condition. The condition is a
 * compare-and-set: the workflow's update filters on it, so a second click (or a click after the
 * inquiry moved on) matches no row and changes nothing. An empty string in `where` means "empty".
 */
export interface LedgerChange {
	where: Record<string, string | number>;
	set: Record<string, string | number>;
	/** Owners the next assignment must skip (a pass). */
	exclude: string[];
}

export function ledgerChange(link: LinkClaims, now: Date): LedgerChange {
	const at = now.toISOString();
	const owned = { inquiryId: link.inquiryId, ownerId: link.ownerId, hops: link.hop };
	switch (link.action) {
		case 'claim':
			return { where: { ...owned, acceptedAt: '' }, set: { acceptedAt: at }, exclude: [] };
		case 'pass':
			// The next hop begins: the row has no owner until the reassignment writes one.
			return {
				where: { ...owned, acceptedAt: '' },
				set: { ownerId: '', passedAt: at, hops: link.hop + 1 },
				exclude: [link.ownerId],
			};
		case 'contacted':
			// Contact may come before or after a claim; only the first contact counts.
			return {
				where: { inquiryId: link.inquiryId, ownerId: link.ownerId, contactedAt: '' },
				set: { contactedAt: at },
				exclude: [],
			};
	}
}

/** The comma list of owners who passed an inquiry, with one more; never a repeat. */
export function withPasser(passedBy: string, ownerId: string): string {
	const ids = passedBy
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	return ids.includes(ownerId) ? ids.join(',') : [...ids, ownerId].join(',');
}
