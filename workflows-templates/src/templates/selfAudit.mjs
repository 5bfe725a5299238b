// 8. Continuity self-audit: synthetic inquiries through the live entry webhooks, then the article's
// checklist, stage by stage, from the ledger rows they left.
import { expr, table, TemplateBuilder } from '../lib.mjs';
import { overview } from '../notes.mjs';
import { BUSINESS, notificationRow } from '../sections.mjs';
import {
	condition,
	conditions,
	literal,
	MANAGER,
	scorecard,
	sendEmail,
	setFields,
} from '../scorecardSections.mjs';
import { SYNTHETIC_INQUIRIES, TOKEN } from '../selfAuditInquiries.mjs';

export const file = '08-continuity-self-audit.json';

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
	verdict: 'Checklist Verdict',
	record: 'Record Audit Result',
	email: 'Email the Result',
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
			visibility: row?.visibilityCheck === "pass",
		},
	};
})`;

const SKIPPED = `$('${NODE.split}').all().map((item) => item.json.entry).filter((entry) => !$('${NODE.signedOnly}').all().some((post) => post.json.entry === entry))`;

/** Each checklist stage: how many of the posted entries passed it. */
const STAGES =
	'["entry", "transfer", "context", "trigger", "visibility"].map((stage) => ({ stage, passed: $json.entries.filter((entry) => entry.checks[stage]).length, of: $json.entries.length }))';
const ALL_PASS = `${STAGES}.every((stage) => stage.of > 0 && stage.passed === stage.of)`;

const REPORT = `[
	"Continuity self-audit " + ${settings('runId')} + ": " + (${ALL_PASS} ? "PASS" : "FAIL"),
	...${STAGES}.map((stage) => stage.stage.charAt(0).toUpperCase() + stage.stage.slice(1) + ": " + (stage.of > 0 && stage.passed === stage.of ? "pass" : "FAIL") + " (" + stage.passed + " of " + stage.of + ")"),
	"",
	...$json.entries.map((entry) => "- " + entry.entry + ": answered " + entry.answered + (entry.score === null ? ", no ledger row" : ", score " + entry.score + "/5")),
	...$json.skipped.map((entry) => "- " + entry + ": skipped (its webhook checks a signature; see Sign Like Twilio)"),
	"",
	$json.text ?? "",
].join("\\n")`;

export function build() {
	const b = new TemplateBuilder('Inquiry continuity: self-audit of every entry', {
		tags: ['inquiry-continuity'],
	});
	overview(b, {
		closes:
			'Not knowing whether the setup still works after a change, until a real customer falls through.',
		how: [
			'**Synthetic Inquiries** holds one made-up inquiry per entry template (web form webhook, missed call, chat, booking, ad lead), plainly marked: named "Self Audit", example.com addresses, "[self-audit]" in the message.',
			'**Post to Entry Webhook** sends each to your live entry webhooks, then waits a few seconds for the entries to finish.',
			'**Read Each Ledger Row** fetches the ledger row of each inquiry the webhooks answered with; **Summarize Period** scores them, and **Checklist Verdict** says pass or FAIL for each stage of the checklist: Entry, Transfer, Context, Trigger, Visibility.',
			'The result is recorded in *inquiry_notifications*. Re-run it after every change.',
		],
		setup: [
			'Import and publish the entry templates (01b, 02, 03, 04, 05) first.',
			"In **Audit Settings**, set *baseUrl* to your n8n's production webhook address (ending in /webhook/) and *reportTo* to your e-mail.",
			"Missed calls are signed: to include them, give **Sign Like Twilio** a Crypto credential whose HMAC secret is the secret in the missed-call template's credential, and turn it on. Without it that entry is skipped and the report says so.",
			'Press **Execute workflow**, or publish and open …/webhook/inquiry-self-audit (e.g. with curl) to run it and get the report back. To audit every morning, turn on **Every Morning at 07:00**.',
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
				'Turn on and publish to run the audit every morning. Its synthetic inquiries reach your owners like real ones (marked [self-audit]).',
		},
	);
	setFields(b, NODE.settings, [1, 1], {
		baseUrl: ['string', literal('http://127.0.0.1:5678/webhook/')],
		signedUrlForMissedCall: ['string', literal('')],
		waitSeconds: ['number', literal(10)],
		reportTo: ['string', literal(MANAGER)],
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

	b.node(
		NODE.inquiries,
		'n8n-nodes-base.set',
		3.4,
		{ mode: 'raw', jsonOutput: inquiriesJson(), options: {} },
		[2, 1],
	);
	b.connect(NODE.settings, NODE.inquiries);
	b.node(
		NODE.split,
		'n8n-nodes-base.splitOut',
		1,
		{ fieldToSplitOut: 'inquiries', options: {} },
		[3, 1],
	);
	b.connect(NODE.inquiries, NODE.split);
	setFields(
		b,
		NODE.prepare,
		[4, 1],
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
		[5, 1],
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
		[6, 1],
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
		[7, 1],
		{ onError: 'continueRegularOutput' },
	);
	b.connect(NODE.signedOnly, NODE.post);
	b.node(
		NODE.wait,
		'n8n-nodes-base.wait',
		1.1,
		{ amount: expr(settings('waitSeconds')), unit: 'seconds' },
		[8, 1],
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
		[9, 1],
		{ alwaysOutputData: true },
	);
	b.connect(NODE.wait, NODE.read);
	scorecard(
		b,
		NODE.summarize,
		'summarizePeriod',
		{
			reportTitle: 'Continuity self-audit',
			businessName: BUSINESS.name,
			reportTimezone: BUSINESS.timezone,
		},
		[10, 1],
		{ onError: 'continueRegularOutput' },
	);
	b.connect(NODE.read, NODE.summarize);

	setFields(
		b,
		NODE.match,
		[11, 1],
		{ entries: ['array', ENTRIES], skipped: ['array', SKIPPED] },
		{ keepOthers: true },
	);
	b.connect(NODE.summarize, NODE.match);
	setFields(
		b,
		NODE.verdict,
		[12, 1],
		{ passed: ['boolean', ALL_PASS], stages: ['array', STAGES], report: ['string', REPORT] },
		{ keepOthers: true },
	);
	b.connect(NODE.match, NODE.verdict);
	notificationRow(b, NODE.record, [13, 1], {
		kind: 'self_audit',
		channel: 'email',
		recipient: settings('reportTo'),
		subject:
			'"Continuity self-audit: " + ($json.passed ? "every stage passes" : "some stages FAIL")',
		body: '$json.report',
		dedupeKey: `"self-audit:" + ${settings('runId')}`,
		inquiryId: '""',
	});
	b.connect(NODE.verdict, NODE.record);
	sendEmail(b, NODE.email, [13, 2.3], {
		to: expr(settings('reportTo')),
		subject: '$json.subject',
		text: '$json.body',
	});
	b.connect(NODE.record, NODE.email);

	b.note(
		'Synthetic, and marked as such',
		[
			"Each inquiry follows a real vendor's shape (Typeform, Twilio, Intercom, Calendly, Google Ads) with ids new for every run, so no entry mistakes it for a replay.",
			'',
			'They go through your real entries: they get an owner, a record and an owner notification like any inquiry — all marked "[self-audit]". The leak sweep and the weekly report leave them out.',
		].join('\n'),
		[1.6, 2.3],
		{ width: 3, height: 1.8 },
	);
	b.note(
		'Signed webhooks',
		[
			"The missed-call entry checks Twilio's signature: **Sign Like Twilio** computes it (HMAC-SHA1 of the URL and the sorted parameters) with the secret from its Crypto credential. Set *signedUrlForMissedCall* in Audit Settings when the missed-call credential has a *Public URL*.",
			'',
			'Other entries are posted unsigned: if you turned on **Check Signature** there, they answer 401 and the audit shows it.',
		].join('\n'),
		[4.7, -1.6],
		{ width: 3.2, height: 2.1 },
	);
	b.note(
		'The verdict',
		[
			'A stage passes when every posted inquiry passed it. For the missed call and the chat, which cannot say which service or where, a follow-up question counts as a working Context stage.',
			'',
			'*waitSeconds* (Audit Settings) is how long the entries get to finish before their ledger rows are read.',
		].join('\n'),
		[9.6, -1.6],
		{ width: 3.4, height: 2.1 },
	);
	return b;
}
