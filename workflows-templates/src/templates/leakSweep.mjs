// 6. Leak sweep: every 15 minutes, find inquiries that stalled and tell a manager, once per reason.
import { expr, TemplateBuilder } from '../lib.mjs';
import { overview } from '../notes.mjs';
import { notificationRow } from '../sections.mjs';
import {
	condition,
	conditions,
	literal,
	MANAGER,
	readLedger,
	scorecard,
	SELF_AUDIT_NAME,
	setFields,
	postToSlack,
	sendEmail,
	SWEEP_CLOCK,
	updateLedger,
	where,
} from '../scorecardSections.mjs';

export const file = '06-leak-sweep.json';

export const NODE = {
	schedule: 'Every 15 Minutes',
	read: 'Read Open Ledger Rows',
	skipAudit: 'Leave Out Self-Audit Inquiries',
	sweep: 'Find Stalled Inquiries',
	route: 'Escalate, Reassign or Alert?',
	nothing: 'Healthy or Already Flagged',
	alert: 'Alert the Manager',
	mark: 'Mark Flagged in Ledger',
};

/** Each action the sweep recommends, with the message the manager gets. */
const ACTIONS = [
	{
		action: 'escalate',
		output: 'Escalate',
		node: 'Escalation Message',
		kind: 'escalation',
		subject:
			'"Escalate: nobody has answered " + ($json.contactName || $json.contactPhone || $json.contactEmail || "an inquiry")',
		body: '$json.stall.message + " Inquiry " + $json.inquiryId + " (" + ($json.channel || "unknown channel") + "), owner: " + ($json.ownerName || "nobody") + ", received " + $json.receivedAt + "."',
	},
	{
		action: 'reassign',
		output: 'Reassign',
		node: 'Reassign Message',
		kind: 'reassign',
		subject:
			'"Reassign: " + ($json.ownerName || $json.ownerId) + " has not answered " + ($json.contactName || $json.contactPhone || $json.contactEmail || "an inquiry")',
		body: '$json.stall.message + " Their deadline was " + $json.respondBy + ". Give inquiry " + $json.inquiryId + " to someone available and tell them."',
	},
	{
		action: 'alert',
		output: 'Alert',
		node: 'Check-the-Handoff Message',
		kind: 'alert',
		subject:
			'"Check the handoff: no confirmed record for " + ($json.contactName || $json.contactPhone || $json.contactEmail || "an inquiry")',
		body: '$json.stall.message + " Inquiry " + $json.inquiryId + ", owner " + ($json.ownerName || $json.ownerId) + ". Look for it in your system of record."',
	},
];

export function build() {
	const b = new TemplateBuilder(
		'Inquiry continuity: leak sweep (escalate, reassign or alert, once)',
		{ tags: ['inquiry-continuity'] },
	);
	overview(b, {
		closes:
			'Inquiries that entered but then stalled silently: nobody owns them, the owner missed the deadline, or nothing confirmed the record arrived.',
		how: [
			'Every 15 minutes **Read Open Ledger Rows** reads the continuity ledger (the *inquiry_ledger* Data table the entry templates write): every inquiry not yet both answered and verified.',
			'**Find Stalled Inquiries** checks each against its deadlines on your business hours and says why it stalled and what to do: **escalate** (nobody answered by the escalation point, or still no owner), **reassign** (the owner missed the response deadline) or **alert** (nothing confirmed the record arrived).',
			'The manager gets one message per inquiry and reason, recorded in *inquiry_notifications*; the reason is then written back to the ledger row, so the next sweep stays quiet about it.',
		],
		setup: [
			'Open **Find Stalled Inquiries**: use the same business hours and time zone as in Assign Inquiry Owner, and set how long an inquiry may wait for an owner and for a confirmed record.',
			'In the three message nodes, replace manager@example.com with the person who should hear about stalled inquiries.',
			'Optional: turn on **Email the Manager** or **Post to Slack** with your credential to send the messages for real.',
			'When someone answers an inquiry, set *contactedAt* on its ledger row (your CRM or inbox workflow can do it); until then every inquiry past its deadline counts as unanswered.',
			'Press **Publish**. To sweep right away (after a restart, say), open …/webhook/inquiry-leak-sweep.',
		],
	});

	b.node(
		NODE.schedule,
		'n8n-nodes-base.scheduleTrigger',
		1.2,
		{ rule: { interval: [{ field: 'minutes', minutesInterval: 15 }] } },
		[0, 1],
	);
	readLedger(b, NODE.read, [1, 1], {
		matchType: 'anyCondition',
		filters: [where('contactedAt', 'isEmpty'), where('verifiedAt', 'isEmpty')],
	});
	b.connect(NODE.schedule, NODE.read);
	// Published, the sweep also runs on request (GET …/webhook/inquiry-leak-sweep), e.g. after a restart.
	b.node(
		'Sweep on Request',
		'n8n-nodes-base.webhook',
		2.1,
		{ httpMethod: 'GET', path: 'inquiry-leak-sweep', responseMode: 'onReceived', options: {} },
		[0, 0],
		{ webhookId: 'inquiry-leak-sweep' },
	);
	b.connect('Sweep on Request', NODE.read);
	b.node(
		NODE.skipAudit,
		'n8n-nodes-base.filter',
		2.2,
		{
			conditions: conditions([
				condition(
					expr('$json.contactName ?? ""'),
					{ type: 'string', operation: 'notEquals' },
					SELF_AUDIT_NAME,
				),
			]),
			options: {},
		},
		[2, 1],
	);
	b.connect(NODE.read, NODE.skipAudit);
	scorecard(b, NODE.sweep, 'findStalled', { ...SWEEP_CLOCK }, [3, 1]);
	b.connect(NODE.skipAudit, NODE.sweep);
	b.node(NODE.nothing, 'n8n-nodes-base.noOp', 1, {}, [4, 2.6]);
	b.connect(NODE.sweep, NODE.nothing, 1);

	b.node(
		NODE.route,
		'n8n-nodes-base.switch',
		3.2,
		{
			rules: {
				values: ACTIONS.map(({ action, output }) => ({
					conditions: conditions([
						condition(expr('$json.stall.action'), { type: 'string', operation: 'equals' }, action),
					]),
					renameOutput: true,
					outputKey: output,
				})),
			},
			options: {},
		},
		[4, 1],
	);
	b.connect(NODE.sweep, NODE.route, 0);

	notificationRow(b, NODE.alert, [6, 1], {
		kind: expr('$json.kind'),
		channel: 'email',
		recipient: '$json.recipient',
		subject: '$json.subject',
		body: '$json.body',
		dedupeKey: '$json.dedupeKey',
	});
	ACTIONS.forEach(({ node, kind, subject, body }, index) => {
		setFields(b, node, [5, index], {
			inquiryId: ['string', '$json.inquiryId'],
			kind: ['string', literal(kind)],
			recipient: ['string', literal(MANAGER)],
			subject: ['string', subject],
			body: ['string', body],
			// One message per inquiry and reason, however often the sweep runs.
			dedupeKey: ['string', '"sweep:" + $json.inquiryId + ":" + $json.stall.reason'],
		});
		b.connect(NODE.route, node, index);
		b.connect(node, NODE.alert);
	});

	updateLedger(b, NODE.mark, [7, 1], {
		inquiryId: expr(`$('${NODE.sweep}').item.json.inquiryId`),
		sweepReason: expr(`$('${NODE.sweep}').item.json.sweepReason`),
		sweepAction: expr(`$('${NODE.sweep}').item.json.sweepAction`),
		sweepAt: expr(`$('${NODE.sweep}').item.json.sweepAt`),
	});
	b.connect(NODE.alert, NODE.mark);
	sendEmail(b, 'Email the Manager', [7, 2.3], {
		to: expr('$json.recipient'),
		subject: '$json.subject',
		text: '$json.body',
	});
	postToSlack(b, 'Post to Slack', [7, 3.3], { text: '"*" + $json.subject + "*\\n" + $json.body' });
	b.connect(NODE.alert, 'Email the Manager');
	b.connect(NODE.alert, 'Post to Slack');

	b.note(
		'Which inquiries are read',
		[
			'Every ledger row whose inquiry is not yet **both** answered (*contactedAt*) and verified (*verifiedAt*). The self-audit\'s synthetic inquiries (named "Self Audit") are left out.',
			'',
			'Using a CRM or a sheet as the ledger? Replace **Read Open Ledger Rows** with its search node; each item needs the ledger columns (at least *inquiryId* and *receivedAt*).',
		].join('\n'),
		[0.6, 2.4],
		{ width: 3, height: 1.8 },
	);
	b.note(
		'Once per inquiry and reason',
		[
			'Each message row is keyed by `sweep:<inquiryId>:<reason>`, and **Mark Flagged in Ledger** writes the reason back, so a stalled inquiry is raised once — and again only for a new reason (a missed deadline that later also passes its escalation point).',
			'',
			"**Reassign** asks the manager to pick someone; to reassign automatically, add your CRM's update call on that branch. The email and Slack nodes are switched off until you add a credential.",
		].join('\n'),
		[4.6, -2.1],
		{ width: 3.6, height: 1.9 },
	);
	return b;
}
