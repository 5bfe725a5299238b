import { z } from 'zod';
import { ContextField } from './fields';
import { RequirementLevel } from './profile';

export const CONTEXT_OUTCOMES = ['complete', 'needs_context', 'unreachable'] as const;
export const ContextOutcome = z.enum(CONTEXT_OUTCOMES);
export type ContextOutcome = z.infer<typeof ContextOutcome>;

export const QUALITY_CODES = [
	'phone_landline_for_sms',
	'phone_invalid',
	'email_typo',
	'email_invalid',
	'message_too_short',
	'placeholder_value',
] as const;
export const QualityCode = z.enum(QUALITY_CODES);
export type QualityCode = z.infer<typeof QualityCode>;

export const QualityIssue = z.object({
	code: QualityCode,
	field: ContextField,
	message: z.string(),
});
export type QualityIssue = z.infer<typeof QualityIssue>;

/** `field` is the requirement's key: a field name, or "address_or_postalCode" for a group (then `anyOf` lists it). */
export const MissingEntry = z.object({
	field: z.string(),
	anyOf: z.array(ContextField).optional(),
	label: z.string(),
	level: RequirementLevel,
});
export type MissingEntry = z.infer<typeof MissingEntry>;

export const PresentEntry = z.object({ field: z.string(), label: z.string() });
export type PresentEntry = z.infer<typeof PresentEntry>;

export const FOLLOW_UP_CHANNELS = ['sms', 'email', 'chat'] as const;
export const FollowUpChannel = z.enum(FOLLOW_UP_CHANNELS);
export type FollowUpChannel = z.infer<typeof FollowUpChannel>;

export const FollowUp = z.object({
	/** Requirement keys the question asks for, in the order asked. */
	fields: z.array(z.string()),
	/** The version that fits the channel the inquiry came in on (and the contact details it has). */
	preferred: FollowUpChannel,
	/** At most one SMS segment (160 GSM-7 characters, or 70 when the text needs Unicode); absent when it cannot fit. */
	sms: z.string().optional(),
	email: z.object({ subject: z.string(), body: z.string() }),
	chat: z.string(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** What Check Inquiry Context writes under `inquiry.context`. */
export const ContextResult = z.object({
	profile: z.string(),
	outcome: ContextOutcome,
	/** 0–100: the weight of the met requirements over the weight of those that apply. */
	score: z.number().int().min(0).max(100),
	complete: z.boolean(),
	missing: z.array(MissingEntry),
	present: z.array(PresentEntry),
	quality: z.array(QualityIssue),
	followUp: FollowUp.optional(),
});
export type ContextResult = z.infer<typeof ContextResult>;
