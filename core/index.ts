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
// --- context (core/context) ---
// --- ownership (core/ownership) ---
// --- handoff (core/handoff) ---
// --- scorecard (core/scorecard) ---
