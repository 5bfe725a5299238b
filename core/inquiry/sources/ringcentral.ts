import type { InquiryDraft, SourcePreset } from '../draft';
import { asArray, asRecord, firstText, isRecord, text } from './read';

/** Caller-ID names that name no one (carriers' stand-ins). */
export const NO_CALLER_NAME =
	/^(wireless caller|unknown|unavailable|anonymous|private|restricted)/i;

/**
 * RingCentral telephony-session notifications (`/telephony/sessions` event filter): one party of a
 * call per notification. `from` is always the side that placed the call and `to` the side that
 * received it; the party's `direction` says which of the two the party itself is (Outbound: from,
 * Inbound: to). A side with an `extensionId` is a RingCentral extension, so the business: the
 * customer is the external side, and an internal call between two extensions has none.
 */
const ringcentral: SourcePreset = {
	key: 'ringcentral',
	label: 'RingCentral (Telephony Session Notification)',
	family: 'calls',
	detect: (p) =>
		typeof p.event === 'string' &&
		p.event.includes('/telephony/sessions') &&
		isRecord(p.body) &&
		Array.isArray(p.body.parties),
	extract(p): InquiryDraft {
		const body = asRecord(p.body) ?? {};
		const party = asRecord(asArray(body.parties)[0]) ?? {};
		const { customer, business, inbound } = callSides(party);
		const sessionId = text(body.telephonySessionId);
		const status = text(asRecord(party.status)?.code) ?? '';
		// An inbound call that went to voicemail or that RingCentral marks missed never reached anyone.
		const missed =
			inbound && (party.missedCall === true || /^(voicemail|vmscreening)$/i.test(status));
		const callerName = text(customer?.name);
		return {
			channel: missed ? 'missed_call' : 'call',
			system: 'ringcentral',
			event: `call.${status.toLowerCase() || 'status'}`,
			recordId: sessionId,
			eventId: `${sessionId}:${text(party.id) ?? ''}:${status}`,
			occurredAt: firstText(body, 'eventTime') ?? text(p.timestamp),
			name: { full: callerName && !NO_CALLER_NAME.test(callerName) ? callerName : undefined },
			phone: text(customer?.phoneNumber),
			extraFields: {
				Direction: inbound ? 'inbound' : 'outbound',
				'Call Status': status,
				'Business Number': text(business?.phoneNumber),
				'Business Line': text(business?.name),
				'Session Id': sessionId,
			},
		};
	},
};

type Side = Record<string, unknown> | undefined;

/** Which side of the call is the customer, and whether the customer called in. */
function callSides(party: Record<string, unknown>): {
	customer: Side;
	business: Side;
	inbound: boolean;
} {
	const from = asRecord(party.from);
	const to = asRecord(party.to);
	const own = party.direction === 'Outbound' ? from : to;
	const other = own === from ? to : from;
	// The party is an extension's leg, or the external caller's (or callee's) own leg.
	const partyIsExtension = text(party.extensionId) !== undefined || isExtension(own);
	let customer = partyIsExtension ? other : own;
	if (isExtension(customer)) customer = undefined;
	const business = customer === from ? to : from;
	return { customer, business, inbound: customer !== undefined && customer === from };
}

function isExtension(side: Side): boolean {
	return side !== undefined && text(side.extensionId) !== undefined;
}

export const ringcentralPresets: SourcePreset[] = [ringcentral];
