// Loads every node and credential the packed package declares and prints a JSON report.
const { join } = require('node:path');

const dir = process.env.PACKAGE_DIR;
const pkg = require(join(dir, 'package.json'));
const report = { nodes: [], credentials: [], errors: [] };

function instantiate(file) {
	const exported = require(join(dir, file));
	const Class = Object.values(exported).find((value) => typeof value === 'function');
	if (!Class) throw new Error(`${file} exports no class`);
	return new Class();
}

for (const file of pkg.n8n?.nodes ?? []) {
	try {
		const node = instantiate(file);
		report.nodes.push({
			file,
			name: node.description.name,
			displayName: node.description.displayName,
			usableAsTool: node.description.usableAsTool === true,
		});
	} catch (error) {
		report.errors.push(`${file}: ${error.message}`);
	}
}
for (const file of pkg.n8n?.credentials ?? []) {
	try {
		const credential = instantiate(file);
		report.credentials.push({ file, name: credential.name });
	} catch (error) {
		report.errors.push(`${file}: ${error.message}`);
	}
}
try {
	const core = require(join(dir, pkg.main));
	report.coreExports = Object.keys(core).sort();
} catch (error) {
	report.errors.push(`${pkg.main}: ${error.message}`);
}
process.stdout.write(JSON.stringify(report));
