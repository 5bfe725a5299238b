// Preloaded into the process that loads the packed package: only what a real n8n host provides
// may be required. Anything else fails loudly, as it would on an n8n instance with strict checks.
const Module = require('node:module');
const { isAbsolute } = require('node:path');

const ALLOWED = new Set(['n8n-workflow', 'zod', 'luxon', 'lodash', 'crypto', 'node:crypto']);
const hostPaths = (process.env.HOST_MODULE_PATHS || '').split(':').filter(Boolean);
const original = Module._resolveFilename;

Module._resolveFilename = function (request, parent, isMain, options) {
	const fromPackage =
		parent && parent.filename && parent.filename.startsWith(process.env.PACKAGE_DIR);
	if (!fromPackage || request.startsWith('.') || isAbsolute(request)) {
		return original.call(this, request, parent, isMain, options);
	}
	const name = request.startsWith('@')
		? request.split('/').slice(0, 2).join('/')
		: request.split('/')[0];
	if (!ALLOWED.has(name)) {
		throw new Error(
			`FORBIDDEN_REQUIRE ${request} (from ${parent.filename.slice(process.env.PACKAGE_DIR.length + 1)})`,
		);
	}
	return original.call(this, request, parent, isMain, { ...options, paths: hostPaths });
};
