import { conversationVendors } from './conversations';
import { formVendors } from './forms';
import { phoneVendors } from './phone';
import type { VendorSpec } from './spec';

export type { BuildContext, Built, VendorSpec } from './spec';
export { PATHS } from './spec';

/** Every simulated vendor: forms, bookings, chat, ad leads, and the phone line (calls and texts). */
export const VENDORS: readonly VendorSpec[] = [
	...formVendors,
	...conversationVendors,
	...phoneVendors,
];
