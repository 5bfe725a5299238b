import type { Channel, Inquiry } from '../inquiry/schema';
import { InquiryError } from '../shared/errors';

/** What an owner's message says about one inquiry: raw customer text, made safe where it is shown. */
export interface InquiryFacts {
	inquiryId: string;
	channel: Channel;
	receivedAt: string;
	contactName: string;
	contactEmail: string;
	contactPhone: string;
	/** What they asked for: the message, else the subject or service. */
	request: string;
	urgency: string;
	/** The question the customer was asked for what was missing, if any. */
	followUpQuestion: string;
}

export interface OwnerFacts {
	id: string;
	name: string;
	email: string;
	phone: string;
	chat: string;
}

export interface AssignmentFacts {
	owner: OwnerFacts;
	/** Why this owner: the assignment's own sentence. */
	why: string;
	respondBy: string;
	/** Which assignment this is (0 = first owner); links are bound to it. */
	hop: number;
}

export const CHANNEL_WORDS: Record<Channel, string> = {
	form: 'web form',
	chat: 'chat',
	call: 'phone call',
	missed_call: 'missed call',
	sms: 'text message',
	email: 'e-mail',
	booking: 'booking',
	ad_lead: 'ad lead form',
	marketplace: 'marketplace',
	other: 'other source',
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> =>
	value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};

export function inquiryFacts(inquiry: Inquiry): InquiryFacts {
	const { contact, request } = inquiry;
	const name =
		contact.name.full ?? [contact.name.first, contact.name.last].filter(Boolean).join(' ');
	const followUp = record(record(inquiry.context).followUp);
	return {
		inquiryId: inquiry.id,
		channel: inquiry.channel,
		receivedAt: inquiry.receivedAt,
		contactName: name,
		contactEmail: contact.email?.address ?? '',
		contactPhone: contact.phone?.e164 ?? contact.phone?.raw ?? '',
		request: request.message ?? request.subject ?? request.service ?? '',
		urgency: request.urgency,
		followUpQuestion: text(followUp.chat),
	};
}

/** The owner, reason and deadline the Assign Inquiry Owner node wrote under `assignment`. */
export function assignmentFacts(inquiry: Inquiry, hop: number): AssignmentFacts {
	const assignment = record(inquiry.assignment);
	const owner = record(assignment.owner);
	if (assignment.status !== 'assigned' || !text(owner.id))
		throw new InquiryError(
			'LINK_REQUEST_INVALID',
			`inquiry ${inquiry.id} has no assigned owner (put Assign Inquiry Owner before this node, and send unassigned inquiries to the manager instead)`,
		);
	const respondBy = text(assignment.respondBy);
	if (!Number.isFinite(Date.parse(respondBy)))
		throw new InquiryError(
			'LINK_REQUEST_INVALID',
			`assignment.respondBy "${respondBy}" is not a date`,
		);
	return {
		owner: {
			id: text(owner.id),
			name: text(owner.name) || text(owner.id),
			email: text(owner.email),
			phone: text(owner.phone),
			chat: text(owner.chat),
		},
		why: text(assignment.reason),
		respondBy,
		hop,
	};
}
