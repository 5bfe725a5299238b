// 7. Weekly continuity report: every Monday, last week's ledger → Summarize Period → a report row and an HTML email.
import { deliverEveryRow } from '../outbox.mjs';
import { expr, TemplateBuilder } from '../lib.mjs';
import { overview } from '../notes.mjs';
import { notificationRow } from '../sections.mjs';
import { readLedger, scorecard, SELF_AUDIT_NAME, setFields, where } from '../scorecardSections.mjs';
import { MANAGER_EMAIL, readBusinessSetup, setting, TIME_ZONE } from '../setup.mjs';
import { postgresVariant } from '../postgresStore.mjs';

export const file = '07-weekly-continuity-report.json';
/** The same workflow on the Postgres store (template 00p's tables). */
export const variants = [postgresVariant(build, 'postgres/07-weekly-continuity-report.json')];

export const NODE = {
	schedule: 'Every Monday at 08:00',
	period: 'Last Week',
	read: "Read Last Week's Ledger",
	summarize: 'Summarize Period',
	record: 'Record Weekly Report',
};

/**
 * Monday 00:00 of the week the trigger fired in, in the business time zone (inquiry_settings);
 * last week ends there. The trigger's own timestamp (not the clock when this node runs) fixes the week.
 */
const TICK = `$('${NODE.schedule}').first().json.timestamp`;
const weekStart = `(${TICK} ? DateTime.fromISO(${TICK}) : $now).setZone(${TIME_ZONE}).startOf('week')`;

export function build() {
	const b = new TemplateBuilder('Inquiry continuity: weekly continuity report', {
		tags: ['inquiry-continuity'],
	});
	overview(b, {
		closes:
			'Nobody knowing how many inquiries leaked last week, where, or whether it is getting better.',
		how: [
			"Every Monday at 08:00, **Read Last Week's Ledger** takes last week's inquiries (Monday to Sunday) from the continuity ledger the entry templates write.",
			"**Summarize Period** fills in the article's checklist and 1–5 scorecard for the week: counts by channel and source, the leak rate, the three clocks (to owner, to claim, to first contact: median and p90 by channel and by owner, in business hours, with the claims missed and reassigned), missed deadlines, and the stage that leaks most.",
			'The report is recorded in *inquiry_notifications* for managerEmail (subject and a short text), and **Send Email** can send the HTML version with its charts.',
		],
		setup: [
			'Nothing to edit here: the business name, time zone, business hours, holidays, managerEmail and emailFrom come from the *inquiry_settings* Data table, as for the hub.',
			'Turn on **Send Email** with your SMTP credential.',
			"The trigger fires at 08:00 in the workflow's time zone (workflow settings). Press **Publish**.",
		],
	});

	b.node(
		NODE.schedule,
		'n8n-nodes-base.scheduleTrigger',
		1.2,
		{ rule: { interval: [{ field: 'weeks', triggerAtDay: [1], triggerAtHour: 8 }] } },
		[0, 1],
	);
	const setup = readBusinessSetup(b, NODE.schedule, [1, 1]);
	setFields(b, NODE.period, [4, 1], {
		from: ['string', `${weekStart}.minus({ weeks: 1 }).toUTC().toISO()`],
		to: ['string', `${weekStart}.toUTC().toISO()`],
	});
	b.connect(setup, NODE.period);
	// The ledger keeps times as UTC ISO strings, so the week's bounds compare as text.
	readLedger(b, NODE.read, [5, 1], {
		filters: [
			where('receivedAt', 'gte', expr('$json.from')),
			where('receivedAt', 'lt', expr('$json.to')),
			where('contactName', 'neq', SELF_AUDIT_NAME),
		],
		// A quiet week still gets its report ("no inquiries"): better than no e-mail at all.
		extra: { alwaysOutputData: true },
	});
	b.connect(NODE.period, NODE.read);
	scorecard(
		b,
		NODE.summarize,
		'summarizePeriod',
		{
			periodStart: expr(`$('${NODE.period}').first().json.from`),
			periodEnd: expr(`$('${NODE.period}').first().json.to`),
			reportTitle: 'Weekly inquiry continuity',
			businessName: expr(setting('businessName')),
			reportTimezone: expr(TIME_ZONE),
			// The clocks count business minutes, on the hours the deadlines and the ladder use.
			clock: 'business',
			businessTimezone: expr(TIME_ZONE),
			businessHours: expr(`${setting('businessHours')} || "Mon-Fri 09:00-17:00"`),
			holidays: expr(setting('holidays')),
		},
		[6, 1],
		{ onError: 'continueRegularOutput' },
	);
	b.connect(NODE.read, NODE.summarize);

	notificationRow(b, NODE.record, [7, 1], {
		kind: 'report',
		channel: 'email',
		recipient: MANAGER_EMAIL,
		subject: '$json.subject',
		body: '$json.text',
		// The report e-mail itself: self-contained HTML, sent as it is by the Outbox.
		html: '$json.html',
		// Re-running the same week replaces its report instead of adding a second one.
		dedupeKey: `"report:" + $('${NODE.period}').first().json.from`,
	});
	b.connect(NODE.summarize, NODE.record);
	deliverEveryRow(b, [8, 1]);

	b.note(
		'The report',
		[
			'`summary` holds every figure; `html` is a self-contained e-mail (inline charts, no images to fetch); `text` is a short version for Slack or SMS.',
			'',
			'Inquiries from the self-audit (named "Self Audit") are left out. Want a different period? Change **Last Week**; the report covers `from` (inclusive) to `to` (exclusive).',
		].join('\n'),
		[4.6, 2.4],
		{ width: 2.4, height: 1.8 },
	);
	return b;
}
