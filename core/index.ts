/**
 * The public API of the pure core (`require('n8n-nodes-inquiry-continuity')`): one entry function
 * per stage, the shapes each reads and writes, and the errors. It is what scripts, the benchmarks
 * and the packaged-build checks use; every other module under core/ is internal and may change
 * in any release. Add a name here only when a caller outside the nodes needs it.
 */
// --- errors ---
export { ERROR_CATALOG, InquiryError } from './shared/errors';
export type { ErrorCode } from './shared/errors';
// --- entry (core/inquiry): the canonical record and how a delivery becomes one ---
export { Inquiry, SCHEMA_VERSION } from './inquiry/schema';
export { readInquiry } from './inquiry/read';
export { normalizeInquiry } from './inquiry/normalizeInquiry';
export type { NormalizeOptions, SourceMode } from './inquiry/normalizeInquiry';
export type { BuildResult } from './inquiry/normalize';
export { receiveInquiry } from './inquiry/receive/receiveInquiry';
export type {
	ReceiveOptions,
	ReceiveResult,
	SignatureCheck,
} from './inquiry/receive/receiveInquiry';
export { verifySignature } from './inquiry/signatures/verifySignature';
export type {
	SignatureScheme,
	SignedRequest,
	VerifyOptions,
	VerifyResult,
} from './inquiry/signatures/types';
// --- context (core/context) ---
export { BUILT_IN_PROFILES } from './context/builtins';
export { ContextProfile } from './context/profile';
export { parseProfile } from './context/parseProfile';
export { FollowUpWording } from './context/wording';
export { checkInquiryContext } from './context/stage';
export type { ContextStageOptions, ContextStageResult } from './context/stage';
// --- ownership (core/ownership) ---
export { AssignmentSession, assignOwner, withAssignment } from './ownership/assignOwner';
export type { AssignOptions } from './ownership/assignOwner';
export { AssignConfig } from './ownership/config';
export { AssignmentResult } from './ownership/result';
// --- handoff (core/handoff) ---
export { HandoffReceipt } from './handoff/receipt';
export { compileMappings, defaultMappings } from './handoff/mapping';
export { verifyInquiryHandoff } from './handoff/stage';
export type { HandoffStageResult } from './handoff/stage';
// --- scorecard (core/scorecard) ---
export { InquiryScorecard, scoreInquiry, withScorecard } from './scorecard/scoreInquiry';
export { LEDGER_COLUMNS, LedgerRow } from './scorecard/ledger';
export { periodReport } from './scorecard/report';
export type { PeriodReport } from './scorecard/report';
// --- loop (core/loop): claim links, the owner's message, the escalation ladder, the clocks ---
export { signLink, verifyLink } from './loop/token';
export type { LinkAction, LinkCheck, LinkClaims, RefusalReason } from './loop/token';
export { readClick } from './loop/click';
export type { ClickOutcome } from './loop/click';
export { ownerNotice } from './loop/notice';
export type { NoticeSettings, OwnerNotice } from './loop/notice';
export { answerPage } from './loop/pages';
export type { AnswerPage, PageKind } from './loop/pages';
export { ladderSteps } from './loop/ladder';
export type { DueStep, LadderResult, LadderRow, LadderSettings } from './loop/ladder';
export { inquiryClocks } from './scorecard/clocks';
export type { ClockTimes, InquiryClocks } from './scorecard/clocks';
