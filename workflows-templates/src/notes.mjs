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
	return b.note('How it works', content, [-1.2, -2.4], { width: 3.6, height: 3.2, color: 4 });
}
