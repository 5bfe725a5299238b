import { Expression } from 'n8n-workflow';

/**
 * Workflow tests run with the expression engine n8n uses on its server: `vm` (isolated-vm) on
 * Node 24, or `legacy` when HARNESS_EXPRESSION_ENGINE=legacy (as n8n 1.x and the benchmarks' second run).
 */
const engine = (process.env.HARNESS_EXPRESSION_ENGINE ?? 'vm') as 'legacy' | 'vm';
Expression.setExpressionEngine(engine);
beforeAll(async () => {
	await Expression.initExpressionEngine({
		engine,
		bridgeTimeout: 5000,
		bridgeMemoryLimit: 128,
		poolSize: 1,
		maxCodeCacheSize: 1024,
	});
});
afterAll(async () => {
	await Expression.disposeExpressionEngine();
});

// A whole workflow (some tests run several) is slower than jest's 5 s default on a busy 2-core
// machine; this is a hang guard, not a speed goal (speed lives in `npm run bench`).
jest.setTimeout(60_000);
