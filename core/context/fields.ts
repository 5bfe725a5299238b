import { z } from 'zod';

/**
 * The inquiry fields a completeness profile can ask for. `contact` is the group "a valid phone
 * or a valid email"; `location` is "any of street address, city or postal code".
 */
export const CONTEXT_FIELDS = [
	'name',
	'email',
	'phone',
	'contact',
	'company',
	'message',
	'service',
	'urgency',
	'preferredTime',
	'location',
	'address',
	'city',
	'region',
	'postalCode',
	'country',
] as const;
export const ContextField = z.enum(CONTEXT_FIELDS);
export type ContextField = z.infer<typeof ContextField>;

export const FIELD_LABELS: Record<ContextField, string> = {
	name: 'Name',
	email: 'Email',
	phone: 'Phone',
	contact: 'Phone or email',
	company: 'Company',
	message: 'Message details',
	service: 'Service',
	urgency: 'Urgency',
	preferredTime: 'Preferred time',
	location: 'Location',
	address: 'Street address',
	city: 'City',
	region: 'State or region',
	postalCode: 'Postal code',
	country: 'Country',
};

/** A condition may also look at where the inquiry came from: "when channel is booking …". */
export const CONDITION_FIELDS = [...CONTEXT_FIELDS, 'channel', 'source'] as const;
export const ConditionField = z.enum(CONDITION_FIELDS);
export type ConditionField = z.infer<typeof ConditionField>;

export const CONDITION_FIELD_LABELS: Record<ConditionField, string> = {
	...FIELD_LABELS,
	channel: 'Channel',
	source: 'Source system',
};
