import { Expression } from 'n8n-workflow';

/**
 * Workflow tests run with the expression engine n8n uses on its server: `vm` (isolated-vm) on
 * Node 24, or `legacy` when HARNESS_EXPRESSION_ENGINE=legacy (as n8n 1.x and the benchmarks' second run).
 */
const engine = (process.env.HARNESS_EXPRESSION_ENGINE ?? 'vm') as 'legacy' | 'vm';
Expression.setExpressionEngine(engine);
beforeAll(async () => {
	await Expression.initExpressionEngine({ engine, bridgeTimeout: 5000, bridgeMemoryLimit: 128, poolSize: 1, maxCodeCacheSize: 1024 });
});
afterAll(async () => {
	await Expression.disposeExpressionEngine();
});
