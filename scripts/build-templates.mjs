// Writes every template in workflows-templates/src/templates/ as importable workflow JSON.
// `--check` writes nothing and fails when a committed JSON differs from what the source builds.
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const sources = join(root, 'workflows-templates/src/templates');
const check = process.argv.includes('--check');
const stale = [];

for (const name of readdirSync(sources)
	.filter((f) => f.endsWith('.mjs'))
	.sort()) {
	const module = await import(pathToFileURL(join(sources, name)).href);
	// A module may also build variants of its template (the same workflow on the Postgres store).
	for (const template of [module, ...(module.variants ?? [])]) write(template);
}

function write(template) {
	// A template module gives a workflow (build) or, like the Postgres store's SQL, plain text.
	const json = template.text
		? template.text()
		: `${JSON.stringify(template.build().toJSON(), null, '\t')}\n`;
	const target = join(root, 'workflows-templates', template.file);
	if (check) {
		if (!existsSync(target) || readFileSync(target, 'utf8') !== json) stale.push(template.file);
	} else {
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, json);
		console.log(`wrote workflows-templates/${template.file}`);
	}
}
if (stale.length) {
	console.error(`Out of date (run \`npm run templates\`): ${stale.join(', ')}`);
	process.exit(1);
}
