// 8. Continuity self-audit: synthetic inquiries through the live entry webhooks, then the article's
// checklist, stage by stage, from the ledger rows they left.
import { expr, table, TemplateBuilder } from '../lib.mjs';
import { RECORDS } from '../chain.mjs';
import { overview } from '../notes.mjs';
import { deliverEveryRow } from '../outbox.mjs';
import { notificationRow } from '../sections.mjs';
import { condition, conditions, literal, scorecard, setFields } from '../scorecardSections.mjs';
import { SYNTHETIC_INQUIRIES, TOKEN } from '../selfAuditInquiries.mjs';
import { MANAGER_EMAIL, readBusinessSetup, SETUP_NODE, setting, TIME_ZONE } from '../setup.mjs';
import { postgresVariant } from '../postgresStore.mjs';

export const file = '08-continuity-self-audit.json';
/** The same workflow on the Postgres store (template 00p's tables). */
export const variants = [postgresVariant(build, 'postgres/08-continuity-self-audit.json')];

export const NODE = {
	manual: 'Run Self-Audit Now',
	daily: 'Every Morning at 07:00',
	settings: 'Audit Settings',
	inquiries: 'Synthetic Inquiries',
	split: 'One Post per Entry',
	prepare: 'Prepare Post',
	sign: 'Sign Like Twilio',
	signedOnly: 'Skip Entries Not Signed',
	post: 'Post to Entry Webhook',
	wait: 'Give the Entries Time to Finish',
	read: 'Read Each Ledger Row',
	summarize: 'Summarize Period',
	match: 'Match Answers to Ledger Rows',
	notices: 'Read Latest Owner Notifications',
	workflows: 'Read Workflows',
	setup: 'Check Setup',
	verdict: 'Checklist Verdict',
	record: 'Record Audit Result',
};

const settings = (field) => `$('${NODE.settings}').first().json.${field}`;

/** The synthetic inquiries as the JSON text of a Set node, with n8n expressions for ids and times. */
function inquiriesJson() {
	const replacements = {
		[TOKEN.run]: `{{ ${settings('runId')} }}`,
		[TOKEN.nowIso]: '{{ $now.toUTC().toISO() }}',
		[TOKEN.nowUnix]: '{{ Math.floor($now.toSeconds()) }}',
		[TOKEN.nowRfc2822]: '{{ $now.toRFC2822() }}',
		[TOKEN.tomorrowIso]:
			'{{ $now.plus({ days: 1 }).set({ hour: 10, minute: 0, second: 0 }).toUTC().toISO() }}',
	};
	let text = JSON.stringify({ inquiries: SYNTHETIC_INQUIRIES }, null, 2);
	for (const [token, code] of Object.entries(replacements)) text = text.split(token).join(code);
	return `=${text}`;
}

/** Which checks passed for one posted entry, from the ledger row its inquiry left. */
const ENTRIES = `$('${NODE.signedOnly}').all().map((post, index) => {
	const answer = $('${NODE.post}').all()[index]?.json ?? {};
	const inquiryId = answer.body?.inquiryId ?? "";
	const row = $('${NODE.read}').all().map((item) => item.json).find((found) => inquiryId !== "" && found.inquiryId === inquiryId);
	const asked = post.json.contextMayAsk && row?.contextOutcome === "needs_context";
	return {
		entry: post.json.entry,
		template: post.json.template,
		answered: answer.statusCode ?? answer.error?.message ?? "no answer",
		inquiryId,
		score: row?.score ?? null,
		checks: {
			entry: row?.entryCheck === "pass",
			transfer: row?.transferCheck === "pass",
			context: row?.contextCheck === "pass" || asked === true,
			trigger: row?.triggerCheck === "pass",
			// Nobody is told of a synthetic inquiry, so nobody claims it: a verified handoff is as far as
			// it can get. Whether owners are really told is the setup check's Visibility (delivery receipts).
			visibility: row?.visibilityCheck === "pass" || row?.handoffStatus === "verified",
		},
	};
})`;

const SKIPPED = `$('${NODE.split}').all().map((item) => item.json.entry).filter((entry) => !$('${NODE.signedOnly}').all().some((post) => post.json.entry === entry))`;

const MATCHED = `$('${NODE.match}').first().json`;
/** What Check Setup found; Visibility also needs owner notifications really delivered. */
const AUDIT = '$json.setupAudit';

/** Each checklist stage: how many of the posted entries passed it (and, for Visibility, whether owners are really told). */
const STAGES = `["entry", "transfer", "context", "trigger", "visibility"].map((stage) => ({ stage, passed: ${MATCHED}.entries.filter((entry) => entry.checks[stage]).length, of: ${MATCHED}.entries.length, ok: ${MATCHED}.entries.length > 0 && ${MATCHED}.entries.every((entry) => entry.checks[stage]) && (stage !== "visibility" || ${AUDIT}.visibility.passed) }))`;
const ALL_PASS = `${STAGES}.every((stage) => stage.ok) && ${AUDIT}.passed`;

const REPORT = `[
	"Continuity self-audit " + ${settings('runId')} + ": " + (${ALL_PASS} ? "PASS" : "FAIL"),
	...${STAGES}.map((stage) => stage.stage.charAt(0).toUpperCase() + stage.stage.slice(1) + ": " + (stage.ok ? "pass" : "FAIL") + " (" + stage.passed + " of " + stage.of + ")" + (stage.stage === "visibility" ? "; " + ${AUDIT}.visibility.why : "")),
	"Setup: " + (${AUDIT}.passed ? "pass" : "FAIL (" + ${AUDIT}.problems.length + " to fix)"),
	...${AUDIT}.problems.map((problem) => "- FAIL " + problem.where + " " + problem.problem + ". Fix: " + problem.fix),
	"",
	...${MATCHED}.entries.map((entry) => "- " + entry.entry + ": answered " + entry.answered + (entry.score === null ? ", no ledger row" : ", score " + entry.score + "/5")),
	...${MATCHED}.skipped.map((entry) => "- " + entry + ": skipped (its webhook checks a signature; see Sign Like Twilio)"),
	"",
	${MATCHED}.text ?? "",
].join("\\n")`;

/** What each posted entry did, as Check Setup reads it. */
const ENTRY_FACTS = `${MATCHED}.entries.map((entry) => ({ entry: entry.entry, template: entry.template, answered: entry.answered, onLedger: entry.score !== null }))`;

export function build() {
	const b = new TemplateBuilder('Inquiry continuity: self-audit of every entry', {
		tags: ['inquiry-continuity'],
	});
	overview(b, {
		closes:
			'Not knowing whether the setup still works after a change, until a real customer falls through.',
		how: [
			'**Synthetic Inquiries** holds one made-up inquiry per entry template (web form webhook, missed call, chat, booking, ad lead), plainly marked: named "Self Audit", .invalid addresses, "[self-audit]" in the message, and the hub\'s test mark.',
			'**Post to Entry Webhook** sends each to your live entry webhooks. The hub takes them down its test path: their records go to *inquiry_test_records*, nobody is told, and no round-robin turn is used.',
			'**Read Each Ledger Row** fetches the ledger row of each inquiry the webhooks answered with; **Checklist Verdict** says pass or FAIL for each stage of the checklist: Entry, Transfer, Context, Trigger, Visibility.',
			'**Check Setup** reads *inquiry_settings*, *inquiry_team* and the latest owner notifications, and lists every setup problem with its fix: placeholders, an empty team, no sender, an entry not linked to the hub, owner notifications not delivered.',
			'The result goes to managerEmail: its row in *inquiry_notifications* is handed to the Inquiry Outbox, which sends it and writes the receipt. Re-run it after every change.',
		],
		setup: [
			'Nothing to edit here: the audit reads *inquiry_settings* and *inquiry_team* like the hub. Import and publish the hub and the entry templates (01b, 02, 03, 04, 05) first.',
			'Run it through its own webhook (publish, then open …/webhook/inquiry-self-audit): it then posts to the same n8n. Run by hand or by schedule, it posts to *baseUrl* in **Audit Settings** (http://127.0.0.1:5678/webhook/ unless you change it).',
			"Missed calls are signed: to include them, give **Sign Like Twilio** a Crypto credential whose HMAC secret is the secret in the missed-call template's credential, and turn it on. Without it that entry is skipped and the report says so.",
			'To also check every workflow for send steps without a credential and entries not linked to the hub, give **Read Workflows** an n8n API credential and turn it on.',
		],
	});

	b.node(NODE.manual, 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0.8]);
	b.node(
		NODE.daily,
		'n8n-nodes-base.scheduleTrigger',
		1.2,
		{ rule: { interval: [{ field: 'days', triggerAtHour: 7 }] } },
		[0, 1.8],
		{
			disabled: true,
			notes:
				"Turn on and publish to run the audit every morning. Its synthetic inquiries take the hub's test path: no record among real ones, nobody told, no turn used.",
		},
	);
	// Run through its webhook, the audit posts to the n8n that answered it (WEBHOOK_URL behind a proxy).
	setFields(b, NODE.settings, [1, 1], {
		baseUrl: [
			'string',
			'$json.webhookUrl ? $json.webhookUrl.replace(/inquiry-self-audit\\/?$/, "") : "http://127.0.0.1:5678/webhook/"',
		],
		signedUrlForMissedCall: ['string', literal('')],
		waitSeconds: ['number', literal(10)],
		runId: ['string', '"audit-" + $now.toUTC().toFormat("yyyyLLdd-HHmmss")'],
	});
	b.connect(NODE.manual, NODE.settings);
	b.connect(NODE.daily, NODE.settings);
	// Published, the audit also runs on request and answers with its report (the last node's row).
	b.node(
		'Run Audit on Request',
		'n8n-nodes-base.webhook',
		2.1,
		{
			httpMethod: 'GET',
			path: 'inquiry-self-audit',
			responseMode: 'lastNode',
			responseData: 'firstEntryJson',
			options: {},
		},
		[0, -0.2],
		{ webhookId: 'inquiry-self-audit' },
	);
	b.connect('Run Audit on Request', NODE.settings);
	readBusinessSetup(b, NODE.settings, [2, 1]);

	const c = 3; // the columns the business setup takes
	b.node(
		NODE.inquiries,
		'n8n-nodes-base.set',
		3.4,
		{ mode: 'raw', jsonOutput: inquiriesJson(), options: {} },
		[2 + c, 1],
	);
	b.connect(SETUP_NODE, NODE.inquiries);
	b.node(NODE.split, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'inquiries', options: {} }, [
		3 + c,
		1,
	]);
	b.connect(NODE.inquiries, NODE.split);
	setFields(
		b,
		NODE.prepare,
		[4 + c, 1],
		{
			url: ['string', `${settings('baseUrl')} + $json.path`],
			rawBody: [
				'string',
				'$json.contentType === "application/json" ? JSON.stringify($json.body) : Object.keys($json.body).map((key) => encodeURIComponent(key) + "=" + encodeURIComponent($json.body[key])).join("&")',
			],
			// Twilio signs the URL it calls followed by each parameter's name and value, sorted by name.
			signingString: [
				'string',
				`$json.signed ? (${settings('signedUrlForMissedCall')} || ${settings('baseUrl')} + $json.path) + Object.keys($json.body).sort().map((key) => key + $json.body[key]).join("") : ""`,
			],
		},
		{ keepOthers: true },
	);
	b.connect(NODE.split, NODE.prepare);

	b.node(
		NODE.sign,
		'n8n-nodes-base.crypto',
		2,
		{
			action: 'hmac',
			type: 'SHA1',
			value: expr('$json.signingString'),
			dataPropertyName: 'signature',
			encoding: 'base64',
		},
		[5 + c, 1],
		{
			disabled: true,
			notes:
				"Turn on with a Crypto credential (HMAC secret = the missed-call template's signing secret, e.g. your Twilio Auth Token) to include the missed-call entry.",
		},
	);
	b.connect(NODE.prepare, NODE.sign);
	b.node(
		NODE.signedOnly,
		'n8n-nodes-base.filter',
		2.2,
		{
			conditions: conditions([
				condition(expr('!$json.signed || Boolean($json.signature)'), {
					type: 'boolean',
					operation: 'true',
					singleValue: true,
				}),
			]),
			options: {},
		},
		[6 + c, 1],
	);
	b.connect(NODE.sign, NODE.signedOnly);

	b.node(
		NODE.post,
		'n8n-nodes-base.httpRequest',
		4.2,
		{
			method: 'POST',
			url: expr('$json.url'),
			sendHeaders: true,
			specifyHeaders: 'json',
			jsonHeaders: expr(
				'JSON.stringify($json.signed ? { "X-Twilio-Signature": $json.signature } : {})',
			),
			sendBody: true,
			contentType: 'raw',
			rawContentType: expr('$json.contentType'),
			body: expr('$json.rawBody'),
			options: { response: { response: { fullResponse: true, neverError: true } } },
		},
		[7 + c, 1],
		{ onError: 'continueRegularOutput' },
	);
	b.connect(NODE.signedOnly, NODE.post);
	b.node(
		NODE.wait,
		'n8n-nodes-base.wait',
		1.1,
		{ amount: expr(settings('waitSeconds')), unit: 'seconds' },
		[8 + c, 1],
	);
	b.connect(NODE.post, NODE.wait);
	b.node(
		NODE.read,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table('inquiry_ledger'),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{ keyName: 'inquiryId', condition: 'eq', keyValue: expr('$json.body?.inquiryId ?? ""') },
				],
			},
			limit: 1,
		},
		[9 + c, 1],
		{ alwaysOutputData: true },
	);
	b.connect(NODE.wait, NODE.read);
	// The scratch records were only there to be verified: the audit leaves nothing behind in them.
	b.node(
		'Clear Test Records',
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'deleteRows',
			dataTableId: table(RECORDS.test),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{ keyName: 'inquiryId', condition: 'eq', keyValue: expr('$json.body?.inquiryId ?? ""') },
				],
			},
			options: {},
		},
		[9 + c, 2.3],
		{ alwaysOutputData: true },
	);
	b.connect(NODE.wait, 'Clear Test Records');
	// Its ledger rows too, once read: no sweep, ladder, report or repeat contact ever meets them.
	b.node(
		'Clear Test Ledger Rows',
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'deleteRows',
			dataTableId: table('inquiry_ledger'),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{ keyName: 'inquiryId', condition: 'eq', keyValue: expr('$json.inquiryId ?? ""') },
				],
			},
			options: {},
		},
		[10 + c, 2.3],
		{ alwaysOutputData: true },
	);
	b.connect(NODE.read, 'Clear Test Ledger Rows');
	scorecard(
		b,
		NODE.summarize,
		'summarizePeriod',
		{
			reportTitle: 'Continuity self-audit',
			businessName: expr(setting('businessName')),
			reportTimezone: expr(TIME_ZONE),
		},
		[10 + c, 1],
		{ onError: 'continueRegularOutput' },
	);
	b.connect(NODE.read, NODE.summarize);

	setFields(
		b,
		NODE.match,
		[11 + c, 1],
		{ entries: ['array', ENTRIES], skipped: ['array', SKIPPED] },
		{ keepOthers: true },
	);
	b.connect(NODE.summarize, NODE.match);
	checkSetup(b, [12 + c, 1]);
	setFields(
		b,
		NODE.verdict,
		[15 + c, 1],
		{
			passed: ['boolean', ALL_PASS],
			stages: ['array', STAGES],
			entries: ['array', `${MATCHED}.entries`],
			skipped: ['array', `${MATCHED}.skipped`],
			report: ['string', REPORT],
		},
		{ keepOthers: true },
	);
	b.connect(NODE.setup, NODE.verdict);
	notificationRow(b, NODE.record, [16 + c, 1], {
		kind: 'self_audit',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject:
			'"Continuity self-audit: " + ($json.passed ? "every stage passes" : "some stages FAIL")',
		body: '$json.report',
		dedupeKey: `"self-audit:" + ${settings('runId')}`,
		inquiryId: '""',
	});
	b.connect(NODE.verdict, NODE.record);
	// Sent like every other message: the Outbox delivers the row and writes its receipt.
	deliverEveryRow(b, [16 + c, 2.3]);

	b.note(
		'Synthetic, and marked as such',
		[
			"Each inquiry follows a real vendor's shape (Typeform, Twilio, Intercom, Calendly, Google Ads) with ids new for every run, so no entry mistakes it for a replay.",
			'',
			"They go through your real entries and the hub, with the hub's test mark (*inquiryContinuityTest*): the record is saved and verified in **inquiry_test_records**, the owner is chosen from the shared memory without writing it back, and nobody is told or asked. Once their ledger rows are read, the audit clears them and the scratch records: nothing is left among real work.",
		].join('\n'),
		[4.6, 2.3],
		{ width: 3.4, height: 2.2 },
	);
	b.note(
		'Signed webhooks',
		[
			"The missed-call entry checks Twilio's signature: **Sign Like Twilio** computes it (HMAC-SHA1 of the URL and the sorted parameters) with the secret from its Crypto credential. Set *signedUrlForMissedCall* in Audit Settings when the missed-call credential has a *Public URL*.",
			'',
			'Other entries are posted unsigned: if you turned on **Check Signature** there, they answer 401 and the audit shows it.',
		].join('\n'),
		[4.7 + c, -1.6],
		{ width: 3.2, height: 2.1 },
	);
	b.note(
		'The verdict',
		[
			'A stage passes when every posted inquiry passed it. For the missed call and the chat, which cannot say which service or where, a follow-up question counts as a working Context stage.',
			'',
			'Visibility also needs the latest owner notifications really delivered (status *sent*). Setup lists each problem left to fix. *waitSeconds* (Audit Settings) is how long the entries get to finish before their ledger rows are read.',
		].join('\n'),
		[9.6 + c, -1.6],
		{ width: 3.6, height: 2.3 },
	);
	return b;
}

/**
 * The latest owner notifications (their delivery receipts), the workflows when an n8n API
 * credential is given, and Check Setup over them with the business setup and what each entry did.
 */
function checkSetup(b, [column, row]) {
	b.node(
		NODE.notices,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table('inquiry_notifications'),
			matchType: 'allConditions',
			filters: { conditions: [{ keyName: 'kind', condition: 'eq', keyValue: 'owner_assigned' }] },
			limit: 20,
			orderBy: true,
			orderByColumn: 'id',
			orderByDirection: 'DESC',
		},
		[column, row],
		{ executeOnce: true, alwaysOutputData: true },
	);
	b.connect(NODE.match, NODE.notices);
	b.node(
		NODE.workflows,
		'n8n-nodes-base.n8n',
		1,
		{ resource: 'workflow', operation: 'getAll', returnAll: true, filters: {}, requestOptions: {} },
		[column + 1, row],
		{
			disabled: true,
			executeOnce: true,
			notes:
				'Turn on with an n8n API credential (Settings → n8n API) to check every workflow for send steps without a credential and entries not linked to the hub.',
		},
	);
	b.connect(NODE.notices, NODE.workflows);
	scorecard(
		b,
		NODE.setup,
		'checkSetup',
		{
			setup: expr(`$('${SETUP_NODE}').first().json`),
			entries: expr(ENTRY_FACTS),
			ownerNotices: expr(
				`$('${NODE.notices}').all().map((item) => item.json).filter((row) => row.kind === "owner_assigned")`,
			),
			// Switched off, Read Workflows passes the notification rows through: only workflows have nodes.
			workflows: expr(
				`$('${NODE.workflows}').all().map((item) => item.json).filter((found) => Array.isArray(found.nodes))`,
			),
		},
		[column + 2, row],
	);
	b.connect(NODE.workflows, NODE.setup);
}
