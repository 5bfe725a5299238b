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
// --- context (core/context) ---
// --- ownership (core/ownership) ---
// --- handoff (core/handoff) ---
// --- scorecard (core/scorecard) ---
