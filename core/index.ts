/**
 * The pure core of n8n-nodes-inquiry-continuity: zod schemas and functions with no n8n import.
 * Usable from scripts and tests: `require('n8n-nodes-inquiry-continuity')`.
 */
// --- shared ---
export * from './shared/errors';
export { appendTrail } from './shared/trail';
// --- entry (core/inquiry) ---
export * from './inquiry/schema';
export { readInquiry } from './inquiry/read';
export { normalizeInquiry, parsePayload } from './inquiry/normalizeInquiry';
export type { NormalizeOptions, SourceMode } from './inquiry/normalizeInquiry';
export { INVALID_HINTS, INVALID_REASONS } from './inquiry/normalize';
export type { BuildResult, InvalidReason } from './inquiry/normalize';
export { detectPreset, findPreset, SOURCE_PRESETS } from './inquiry/sources';
export type { InquiryDraft, SourcePreset } from './inquiry/draft';
export { receiveInquiry, Rejection } from './inquiry/receive/receiveInquiry';
export type { ReceiveOptions, ReceiveResult, SignatureCheck } from './inquiry/receive/receiveInquiry';
export { readDelivery, signedUrl, PAYLOAD_SOURCES } from './inquiry/receive/delivery';
export type { Delivery, PayloadSource } from './inquiry/receive/delivery';
export { customDraftFrom, CUSTOM_FIELDS } from './inquiry/receive/customDraft';
export { CustomMapping, CustomMappingRow, customMappingToDraft } from './inquiry/customMapping';
export { genericPreset } from './inquiry/generic';
export { matchFieldLabel, LABEL_FIELDS } from './inquiry/labels';
export type { LabelField } from './inquiry/labels';
export { detectScheme, SIGNATURE_SCHEME_INFO, verifySignature } from './inquiry/signatures/verifySignature';
export { checkSecretShape } from './inquiry/signatures/secret';
export * from './inquiry/signatures/types';
// --- context (core/context) ---
export * from './context/fields';
export * from './context/profile';
export * from './context/result';
export { BUILT_IN_PROFILE_LABELS, BUILT_IN_PROFILE_NAMES, BUILT_IN_PROFILES, isBuiltInProfileName } from './context/builtins';
export type { BuiltInProfileName } from './context/builtins';
export { parseProfile } from './context/parseProfile';
export { ALWAYS, ANY_OF_FIELD, CONDITION_OPERATORS, resolveProfile, rowToRequirement } from './context/profileForm';
export type { ConditionOperator, ProfileChoice, RequirementRow } from './context/profileForm';
export { checkContext } from './context/checkContext';
export type { CheckContextOptions } from './context/checkContext';
export { checkInquiryContext, CONTEXT_OUTPUTS, contextOutput, trailDetail } from './context/stage';
export type { ContextOutput, ContextStageOptions, ContextStageResult } from './context/stage';
export { DEFAULT_FIELD_PHRASES, DEFAULT_GREETING, FollowUpWording, SHORT_FIELD_PHRASES } from './context/wording';
export type { FollowUpWordingInput } from './context/wording';
export { fitsOneSms, SMS_LIMITS, smsSize } from './context/sms';
export type { SmsEncoding, SmsSize } from './context/sms';
// --- ownership (core/ownership) ---
export { assignOwner, AssignmentSession, withAssignment } from './ownership/assignOwner';
export type { AssignOptions } from './ownership/assignOwner';
export * from './ownership/config';
export * from './ownership/result';
export { BusinessCalendar, DateRange, Owner, Roster, Team, TimeBlock, WeeklyHours } from './ownership/roster';
export { readRoster } from './ownership/rosterRows';
export { readOpenLoad } from './ownership/load';
export type { OpenLoad } from './ownership/load';
export { parseDateList, parseDateRanges, parseHoursText } from './ownership/hoursText';
export { addBusinessMinutes, compileCalendar } from './ownership/clock';
export { compileAssignConfig } from './ownership/compile';
export type { CompiledAssignConfig } from './ownership/compile';
export { EXCLUSION_CODES } from './ownership/eligibility';
export type { ExclusionCode } from './ownership/eligibility';
export { emptyRoutingState, readRoutingState, RoutingState } from './ownership/state';
// --- handoff (core/handoff) ---
export * from './handoff/receipt';
export { COMPARATORS, Comparator, compareField, DEFAULT_MIN_KEPT } from './handoff/comparators';
export type { FieldVerdict } from './handoff/comparators';
export { compileMappings, DEFAULT_FIELDS, DEFAULT_MAPPINGS, defaultMappings, FieldMapping } from './handoff/mapping';
export type { CompiledField, DefaultField } from './handoff/mapping';
export { parsePath, readPath } from './handoff/paths';
export type { FieldPath } from './handoff/paths';
export { compareFields, verifyHandoff } from './handoff/verifyHandoff';
export type { FieldComparison, VerifyHandoffOptions } from './handoff/verifyHandoff';
export { handoffAlert } from './handoff/alert';
export { HANDOFF_OUTPUTS, handoffOutput, verifyInquiryHandoff, withHandoff } from './handoff/stage';
export type { HandoffOutput, HandoffStageResult } from './handoff/stage';
export { fillUrlTemplate, joinUrl, parseUrlTemplate, readBack, MAX_ATTEMPTS, MAX_RETRY_DELAY_MS } from './handoff/readBack';
export type { ReadBackIo, ReadBackPlan, ReadBackReply, ReadBackResult } from './handoff/readBack';
export { attemptOutcome, pickRecord, readHandedRecord, readRecordId, unwrapResponse } from './handoff/response';
export type { HandedRecord } from './handoff/response';
export { readInquiryParameter } from './handoff/inquiryInput';
// --- scorecard (core/scorecard) ---
export * from './scorecard/checks';
export { SCORE_LABELS, SCORES, Score, scoreChecks } from './scorecard/score';
export { InquiryScorecard, scoreInquiry, withScorecard } from './scorecard/scoreInquiry';
export { isInquiryItem, LEDGER_COLUMNS, LedgerRow, readLedgerRow, readScorecardItem, rowChecks, toLedgerRow } from './scorecard/ledger';
export { checkPeriod, PeriodSummary, summarizePeriod, TIME_TO_OWNER_BUCKETS } from './scorecard/summary';
export type { PeriodOptions } from './scorecard/summary';
export { periodLabel, textSummary } from './scorecard/format';
export type { ReportOptions } from './scorecard/format';
export { renderHtmlReport } from './scorecard/html';
export { periodReport } from './scorecard/report';
export type { PeriodReport } from './scorecard/report';
export { readPeriodEnd, readReportTimezone, sweepSettingsFromParameters } from './scorecard/parameters';
export type { SweepParameters } from './scorecard/parameters';
export { escapeHtml } from './scorecard/charts';
export * from './scorecard/sweep';
export { sweepItem } from './scorecard/sweepItem';
// --- loop (core/loop) ---
export { LINK_ACTIONS, REFUSAL_REASONS, signLink, verifyLink } from './loop/token';
export type { LinkAction, LinkCheck, LinkClaims, RefusalReason } from './loop/token';
export { readClick } from './loop/click';
export type { ClickOutcome } from './loop/click';
export { ownerNotice } from './loop/notice';
export type { NoticeSettings, OwnerNotice } from './loop/notice';
export { answerPage, PAGE_KINDS } from './loop/pages';
export type { AnswerPage, PageKind } from './loop/pages';
export { LADDER_STEPS, ladderSteps, readLadderRow } from './loop/ladder';
export type { DueStep, LadderResult, LadderRow, LadderSettings } from './loop/ladder';
export { inquiryClocks } from './loop/clocks';
export type { ClockTimes, InquiryClocks } from './loop/clocks';
