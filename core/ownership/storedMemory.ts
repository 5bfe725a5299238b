import { InquiryError } from '../shared/errors';
import type { OwnerClaim } from './claim';
import { readJsonText } from './json';
import type { RoutingState } from './state';
import { readRoutingState } from './state';

/**
 * Routing memory kept in the business's own store (a Data table row, a database row) instead of
 * workflow static data. The workflow reads the row, passes its state and version in, and writes
 * the new state back only if the row still holds the version it read (a compare-and-set); when
 * another execution got there first, it reads again and decides again. The decision itself stays
 * pure: nothing here touches the store.
 */
export interface StoredMemory {
	state: RoutingState;
	/** The stored state could not be read and routing starts fresh (the explanation says so). */
	reset: boolean;
	/** The version the state was read at; the write-back must match it. */
	basedOnVersion: number;
}

/**
 * What the node puts on each item: the state after that item's assignment and the version it was
 * based on (for a compare-and-set), and for an assigned inquiry the claim a store can take in one
 * locked statement instead (claim.ts).
 */
export interface MemoryToStore {
	basedOnVersion: number;
	state: RoutingState;
	claim?: OwnerClaim;
}

const isBlank = (value: unknown) =>
	value === undefined ||
	value === null ||
	(typeof value === 'string' && !value.trim()) ||
	(typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

/** The version number of the stored row: a whole number, 0 when the row has none yet. */
export function readMemoryVersion(value: unknown): number {
	if (value === undefined || value === null || value === '') return 0;
	const n = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isInteger(n) || n < 0)
		throw new InquiryError(
			'ROUTING_CONFIG_INVALID',
			`Routing Memory Version is ${JSON.stringify(value)}, not a whole number of 0 or more`,
		);
	return n;
}

/**
 * Reads the stored state (an object or JSON text, as a Data table keeps it). Empty means a fresh
 * memory; a value that is not a routing state starts fresh too, with `reset` so the reason says
 * so, exactly as unreadable static data does.
 */
export function readStoredMemory(stateValue: unknown, versionValue: unknown): StoredMemory {
	const basedOnVersion = readMemoryVersion(versionValue);
	if (isBlank(stateValue)) return { ...readRoutingState(undefined), basedOnVersion };
	if (typeof stateValue === 'string') {
		const parsed = readJsonText(stateValue);
		if (!parsed.ok || isBlank(parsed.value))
			return { ...readRoutingState(parsed.ok ? undefined : stateValue), basedOnVersion };
		return { ...readRoutingState(parsed.value), basedOnVersion };
	}
	return { ...readRoutingState(stateValue), basedOnVersion };
}
