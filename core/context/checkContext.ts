import type { Inquiry } from '../inquiry/schema';
import type { ContextField } from './fields';
import { FIELD_LABELS } from './fields';
import { buildFollowUp } from './followUp';
import type { Inspection } from './inspect';
import { conditionValue, inspectInquiry } from './inspect';
import type { ContextProfile, Requirement, RequirementCondition } from './profile';
import { requirementKey } from './profile';
import type { ContextResult, MissingEntry, PresentEntry } from './result';
import type { FollowUpWording } from './wording';
import { DEFAULT_GREETING } from './wording';

export interface CheckContextOptions {
	/** Recommended fields count as required: missing one keeps the inquiry out of Complete. */
	treatRecommendedAsRequired?: boolean;
	/** Below this score (0–100) an inquiry needs context even when every required field is there. */
	minimumScore?: number;
	/** Shorter messages do not count as message details. */
	minMessageLength?: number;
	/** Parsed once per node run (FollowUpWording.parse), not per item. */
	wording?: FollowUpWording;
}

const DEFAULT_WORDING: FollowUpWording = {
	businessName: '',
	greeting: DEFAULT_GREETING,
	fieldPhrases: {},
};
const CONTACT_FIELDS = new Set(['contact', 'phone', 'email']);

/**
 * Is there enough context to act on this inquiry, what is missing, and the question that gets it.
 * Pure and total: any schema-valid inquiry and validated profile give a result, never an error.
 */
export function checkContext(
	inquiry: Inquiry,
	profile: ContextProfile,
	options: CheckContextOptions = {},
): ContextResult {
	const inspection = inspectInquiry(inquiry, options.minMessageLength);
	const { values } = inspection;
	const missing: MissingEntry[] = [];
	const present: PresentEntry[] = [];
	const missingIndex = new Map<string, number>();
	const presentKeys = new Set<string>();
	let metWeight = 0;
	let totalWeight = 0;

	for (const requirement of profile.requirements) {
		if (requirement.when && !conditionHolds(requirement.when, inquiry, inspection)) continue;
		const key = requirementKey(requirement);
		const level = options.treatRecommendedAsRequired ? 'required' : requirement.level;
		totalWeight += requirement.weight;
		if (isMet(requirement, values)) {
			metWeight += requirement.weight;
			if (!presentKeys.has(key)) present.push({ field: key, label: labelOf(requirement) });
			presentKeys.add(key);
			continue;
		}
		const earlier = missingIndex.get(key);
		if (earlier === undefined) {
			missingIndex.set(key, missing.length);
			const entry: MissingEntry = { field: key, label: labelOf(requirement), level };
			if (requirement.anyOf) entry.anyOf = requirement.anyOf;
			missing.push(entry);
		} else if (level === 'required') {
			missing[earlier].level = 'required';
		}
	}

	const reachable = values.contact !== undefined;
	// No way to reach the person is asked about first, even when the profile forgot it.
	if (!reachable && !missing.some((entry) => CONTACT_FIELDS.has(entry.field))) {
		missing.unshift({ field: 'contact', label: FIELD_LABELS.contact, level: 'required' });
	}
	const requiredMissing = missing.some((entry) => entry.level === 'required');
	const score =
		totalWeight > 0 ? Math.round((100 * metWeight) / totalWeight) : requiredMissing ? 0 : 100;
	const complete = reachable && !requiredMissing && score >= (options.minimumScore ?? 0);

	const result: ContextResult = {
		profile: profile.name,
		outcome: !reachable ? 'unreachable' : complete ? 'complete' : 'needs_context',
		score,
		complete,
		missing,
		present,
		quality: inspection.quality,
	};
	if (!complete) {
		// Ask for what blocks the inquiry; only when nothing required is missing, ask for the rest.
		const asked = requiredMissing ? missing.filter((entry) => entry.level === 'required') : missing;
		if (asked.length > 0) {
			result.followUp = buildFollowUp(
				asked,
				{
					channel: inquiry.channel,
					firstName: inspection.firstName,
					hasEmail: values.email !== undefined,
					hasTextablePhone: inspection.textablePhone,
				},
				options.wording ?? DEFAULT_WORDING,
			);
		}
	}
	return result;
}

function isMet(
	requirement: Requirement,
	values: Record<ContextField, string | undefined>,
): boolean {
	if (requirement.field) return values[requirement.field] !== undefined;
	return (requirement.anyOf ?? []).some((field) => values[field] !== undefined);
}

function conditionHolds(
	when: RequirementCondition,
	inquiry: Inquiry,
	inspection: Inspection,
): boolean {
	const value = conditionValue(inquiry, inspection, when.field);
	if (when.present !== undefined) return (value !== undefined) === when.present;
	if (value === undefined) return false;
	const folded = fold(value);
	if (when.equals !== undefined) return fold(when.equals) === folded;
	return (when.in ?? []).some((candidate) => fold(candidate) === folded);
}

function fold(text: string): string {
	return text.trim().toLowerCase();
}

function labelOf(requirement: Requirement): string {
	if (requirement.label) return requirement.label;
	if (requirement.field) return FIELD_LABELS[requirement.field];
	return (requirement.anyOf ?? [])
		.map((field, index) => (index === 0 ? FIELD_LABELS[field] : FIELD_LABELS[field].toLowerCase()))
		.join(' or ');
}
