import { existsSync, readdirSync, readFileSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';

/**
 * The pictures the docs show exist, and every template is listed in workflows-templates/README.md
 * with its canvas picture (taken by `npm run screenshots`). A new template or a renamed one fails
 * here until it is described and photographed.
 */
const ROOT = join(__dirname, '../..');
const TEMPLATES = join(ROOT, 'workflows-templates');
const DOCS = [
	'README.md',
	'workflows-templates/README.md',
	...readdirSync(join(ROOT, 'docs/nodes')).map((file) => `docs/nodes/${file}`),
];

const templateFiles = readdirSync(TEMPLATES).filter((file) => {
	if (!file.endsWith('.json')) return false;
	const json = JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')) as { nodes?: unknown };
	return Array.isArray(json.nodes);
});

/** Local images a Markdown file shows, by Markdown syntax or an <img> tag. */
function picturesIn(doc: string): string[] {
	const text = readFileSync(join(ROOT, doc), 'utf8');
	const sources = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img [^>]*src="([^"]+)"/g)].map(
		(match) => match[1] ?? match[2],
	);
	return sources
		.filter((source) => !/^https?:/.test(source))
		.map((source) => resolve(ROOT, dirname(doc), source));
}

test.each(DOCS)('every picture %s shows exists', (doc) => {
	const missing = picturesIn(doc).filter((path) => !existsSync(path));
	expect(missing).toEqual([]);
});

test('the README shows each node’s parameter panel', () => {
	const pictures = picturesIn('README.md').map((path) => basename(path));
	for (const doc of readdirSync(join(ROOT, 'docs/nodes')))
		expect(pictures).toContain(`editor-${basename(doc, '.md')}.png`);
});

test.each(templateFiles)(
	'workflows-templates/README.md describes %s with its canvas picture',
	(file) => {
		const readme = readFileSync(join(TEMPLATES, 'README.md'), 'utf8');
		const picture = `images/${basename(file, '.json')}.png`;

		expect(readme).toContain(`\`${file}\``);
		expect(readme).toContain(`](${picture})`);
		expect(existsSync(join(TEMPLATES, picture))).toBe(true);
	},
);

test("the README's first screen shows the loop: the owner's e-mail in the inbox and the report's three clocks", () => {
	const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
	// The first screen: everything before the first second-level heading.
	const firstScreen = text.slice(0, text.indexOf('\n## '));
	for (const picture of ['loop-inbox-owner-email.png', 'loop-weekly-report.png']) {
		expect(firstScreen).toContain(`src="docs/images/${picture}"`);
		expect(existsSync(join(ROOT, 'docs/images', picture))).toBe(true);
	}
});
