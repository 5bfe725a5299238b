// 0. The Inquiry Continuity Hub: the one continuity chain every entry template calls.
import { TemplateBuilder } from '../lib.mjs';
import { addHubChain } from '../chain.mjs';
import { HUB } from '../entry.mjs';
import { hubOverview } from '../notes.mjs';

export const file = '00-inquiry-continuity-hub.json';

export function build() {
	const b = new TemplateBuilder(HUB, { tags: ['inquiry-continuity'] });
	hubOverview(b, {
		record:
			'The record is saved to the *inquiry_records* Data table, read back and **verified**; the owner is told who, why them and by when.',
		swap: 'To use your CRM, change **Save Record** and **Read Record Back** here: every entry gets the change at once.',
	});
	addHubChain(b);
	return b;
}
