import type { LedgerChange } from './decision';
import { ledgerChange } from './decision';
import type { AnswerPage, PageDetails } from './pages';
import { answerPage, DONE_PAGE, REFUSED_PAGE, UNCHANGED_PAGE } from './pages';
import type { LinkAction, LinkClaims, RefusalReason } from './token';
import { verifyLink } from './token';

/** A clicked link, read: what to change (and when), and the pages to answer with either way. */
export type ClickOutcome =
	| {
			status: 'valid';
			link: LinkClaims;
			change: LedgerChange;
			/** Answer with this when the ledger update changed a row. */
			page: AnswerPage;
			/** Answer with this when it changed nothing (a second click, or the inquiry moved on). */
			unchangedPage: AnswerPage;
	  }
	| { status: 'refused'; reason: RefusalReason; link?: LinkClaims; page: AnswerPage };

export function readClick(
	token: unknown,
	secret: string,
	now: Date,
	expected: LinkAction | undefined,
	details: PageDetails = {},
): ClickOutcome {
	const check = verifyLink(token, secret, now, expected);
	if (!check.ok)
		return {
			status: 'refused',
			reason: check.reason,
			link: check.link,
			page: answerPage(REFUSED_PAGE[check.reason], details),
		};
	const { link } = check;
	const withId = { ...details, inquiryId: link.inquiryId };
	return {
		status: 'valid',
		link,
		change: ledgerChange(link, now),
		page: answerPage(DONE_PAGE[link.action], withId),
		unchangedPage: answerPage(UNCHANGED_PAGE[link.action], withId),
	};
}
