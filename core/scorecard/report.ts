import type { Inquiry } from '../inquiry/schema';
import type { ReportOptions } from './format';
import { periodLabel, textSummary } from './format';
import { renderHtmlReport } from './html';
import type { ScorecardRow } from './ledger';
import type { PeriodOptions, PeriodSummary } from './summary';
import { summarizePeriod } from './summary';

export interface PeriodReport {
	/** A ready subject line for the e-mail, e.g. "Inquiry continuity, 4–10 May 2026: score 4/5". */
	subject: string;
	/** At most 300 characters, for Slack or SMS. */
	text: string;
	/** A self-contained HTML e-mail. */
	html: string;
	summary: PeriodSummary;
}

/** Everything Summarize Period returns: the figures, and the same figures for e-mail and chat. */
export function periodReport(
	items: readonly (ScorecardRow | Inquiry)[],
	options: PeriodOptions & ReportOptions,
): PeriodReport {
	const summary = summarizePeriod(items, options);
	const score = summary.score.level ? `score ${summary.score.level}/5` : 'no inquiries';
	return {
		subject: `${options.title}, ${periodLabel(summary, options.timezone)}: ${score}`,
		text: textSummary(summary, options),
		html: renderHtmlReport(summary, options),
		summary,
	};
}
