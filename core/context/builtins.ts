import type { ContextProfile, Requirement } from './profile';

export const BUILT_IN_PROFILE_NAMES = ['reachable', 'routeReady', 'quoteReady'] as const;
export type BuiltInProfileName = (typeof BUILT_IN_PROFILE_NAMES)[number];

const reachable: Requirement[] = [{ field: 'contact', weight: 40, level: 'required' }];

const routeReady: Requirement[] = [
	...reachable,
	{ field: 'service', weight: 20, level: 'required' },
	{ field: 'location', weight: 20, level: 'required' },
	// An emergency is handled by phone: an email alone is not enough to dispatch someone.
	{
		field: 'phone',
		weight: 10,
		level: 'required',
		when: { field: 'urgency', equals: 'emergency' },
	},
	{ field: 'name', weight: 10, level: 'recommended' },
];

const quoteReady: Requirement[] = [
	...routeReady,
	{ field: 'message', weight: 15, level: 'required' },
	{ field: 'preferredTime', weight: 10, level: 'required' },
];

/**
 * The three ready-made profiles; each extends the one before it.
 * - Reachable: a valid phone or email.
 * - Route-ready: reachable, plus the service wanted and where (address, city or postal code).
 * - Quote-ready: route-ready, plus message details and a preferred time.
 */
export const BUILT_IN_PROFILES: Record<BuiltInProfileName, ContextProfile> = {
	reachable: { name: 'reachable', requirements: reachable },
	routeReady: { name: 'routeReady', requirements: routeReady },
	quoteReady: { name: 'quoteReady', requirements: quoteReady },
};

export const BUILT_IN_PROFILE_LABELS: Record<BuiltInProfileName, string> = {
	reachable: 'Reachable',
	routeReady: 'Route-Ready',
	quoteReady: 'Quote-Ready',
};

export function isBuiltInProfileName(value: unknown): value is BuiltInProfileName {
	return typeof value === 'string' && (BUILT_IN_PROFILE_NAMES as readonly string[]).includes(value);
}
