// What every entry template holds besides its trigger: Normalize Inquiry, the answer to the sender
// (webhooks), its channel's own step, and one Execute Workflow node that hands each inquiry to the
// Inquiry Continuity Hub. Unreadable and forged posts go to the hub too: it raises their alerts.
import { expr } from './lib.mjs';
import { respondReceipt } from './sections.mjs';

export const HUB = 'Inquiry Continuity Hub';
export const HUB_HTTP_CRM = 'Inquiry Continuity Hub (HTTP CRM)';
export const RUN_HUB = 'Run the Hub';

/** The steps a user takes to link an imported entry to the hub; the overview notes and the README list them. */
export const LINK_STEPS = [
	'Import the **Inquiry Continuity Hub** template first (once for all entries) and publish it.',
	'Open **Run the Hub** in this workflow and pick the hub under *Workflow* (From list).',
];

/** What the sender is told, from the item Normalize Inquiry made: forged 401, unreadable 422, else 200 with the inquiry id. */
const NORMALIZED = "$('Normalize Inquiry').item.json";
const ANSWER_CODE = `${NORMALIZED}.rejected ? 401 : (${NORMALIZED}.invalid || ${NORMALIZED}.error) ? 422 : 200`;
const ANSWER_BODY = `${NORMALIZED}.rejected ? { status: "rejected" } : (${NORMALIZED}.invalid || ${NORMALIZED}.error) ? { status: "invalid", reasons: ${NORMALIZED}.invalid?.reasons ?? [] } : { inquiryId: ${NORMALIZED}.id, status: "received" }`;

/**
 * Normalize Inquiry after `trigger` at `column`, an optional channel step, Run the Hub, and (for
 * webhooks, `respond`) the answer to the sender once the hub has run: a 2xx then means the inquiry
 * is on the ledger and has been through the chain, and a sender cut off before it retries.
 * `afterNormalize(b, from, at)` returns the node whose output goes to the hub and how many
 * columns it took.
 */
export function addEntry(
	b,
	trigger,
	column,
	{ source = 'auto', checkSignature = false, respond = false, afterNormalize, hub = HUB } = {},
) {
	const row = 1;
	b.ours(
		'Normalize Inquiry',
		'normalizeInquiry',
		{ source, defaultCountry: 'US', checkSignature },
		[column, row],
	);
	b.connect(trigger, 'Normalize Inquiry');
	// Unreadable and forged posts go to the hub too: it raises their alerts. The Rejected output
	// is wired even when a template ships with Check Signature off, so turning it on needs no rewiring.
	const branches = [
		['Normalize Inquiry', 0],
		['Normalize Inquiry', 1],
		['Normalize Inquiry', 2],
	];
	let hubColumn = column + 1;
	const extra = [];
	if (afterNormalize) {
		const step = afterNormalize(b, { node: 'Normalize Inquiry', output: 0 }, [hubColumn, row]);
		branches[0] = [step.node, step.output ?? 0];
		extra.push(...(step.alsoToHub ?? []));
		hubColumn += step.columns;
	}
	b.node(
		RUN_HUB,
		'n8n-nodes-base.executeWorkflow',
		1.3,
		{
			source: 'database',
			workflowId: { __rl: true, mode: 'list', value: '', cachedResultName: hub },
			// One hub execution per inquiry: each one reads, decides and saves the shared owner memory on its own.
			mode: 'each',
			options: { waitForSubWorkflow: true },
		},
		[hubColumn, row],
		{
			alwaysOutputData: true,
			notes: `Pick "${hub}" here after importing it. npm start links it for you.`,
		},
	);
	for (const [from, output] of [...branches, ...extra]) b.connect(from, RUN_HUB, output);
	if (respond) {
		respondReceipt(b, 'Answer the Sender', [hubColumn + 1, row], {
			code: expr(ANSWER_CODE),
			body: ANSWER_BODY,
		});
		b.connect(RUN_HUB, 'Answer the Sender');
	}
	return { hubColumn };
}
