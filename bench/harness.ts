/**
 * What the benchmarks reuse from the e2e layer, bundled by bench/run.mjs: the freshness-checked
 * build, the cached n8n runtime and a fresh instance with this package installed from its tarball.
 */
export { ensureBuilt } from '../test/e2e/harness/pack';
export { dataTablesNeeded, declaredTables, ensureDataTables, startN8n } from '../test/e2e/harness';
export type { N8nInstance } from '../test/e2e/harness';
