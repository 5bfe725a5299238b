import fc from 'fast-check';
import type { SourcePreset } from '../../draft';

/**
 * Feeds presets generated payloads built from the keys they read (plus prototype-pollution keys),
 * nested and mixed with anything: detect, extract and split must never throw.
 */
export function expectPresetsSurviveAnything(
	presets: readonly SourcePreset[],
	keysTheyRead: string[],
	numRuns = 400,
): void {
	const keys = fc.constantFrom(...keysTheyRead, '__proto__', 'constructor');
	const nested = fc.letrec((tie) => ({
		node: fc.oneof(
			{ depthSize: 'small' },
			fc.anything(),
			fc.array(tie('node'), { maxLength: 3 }),
			fc.dictionary(keys, tie('node'), { maxKeys: 4 }),
		),
	}));
	fc.assert(
		fc.property(fc.dictionary(keys, nested.node), (payload) => {
			for (const preset of presets) {
				preset.detect(payload);
				preset.extract(payload);
				preset.split?.(payload);
			}
		}),
		{ numRuns },
	);
}

/** A 1 MB string, for payloads that are merely huge. */
export const HUGE = 'x'.repeat(1024 * 1024);

export function expectPresetsSurviveHuge(
	presets: readonly SourcePreset[],
	payload: Record<string, unknown>,
): void {
	for (const preset of presets)
		expect(() => [preset.extract(payload), preset.split?.(payload)]).not.toThrow();
}
