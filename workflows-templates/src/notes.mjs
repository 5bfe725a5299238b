// The yellow overview note every template opens with: what it closes, how it works, how to set it up.

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
