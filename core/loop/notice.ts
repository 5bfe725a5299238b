import type { Inquiry } from '../inquiry/schema';
import { assignmentFacts, inquiryFacts } from './facts';
import type { LinkSettings } from './links';
import { ownerLinks } from './links';
import type { MessageKind, MessageLinks, OwnerMessage } from './message';
import { ownerMessage } from './message';

export interface NoticeSettings extends LinkSettings {
	businessName: string;
	timezone: string;
	kind: MessageKind;
	/** Which assignment of the inquiry this is (0 = first owner; the ledger's hops). */
	hop: number;
}

/** What the owner is sent for one assigned inquiry: the message on every channel, and its signed links. */
export interface OwnerNotice {
	inquiryId: string;
	ownerId: string;
	hop: number;
	links: MessageLinks;
	linksExpireAt: string;
	message: OwnerMessage;
}

export function ownerNotice(inquiry: Inquiry, settings: NoticeSettings, now: Date): OwnerNotice {
	const assignment = assignmentFacts(inquiry, settings.hop);
	const target = { inquiryId: inquiry.id, ownerId: assignment.owner.id, hop: settings.hop };
	const { expiresAt, ...links } = ownerLinks(settings, target, now);
	const message = ownerMessage({
		inquiry: inquiryFacts(inquiry),
		assignment,
		links,
		businessName: settings.businessName,
		timezone: settings.timezone,
		kind: settings.kind,
	});
	return { ...target, links, linksExpireAt: expiresAt, message };
}
