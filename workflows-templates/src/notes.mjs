// The yellow overview note every template opens with: what it closes, how it works, how to set it up.
import { LINK_STEPS } from './entry.mjs';

export function overview(b, { closes, how, setup }) {
	const content = [
		`**Closes this leak:** ${closes}`,
		'',
		'### How it works',
		...how.map((line, i) => `${i + 1}. ${line}`),
		'',
		'### Setup',
		...setup.map((line, i) => `${i + 1}. ${line}`),
		'',
		'Works as imported on a self-hosted n8n: records, the ledger and notifications go to n8n Data tables until you connect your own tools.',
	].join('\n');
	return b.note('How it works', content, [-4.2, -2.2], { width: 3.8, height: 3.4, color: 1 });
}

/** The setup steps every entry template shares: your business and team in two tables, and the link to the hub. */
export const ENTRY_SETUP = [
	'Your business and team live in two Data tables, shared by every template: fill in **inquiry_settings** (business name, time zone, hours, manager e-mail) and **inquiry_team** (one row per person).',
	...LINK_STEPS,
];

/** The overview of a hub template: what it does for every entry, and where to change things. */
export function hubOverview(
	b,
	{
		record,
		swap,
		owner = '**Assign Inquiry Owner** picks the owner from one memory shared by every channel (*inquiry_owner_memory*), saved with a compare-and-set so two inquiries at the same moment never take the same turn.',
		setup = [],
	},
) {
	return overview(b, {
		closes: 'Each channel with its own copy of the rules, its own roster and its own round robin.',
		how: [
			'Every entry template (form, missed call, chat, booking, ad lead) hands its inquiries to this workflow through **Run the Hub** (Execute Workflow).',
			'It reads your **inquiry_settings** and **inquiry_team** tables. Someone whose inquiry is still open (within **repeatContactWindowHours**) joins it: the owner is told they called or wrote again, and nothing new is opened.',
			'Otherwise it writes the ledger row, checks the context and sends one follow-up question (a missed call gets one text back).',
			owner,
			record,
			'Anything that fails (unreadable, forged, unreachable, nobody free, record lost) becomes an alert row for managerEmail — never silence.',
			'Every message row (owner, follow-up, text back, alert) goes to the **Inquiry Outbox**, which sends it and writes its receipt. The owner\'s message carries "I\'ve got it", "Pass it on" and "I\'ve contacted them" links to the **Inquiry Owner Links** webhook.',
		],
		setup: [
			...setup,
			'Fill in **inquiry_settings** and **inquiry_team** (Data tables; `npm start` creates them with sample rows).',
			'Pick the **Inquiry Outbox** in *Hand to the Outbox* and your *Inquiry Link Secret API* credential in *Create Owner Message* (`npm start` does both). Channels turn on with their credentials in the Outbox: no step here is switched off.',
			'Press **Publish**. Then, in each entry template, pick this workflow in **Run the Hub**.',
			'Add your e-mail, text and Slack credentials to the send steps here and turn them on; until then each message is only a row in *inquiry_notifications*, and the self-audit (08) reports it.',
			swap,
		],
	});
}
