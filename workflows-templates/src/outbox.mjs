// Delivery lives once, in the Inquiry Outbox sub-workflow: every template hands it the
// notification rows it wrote, through one Execute Workflow node. The Outbox claims each row,
// sends it (e-mail, text, Slack), and writes the receipt on the row.
import { expr } from './lib.mjs';
import { setting } from './setup.mjs';

export const OUTBOX = 'Inquiry Outbox';
export const HAND_TO_OUTBOX = 'Hand to the Outbox';

/**
 * The Execute Workflow node that hands notification rows (as stored, with their row id) to the
 * Outbox. It does not wait: the sender of the inquiry is answered at once, and a failed send ends
 * the Outbox's own execution red (with its alert) instead of the entry's answer to the vendor.
 */
export function handToOutbox(b, at, name = HAND_TO_OUTBOX) {
	return b.node(
		name,
		'n8n-nodes-base.executeWorkflow',
		1.3,
		{
			source: 'database',
			workflowId: { __rl: true, mode: 'list', value: '', cachedResultName: OUTBOX },
			mode: 'once',
			options: { waitForSubWorkflow: false },
		},
		at,
		{
			// Rows stay in inquiry_notifications with an empty status if the Outbox cannot be started.
			onError: 'continueRegularOutput',
			notes: `Pick "${OUTBOX}" here after importing it. npm start links it for you.`,
		},
	);
}

/** Every notification row a template writes (owner, customer, manager) goes on to the Outbox. */
export function deliverEveryRow(b, at) {
	const rows = b.nodes.filter(
		(node) =>
			node.type === 'n8n-nodes-base.dataTable' &&
			node.parameters.dataTableId?.value === 'inquiry_notifications' &&
			node.parameters.operation === 'upsert',
	);
	const outbox = handToOutbox(b, at);
	for (const { name } of rows) b.connect(name, outbox);
}

/** The Outbox's one read of inquiry_settings: its rows, read once per execution. */
export const OUTBOX_SETTINGS = 'Read Settings';

/**
 * A setting as the Outbox reads it, straight from Read Settings' rows (the last row of that name
 * wins, as in the hub's Business Setup), trimmed; '' while unset. The Outbox needs no team and no
 * folded setup item, so it spends no step on them.
 */
export const outboxSetting = (name) =>
	`String($('${OUTBOX_SETTINGS}').all().findLast((row) => String(row.json.setting ?? "").trim() === "${name}")?.json.value ?? "").trim()`;

/** Settings the Outbox reads, by name. */
export const SENDERS = {
	emailFrom: outboxSetting('emailFrom'),
	textBackSender: outboxSetting('textBackSender'),
	alertWebhook: outboxSetting('managerAlertWebhook'),
	managerPhone: outboxSetting('managerPhone'),
	managerChat: outboxSetting('managerChat'),
};

/**
 * The paths a failed send's alert takes to the manager, by the settings that name them, each by
 * another channel than the one that failed (`row` is the failed row): a webhook, a text, Slack.
 */
export const ALERT_PATHS = (row) => ({
	webhook: `${SENDERS.alertWebhook} !== ""`,
	text: `${SENDERS.managerPhone} !== "" && ${SENDERS.textBackSender} !== "" && ${row}.channel !== "sms"`,
	slack: `${SENDERS.managerChat} !== "" && ${row}.channel !== "chat"`,
});

/** Customer and owner kinds get no Slack post: Slack is for the team (owners with chat, alerts). */
const TO_CUSTOMER = '["follow_up", "text_back"].includes($json.kind)';

/** Which way a row goes: 0 e-mail, 1 text (Twilio), 2 Slack, 3 not sent (the reason says why). */
export const ROUTE = `!String($json.recipient ?? "").trim() ? 3 : $json.channel === "email" ? (${SENDERS.emailFrom} ? 0 : 3) : $json.channel === "sms" ? (${SENDERS.textBackSender} ? 1 : 3) : $json.channel === "chat" && !${TO_CUSTOMER} ? 2 : 3`;

/** Why a row was not sent, in words the business can act on. */
export const NOT_SENT_REASON = `!String($json.recipient ?? "").trim() ? ($json.kind === "alert" || $json.kind === "escalation" ? "No recipient: managerEmail is not set in inquiry_settings" : "No recipient: nobody to send it to on channel " + $json.channel) : $json.channel === "email" ? "emailFrom is not set in inquiry_settings" : $json.channel === "sms" ? "textBackSender (your Twilio number) is not set in inquiry_settings" : $json.channel === "chat" && ${TO_CUSTOMER} ? "A reply in the customer's chat goes through your chat vendor's own send step; none is connected" : "No sender for channel " + $json.channel`;

/** The e-mail's HTML: the row's own (owner messages, escaped by Inquiry Claim Links), else the text escaped. */
export const EMAIL_HTML = `$json.html || "<pre style=\\"font-family:Helvetica,Arial,sans-serif;font-size:15px;white-space:pre-wrap;\\">" + String($json.body ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;") + "</pre>"`;

/** The provider's answer, whichever sender ran: SMTP's "250 …", Twilio's message sid, Slack's ts. */
export const PROVIDER_ANSWER = `String($json.response ?? ($json.sid ? "Twilio " + $json.sid + " " + ($json.status ?? "") : null) ?? ($json.ok !== undefined ? "Slack ok " + ($json.message?.ts ?? $json.ts ?? "") : null) ?? JSON.stringify($json)).slice(0, 1000)`;

/**
 * Only a provider's answer makes a row "sent": SMTP's response, Twilio's sid, Slack's ok. A send
 * step that stopped before sending (Send Email without a credential passes its items on
 * unchanged) leaves none, and the row says not_sent instead of a green "sent".
 */
const ANSWERED = '(Boolean($json.response) || Boolean($json.sid) || $json.ok === true)';
export const SENT_STATUS = `${ANSWERED} ? "sent" : "not_sent"`;
export const SENT_ANSWER = `${ANSWERED} ? ${PROVIDER_ANSWER} : "The send step gave no answer from a provider: add your credential to " + $prevNode.name + " in the Inquiry Outbox (and switch the step on)."`;

/** A send that failed because its node has no credential is a setup problem (not_sent), not a failure. */
const ERROR_TEXT = 'String($json.error?.message ?? $json.error ?? "unknown error")';
export const FAILED_STATUS = `/credentials? set/i.test(${ERROR_TEXT}) ? "not_sent" : "failed"`;
export const FAILED_ANSWER = `(/credentials? set/i.test(${ERROR_TEXT}) ? "No credential on the send step: add yours to " + $prevNode.name + " in the Inquiry Outbox. " : "") + ${ERROR_TEXT}.slice(0, 1000)`;

/**
 * A row left in "sending" (the run sending it stopped before its receipt) is claimed again after
 * STALE_SENDING_MINUTES, at most MAX_SEND_ATTEMPTS sends in all; then it is failed and alerted.
 * Both can be set in inquiry_settings (sendingStaleMinutes, maxSendAttempts).
 */
const staleMinutes = (read) => `(Number(${read('sendingStaleMinutes')}) || 15)`;
/** As read by the templates that read the hub's Business Setup (the escalation ladder). */
export const STALE_SENDING_MINUTES = staleMinutes(setting);
const MAX_SEND_ATTEMPTS = `(Number(${outboxSetting('maxSendAttempts')}) || 3)`;
/** Whether a row as handed is stuck: "sending" since before the stale cutoff. */
const STUCK_SENDING = `$json.status === "sending" && Boolean($json.claimedAt) && DateTime.fromISO(String($json.claimedAt)) < $now.minus({ minutes: ${staleMinutes(outboxSetting)} })`;

/**
 * The claim, one conditional update per row (`$json` is the row as handed). It matches only while
 * the row is still as handed (status and claimedAt compared, a compare-and-set) and only a new row
 * or a stuck one: any other row matches nothing, so of two runs handed the same row one wins and
 * the other gets no row back. The update writes the row's next state at once: "sending" (a new
 * row's first attempt, a stuck row's next one), "not_sent" with the reason when no sender can take
 * it (its receipt), or "failed" when a stuck row has no attempts left.
 */
const NEW_ROW = '!$json.status';
const ATTEMPTS_SO_FAR = '(Number($json.attempts) || 1)';
const ATTEMPTS_LEFT = `(${NEW_ROW} || ${ATTEMPTS_SO_FAR} < ${MAX_SEND_ATTEMPTS})`;
const NOT_SENDABLE = `(${ROUTE}) === 3`;
const GAVE_UP = `"Stuck in sending after " + ${ATTEMPTS_SO_FAR} + " attempts: each run sending it stopped before its receipt. Not sent again; see the Inquiry Outbox's executions."`;
/** The column still holds what the row was handed with (empty stays empty). */
const sameAsHanded = (column) => ({
	keyName: column,
	condition: expr(`$json.${column} ? "eq" : "isEmpty"`),
	keyValue: expr(`$json.${column} ?? ""`),
});
export const CLAIM = {
	conditions: [
		// A row neither new nor stuck is looked for under id -1, which no row has.
		{
			keyName: 'id',
			condition: 'eq',
			keyValue: expr(`${NEW_ROW} || (${STUCK_SENDING}) ? $json.id : -1`),
		},
		sameAsHanded('status'),
		sameAsHanded('claimedAt'),
	],
	value: {
		status: expr(`!${ATTEMPTS_LEFT} ? "failed" : ${NOT_SENDABLE} ? "not_sent" : "sending"`),
		claimedAt: expr(`${ATTEMPTS_LEFT} ? $now.toUTC().toISO() : $json.claimedAt`),
		attempts: expr(
			`${NEW_ROW} ? 1 : ${ATTEMPTS_LEFT} ? ${ATTEMPTS_SO_FAR} + 1 : ${ATTEMPTS_SO_FAR}`,
		),
		sentAt: expr(`${ATTEMPTS_LEFT} ? "" : $now.toISO()`),
		answer: expr(`!${ATTEMPTS_LEFT} ? ${GAVE_UP} : ${NOT_SENDABLE} ? (${NOT_SENT_REASON}) : ""`),
	},
};

/** Where a claimed row goes: 0 e-mail, 1 text, 2 Slack (by ROUTE), 3 not sent (its receipt is written), 4 failed (alert). */
export const AFTER_CLAIM = `$json.status === "failed" ? 4 : $json.status === "not_sent" ? 3 : ${ROUTE}`;
