import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';

export interface FoundRegex {
	file: string;
	line: number;
	source: string;
	flags: string;
}

function shippedFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'test' ? [] : shippedFiles(path);
		return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
	});
}

/**
 * Every regular expression literal in the shipped sources, found with the TypeScript parser
 * (not a text search, so regexes inside strings or comments are not mistaken for code), plus
 * `new RegExp('…')` calls whose pattern is a plain string literal.
 */
export function collectRegexes(
	root: string,
	folders: string[],
): { found: FoundRegex[]; dynamic: string[] } {
	const found: FoundRegex[] = [];
	const dynamic: string[] = [];
	for (const file of folders.flatMap((folder) => shippedFiles(join(root, folder)))) {
		const text = readFileSync(file, 'utf8');
		const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
		const where = (node: ts.Node) => ({
			file: relative(root, file),
			line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1,
		});
		const visit = (node: ts.Node) => {
			if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
				const literal = node.getText();
				const end = literal.lastIndexOf('/');
				found.push({
					...where(node),
					source: literal.slice(1, end),
					flags: literal.slice(end + 1),
				});
			} else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
				const [pattern, flags] = node.arguments ?? [];
				if (pattern && ts.isStringLiteral(pattern)) {
					found.push({
						...where(node),
						source: pattern.text,
						flags: flags && ts.isStringLiteral(flags) ? flags.text : '',
					});
				} else {
					const w = where(node);
					dynamic.push(`${w.file}:${w.line}`);
				}
			}
			ts.forEachChild(node, visit);
		};
		visit(sourceFile);
	}
	return { found, dynamic };
}
