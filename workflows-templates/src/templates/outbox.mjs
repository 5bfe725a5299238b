// 0c. The Inquiry Outbox: the one place messages are really sent. Every template hands it the
// rows it wrote to inquiry_notifications; each row is claimed (so a replay never sends twice),
// sent by e-mail, text or Slack, and given its receipt. A failed send alerts by another path and
// ends this execution red.
import { expr, table, TemplateBuilder } from '../lib.mjs';
import { overview } from '../notes.mjs';
import {
	AFTER_CLAIM,
	ALERT_PATHS,
	CLAIM,
	EMAIL_HTML,
	FAILED_ANSWER,
	FAILED_STATUS,
	OUTBOX,
	OUTBOX_SETTINGS,
	SENDERS,
	SENT_ANSWER,
	SENT_STATUS,
} from '../outbox.mjs';
import { updateRows } from '../sections.mjs';
import { condition, conditions } from '../scorecardSections.mjs';
import { postgresVariant } from '../postgresStore.mjs';

export const file = '00c-inquiry-outbox.json';
/** The same workflow on the Postgres store (template 00p's tables). */
export const variants = [postgresVariant(build, 'postgres/00c-inquiry-outbox.json')];

const NOTIFICATIONS = 'inquiry_notifications';
const byRowId = (id) => [{ keyName: 'id', condition: 'eq', keyValue: expr(id) }];
const ROW = "$('Which Way?').item.json";

/** A receipt on the notification row: the columns given, by row id. */
const receipt = (b, name, at, id, value) =>
	updateRows(b, name, at, { tableName: NOTIFICATIONS, conditions: byRowId(id), value, extra: {} });

const ifNode = (b, name, list, at) =>
	b.node(name, 'n8n-nodes-base.if', 2.2, { conditions: conditions(list), options: {} }, at);
const isTrue = (code) =>
	condition(expr(code), { type: 'boolean', operation: 'true', singleValue: true });

const SEND = { onError: 'continueErrorOutput' };
/**
 * n8n 2.x will not publish a workflow whose active step lacks its credential, and the Outbox must
 * be published to be called: so the Twilio and Slack steps ship switched off. A row routed to a
 * switched-off step gets no provider answer and is not_sent with the fix, never "sent".
 */
const WHY_OFF =
	'(n8n does not publish a workflow whose active step has no credential.) Until then its rows are not_sent with the reason.';

export function build() {
	const b = new TemplateBuilder(OUTBOX, { tags: ['inquiry-continuity'] });
	overview(b, {
		closes:
			'Notifications that are only written down: nobody is told, and the run still looks green.',
		how: [
			'The hub and the other templates hand every row they write to **inquiry_notifications** to this workflow (Execute Workflow, without waiting).',
			'**Claim the Row** marks a row *sending* in one conditional update, only while its status is still empty; a row another run already took matches nothing and is skipped, so a replay never sends twice. A row no sender can take is marked *not_sent* with the reason by the same update.',
			'A row left in *sending* (its run stopped before the receipt) is handed back by the escalation ladder; after *sendingStaleMinutes* (15) the same update claims it again, only while its *claimedAt* is still the one handed (a compare-and-set), at most *maxSendAttempts* (3) sends in all; then it marks it *failed*, and it is alerted.',
			'E-mail goes out by **Send Email** (SMTP), texts by **Send Text (Twilio)**, team chat by **Send Slack Message**. Each row gets its receipt: *sent*, *failed* or *not_sent*, with sentAt and the answer of the provider (or the error).',
			'A failed send alerts the manager by every other path the settings name: **managerAlertWebhook** (Slack, Teams, ntfy or Discord incoming webhook), a text to **managerPhone**, a Slack post to **managerChat**. Then it stops with an error: the execution is red, never green while nothing was sent.',
			'A channel you have not set up (no sender in inquiry_settings, no credential on its step) is *not_sent* with the reason; the self-audit reports it.',
		],
		setup: [
			'Add your SMTP credential to **Send Email** and set **emailFrom** in inquiry_settings (`npm start` uses the local inbox, MailDev).',
			'For texts: add your Twilio credential to **Send Text (Twilio)**, switch it on, and set **textBackSender**. For Slack: the same with **Send Slack Message** and **managerChat**. (n8n publishes no workflow with an active step that lacks its credential, so these two ship switched off; their rows say not_sent until then.)',
			'Set **managerAlertWebhook** so a failed send reaches someone by another path; for a text or a Slack post as well, set **managerPhone** or **managerChat** and give **Alert by Text (Twilio)** or **Alert by Slack** its credential and switch it on (the self-audit reports a path set without it). Press **Publish**.',
		],
	});

	b.node(
		'Outbox Trigger',
		'n8n-nodes-base.executeWorkflowTrigger',
		1.1,
		{ inputSource: 'passthrough' },
		[0, 1],
	);
	// The senders, the alert paths and the stale cutoff come from inquiry_settings, read once.
	b.node(
		OUTBOX_SETTINGS,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table('inquiry_settings'),
			matchType: 'allConditions',
			filters: { conditions: [] },
			returnAll: true,
		},
		[2, -0.2],
		{ executeOnce: true, alwaysOutputData: true },
	);
	b.connect('Outbox Trigger', OUTBOX_SETTINGS);
	b.node(
		'Rows Ready',
		'n8n-nodes-base.merge',
		3.2,
		{
			mode: 'chooseBranch',
			chooseBranchMode: 'waitForAll',
			output: 'specifiedInput',
			useDataOfInput: 1,
		},
		[4, 1],
	);
	b.connect('Outbox Trigger', 'Rows Ready', 0, 0);
	b.connect(OUTBOX_SETTINGS, 'Rows Ready', 0, 1);

	// One conditional update per row claims it (or writes its not_sent receipt, or gives it up).
	updateRows(b, 'Claim the Row', [5.5, 1], {
		tableName: NOTIFICATIONS,
		conditions: CLAIM.conditions,
		value: CLAIM.value,
		numbers: ['attempts'],
		extra: {
			notes:
				'Matches only a new row, or one stuck in sending past sendingStaleMinutes, and only while it is as it was handed: a row another run took is not matched, so it is never sent twice.',
		},
	});
	b.connect('Rows Ready', 'Claim the Row');
	b.node(
		'Which Way?',
		'n8n-nodes-base.switch',
		3.2,
		{ mode: 'expression', numberOutputs: 5, output: expr(AFTER_CLAIM) },
		[7, 1],
	);
	b.connect('Claim the Row', 'Which Way?');

	b.node(
		'Send Email',
		'n8n-nodes-base.emailSend',
		2.1,
		{
			fromEmail: expr(SENDERS.emailFrom),
			toEmail: expr('$json.recipient'),
			subject: expr('$json.subject'),
			emailFormat: 'both',
			text: expr('$json.body'),
			html: expr(EMAIL_HTML),
			options: { appendAttribution: false },
		},
		[8, -0.2],
		{
			...SEND,
			notes: 'Your SMTP credential (npm start: "Local inbox (MailDev)"). Sender: emailFrom.',
		},
	);
	b.node(
		'Send Text (Twilio)',
		'n8n-nodes-base.twilio',
		1,
		{
			operation: 'send',
			from: expr(SENDERS.textBackSender),
			to: expr('$json.recipient'),
			message: expr('$json.body'),
			options: {},
		},
		[8, 1],
		{
			...SEND,
			disabled: true,
			notes: `Add your Twilio credential, then switch this step on. ${WHY_OFF} Sender: textBackSender.`,
		},
	);
	b.node(
		'Send Slack Message',
		'n8n-nodes-base.slack',
		2.3,
		{
			select: 'channel',
			channelId: { __rl: true, mode: 'name', value: expr('$json.recipient') },
			text: expr('$json.body'),
			otherOptions: {},
		},
		[8, 2.2],
		{
			...SEND,
			disabled: true,
			notes: `Add your Slack credential, then switch this step on. ${WHY_OFF} Posts to the channel in the row (managerChat, or the owner's chat).`,
		},
	);
	b.connect('Which Way?', 'Send Email', 0);
	b.connect('Which Way?', 'Send Text (Twilio)', 1);
	b.connect('Which Way?', 'Send Slack Message', 2);

	receipt(b, 'Receipt: Sent', [10, 0], `${ROW}.id`, {
		status: expr(SENT_STATUS),
		sentAt: expr('$now.toISO()'),
		answer: expr(SENT_ANSWER),
	});
	receipt(b, 'Receipt: Failed', [10, 2], `${ROW}.id`, {
		status: expr(FAILED_STATUS),
		sentAt: expr('$now.toISO()'),
		answer: expr(FAILED_ANSWER),
	});
	for (const sender of ['Send Email', 'Send Text (Twilio)', 'Send Slack Message']) {
		b.connect(sender, 'Receipt: Sent', 0);
		b.connect(sender, 'Receipt: Failed', 1);
	}

	ifNode(b, 'Really Failed?', [isTrue('$json.status === "failed"')], [11, 2]);
	b.connect('Receipt: Failed', 'Really Failed?');
	// A stuck row the claim gave up on (failed, no attempts left) is alerted like a failed send.
	b.connect('Which Way?', 'Really Failed?', 4);
	// One alert path after another (a Stop and Error met early would end the run before the rest).
	const FAILED = "$('Really Failed?').item.json";
	const paths = ALERT_PATHS(FAILED);
	ifNode(b, 'Alert Webhook Set?', [isTrue(paths.webhook)], [12, 2]);
	b.connect('Really Failed?', 'Alert Webhook Set?', 0);
	b.node(
		'Alert by Webhook',
		'n8n-nodes-base.httpRequest',
		4.2,
		{
			method: 'POST',
			url: expr(SENDERS.alertWebhook),
			sendBody: true,
			specifyBody: 'json',
			// `text` is read by Slack, Teams and ntfy's JSON form; `content` by Discord.
			jsonBody: expr(
				`JSON.stringify({ text: ${FAILURE_LINE}, content: ${FAILURE_LINE}, inquiryId: $json.inquiryId, kind: $json.kind, channel: $json.channel, recipient: $json.recipient, error: $json.answer })`,
			),
			options: { timeout: 10000 },
		},
		[13, 1.6],
		{ onError: 'continueRegularOutput', notes: 'Posts to managerAlertWebhook (inquiry_settings).' },
	);
	b.connect('Alert Webhook Set?', 'Alert by Webhook', 0);
	ifNode(b, 'Text the Manager?', [isTrue(paths.text)], [14, 2]);
	b.connect('Alert by Webhook', 'Text the Manager?');
	b.connect('Alert Webhook Set?', 'Text the Manager?', 1);
	b.node(
		'Alert by Text (Twilio)',
		'n8n-nodes-base.twilio',
		1,
		{
			operation: 'send',
			from: expr(SENDERS.textBackSender),
			to: expr(SENDERS.managerPhone),
			message: expr(FAILURE_LINE_OF(FAILED)),
			options: {},
		},
		[15, 1.6],
		{
			onError: 'continueRegularOutput',
			disabled: true,
			notes: `Texts managerPhone. Add your Twilio credential, then switch this step on. ${WHY_OFF_ALERT}`,
		},
	);
	b.connect('Text the Manager?', 'Alert by Text (Twilio)', 0);
	ifNode(b, 'Post to Manager Chat?', [isTrue(paths.slack)], [16, 2]);
	b.connect('Alert by Text (Twilio)', 'Post to Manager Chat?');
	b.connect('Text the Manager?', 'Post to Manager Chat?', 1);
	b.node(
		'Alert by Slack',
		'n8n-nodes-base.slack',
		2.3,
		{
			select: 'channel',
			channelId: { __rl: true, mode: 'name', value: expr(SENDERS.managerChat) },
			text: expr(FAILURE_LINE_OF(FAILED)),
			otherOptions: {},
		},
		[17, 1.6],
		{
			onError: 'continueRegularOutput',
			disabled: true,
			notes: `Posts to managerChat. Add your Slack credential, then switch this step on. ${WHY_OFF_ALERT}`,
		},
	);
	b.connect('Post to Manager Chat?', 'Alert by Slack', 0);
	b.node(
		'Not Delivered',
		'n8n-nodes-base.stopAndError',
		1,
		{ errorMessage: expr(`${FAILURE_LINE_OF(FAILED)} + ${ALERTED_BY(paths)}`) },
		[18, 2],
	);
	b.connect('Alert by Slack', 'Not Delivered');
	b.connect('Post to Manager Chat?', 'Not Delivered', 1);

	b.note(
		'Claim, send, receipt',
		'A row is sent only by the run that claimed it (status empty → sending). Each send leaves a receipt on the row: **sent**, **failed** or **not_sent**, with **sentAt** and **answer**. To turn a channel on, add your credential to its Send step (Twilio and Slack: then switch the step on; until then their rows are not_sent, never sent).',
		[5, -1.6],
		{ width: 6, height: 1.4 },
	);
	b.note(
		'When a send fails',
		'The receipt says **failed**, the manager is alerted by every other path set in inquiry_settings (**managerAlertWebhook** by HTTP, **managerPhone** by text, **managerChat** by Slack; never by the channel that failed), and **Not Delivered** stops the run with an error, so it shows red under Executions (and reaches your error workflow, if you set one). The inquiry itself is already recorded: the vendor was answered before this ran.',
		[11, -0.2],
		{ width: 4, height: 1.6 },
	);
	return b;
}

const FAILURE_LINE_OF = (row) =>
	`"Not delivered: the " + ${row}.kind + " message to " + ${row}.recipient + " by " + ${row}.channel + " (inquiry " + ${row}.inquiryId + ") failed: " + ${row}.answer + "."`;
const FAILURE_LINE = FAILURE_LINE_OF('$json');
/** The end of Not Delivered's message: which alert paths were tried, or how to add one. */
const ALERTED_BY = (paths) =>
	`(() => { const tried = [${paths.webhook} ? "managerAlertWebhook" : "", ${paths.text} ? "a text to managerPhone" : "", ${paths.slack} ? "Slack (managerChat)" : ""].filter(Boolean); return tried.length ? " The manager was alerted by " + tried.join(", ") + "." : " Set managerAlertWebhook, managerPhone or managerChat in inquiry_settings to be alerted by another path."; })()`;
const WHY_OFF_ALERT =
	'(n8n does not publish a workflow whose active step has no credential.) The self-audit reports managerPhone or managerChat set while this step is off.';
