// 0p. The Inquiry Continuity Hub on Postgres: the same chain as template 00, with records, ledger,
// notifications and owner counts in Postgres tables (postgresStore.mjs), exact under n8n's queue
// mode. Settings and team stay in their Data tables.
import { TemplateBuilder } from '../lib.mjs';
import { addHubChain } from '../chain.mjs';
import { hubOverview } from '../notes.mjs';

export const file = '00p-inquiry-continuity-hub-postgres.json';
export const HUB_POSTGRES = 'Inquiry Continuity Hub (Postgres)';

export function build() {
	const b = new TemplateBuilder(HUB_POSTGRES, { tags: ['inquiry-continuity'] });
	hubOverview(b, {
		owner:
			"**Assign Inquiry Owner** decides who may take the inquiry, in what order, why and by when; **Claim Owner** then takes the turn in Postgres in one locked transaction (*inquiry_claim_owner*): the round robin, weights, daily caps and one owner per inquiry hold across every worker of n8n's queue mode.",
		record:
			'The record is saved to the *inquiry_records* Postgres table (one row per inquiry id), read back and **verified**; the owner is told once: the notification row is claimed before anything is sent, so a replay or a retried execution never tells anyone twice.',
		swap: 'Point the entries at this hub instead of the Data table hub, not both: each keeps its own records and ledger.',
		setup: [
			"Create a **Postgres** credential (n8n's own) and pick it in every Postgres step. The first run creates the tables (workflows-templates/sql/inquiry-store-postgres.sql); nothing needs to be run by hand.",
			'Import the Outbox, owner links, ladder, report and self-audit from **workflows-templates/postgres/** (the same templates on this store) and pick **Inquiry Outbox (Postgres)** in Hand to the Outbox.',
		],
	});
	addHubChain(b, { store: 'postgres' });
	return b;
}
