// Telling an owner about their inquiry: Inquiry Claim Links → Create Owner Message writes the
// message (customer text escaped) with the signed "I've got it", "Pass it on" and "I've contacted
// them" links, and one notification row carries it to the Outbox on the owner's own channel.
import { expr } from './lib.mjs';
import { notificationRow } from './sections.mjs';
import { setting, TEAM, TIME_ZONE } from './setup.mjs';

export const CREATE_OWNER_MESSAGE = 'Create Owner Message';
/** The webhook path of the link template (00d); the links in every owner message lead there. */
export const LINK_PATH = 'inquiry-link';

const NOTICE = '$json.ownerNotice';
/** The owner's team row: preferredChannel "sms" or "chat" is used when that address is set, e-mail otherwise. */
const TEAM_ROW = `(${TEAM}.find(r => String(r.ownerId ?? "") === ${NOTICE}.ownerId) ?? {})`;
export const OWNER_CHANNEL = `((t) => { const p = String(t.preferredChannel ?? "").toLowerCase(); return p === "sms" && ${NOTICE}.message.sms.to ? "sms" : (p === "chat" || p === "slack") && t.chat ? "chat" : "email"; })(${TEAM_ROW})`;

/** The inquiry as JSON for a later pass, without what the message added and the raw vendor post. */
const INQUIRY_JSON = 'JSON.stringify((({ ownerNotice, raw, ...inquiry }) => inquiry)($json))';

/**
 * Create Owner Message after `from`, then the notification row `notify`. Returns the message
 * node, whose error output (no link credential, no owner) the caller wires.
 */
export function tellOwner(b, from, [column, row], { notify, kind = 'new', hop = '0', dedupeKey }) {
	b.ours(
		CREATE_OWNER_MESSAGE,
		'inquiryClaimLinks',
		{
			operation: 'ownerMessage',
			messageKind: kind,
			hop: expr(hop),
			businessName: expr(setting('businessName')),
			timezone: expr(TIME_ZONE),
			webhookPath: LINK_PATH,
			lifetimeHours: expr(`Number(${setting('linkLifetimeHours')} || 72)`),
		},
		[column, row],
		{
			onError: 'continueErrorOutput',
			notes:
				'Needs the "Inquiry Link Secret API" credential (a random secret and your public n8n address). npm start creates it.',
		},
	);
	b.connect(from, CREATE_OWNER_MESSAGE);
	notificationRow(b, notify, [column + 1, row], {
		kind: kind === 'new' ? 'owner_assigned' : 'owner_reassigned',
		channel: expr(OWNER_CHANNEL),
		recipient: `((c) => c === "sms" ? ${NOTICE}.message.sms.to : c === "chat" ? ${TEAM_ROW}.chat : ${NOTICE}.message.email.to)(${OWNER_CHANNEL})`,
		subject: `${NOTICE}.message.email.subject`,
		body: `((c) => c === "sms" ? ${NOTICE}.message.sms.text : c === "chat" ? ${NOTICE}.message.chat.text : ${NOTICE}.message.email.text)(${OWNER_CHANNEL})`,
		html: `${NOTICE}.message.email.html`,
		inquiry: INQUIRY_JSON,
		dedupeKey,
	});
	b.connect(CREATE_OWNER_MESSAGE, notify, 0);
	return CREATE_OWNER_MESSAGE;
}
