// What every entry template holds besides its trigger: Normalize Inquiry, the answer to the sender
// (webhooks), its channel's own step, and one Execute Workflow node that hands each inquiry to the
// Inquiry Continuity Hub. Unreadable and forged posts go to the hub too: it raises their alerts.
import { respondReceipt } from './sections.mjs';

export const HUB = 'Inquiry Continuity Hub';
export const HUB_HTTP_CRM = 'Inquiry Continuity Hub (HTTP CRM)';
export const RUN_HUB = 'Run the Hub';

/** The steps a user takes to link an imported entry to the hub; the overview notes and the README list them. */
export const LINK_STEPS = [
	'Import the **Inquiry Continuity Hub** template first (once for all entries) and publish it.',
	'Open **Run the Hub** in this workflow and pick the hub under *Workflow* (From list).',
];

/**
 * Normalize Inquiry after `trigger` at `column`, the answers to the sender when `respond`, an
 * optional channel step, then Run the Hub. `afterNormalize(b, from, at)` returns the node whose
 * output goes to the hub and how many columns it took.
 */
export function addEntry(b, trigger, column, { source = 'auto', checkSignature = false, respond = false, afterNormalize, hub = HUB } = {}) {
	const row = 1;
	b.ours('Normalize Inquiry', 'normalizeInquiry', { source, defaultCountry: 'US', checkSignature }, [column, row]);
	b.connect(trigger, 'Normalize Inquiry');
	const branches = [['Normalize Inquiry', 0], ['Normalize Inquiry', 1], ['Normalize Inquiry', 2]];
	if (respond) {
		respondReceipt(b, 'Answer: Received', [column + 1, row]);
		respondReceipt(b, 'Answer: Unreadable', [column + 1, row + 1.2], { code: 422, body: '{ status: "invalid", reasons: $json.invalid?.reasons ?? [] }' });
		// Wired even when a template ships with Check Signature off (the Rejected output appears only
		// when it is on): turning it on, as the setup notes say, then needs no rewiring.
		respondReceipt(b, 'Answer: Forbidden', [column + 1, row + 2.4], { code: 401, body: '{ status: "rejected" }' });
		['Answer: Received', 'Answer: Unreadable', 'Answer: Forbidden'].forEach((answer, output) => {
			b.connect('Normalize Inquiry', answer, output);
			branches[output] = [answer, 0];
		});
	}
	let hubColumn = column + (respond ? 2 : 1);
	const extra = [];
	if (afterNormalize) {
		const [from, fromOutput] = branches[0];
		const step = afterNormalize(b, { node: from, output: fromOutput }, [hubColumn, row]);
		branches[0] = [step.node, step.output ?? 0];
		extra.push(...(step.alsoToHub ?? []));
		hubColumn += step.columns;
	}
	b.node(RUN_HUB, 'n8n-nodes-base.executeWorkflow', 1.3, {
		source: 'database',
		workflowId: { __rl: true, mode: 'list', value: '', cachedResultName: hub },
		// One hub execution per inquiry: each one reads, decides and saves the shared owner memory on its own.
		mode: 'each',
		options: { waitForSubWorkflow: true },
	}, [hubColumn, row], { notes: `Pick "${hub}" here after importing it. npm start links it for you.` });
	for (const [from, output] of [...branches, ...extra]) b.connect(from, RUN_HUB, output);
	return { hubColumn };
}
