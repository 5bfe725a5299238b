import type { SourcePreset } from './draft';
import { firstText } from './sources/read';

/** Generic mode: reads name, email, phone and message from an unknown JSON shape. */
export const genericPreset: SourcePreset = {
	key: 'generic',
	label: 'Generic (any JSON)',
	family: 'forms',
	detect: () => true,
	extract: (p) => ({
		channel: 'other',
		system: 'generic',
		name: { full: firstText(p, 'name') },
		email: firstText(p, 'email'),
		phone: firstText(p, 'phone'),
		message: firstText(p, 'message'),
	}),
};
