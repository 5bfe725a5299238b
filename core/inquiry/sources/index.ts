import type { SourcePreset } from '../draft';
import { adLeadsPresets } from './adLeads';
import { bookingsPresets } from './bookings';
import { callsPresets } from './calls';
import { chatPresets } from './chat';
import { emailPresets } from './email';
import { formsPresets } from './forms';
import { marketplacesPresets } from './marketplaces';

/**
 * Every vendor preset, in auto-detect order: the most specific shapes first, so a payload that
 * several presets could read goes to the vendor that certainly sent it.
 */
export const SOURCE_PRESETS: readonly SourcePreset[] = [
	...adLeadsPresets,
	...bookingsPresets,
	...callsPresets,
	...chatPresets,
	...emailPresets,
	...marketplacesPresets,
	...formsPresets,
];

const BY_KEY = new Map(SOURCE_PRESETS.map((preset) => [preset.key, preset]));

export function findPreset(key: string): SourcePreset | undefined {
	return BY_KEY.get(key);
}

/** The first preset that recognizes the payload, or undefined (then generic mode reads it). */
export function detectPreset(payload: Record<string, unknown>): SourcePreset | undefined {
	for (const preset of SOURCE_PRESETS) {
		if (preset.detect(payload)) return preset;
	}
	return undefined;
}
