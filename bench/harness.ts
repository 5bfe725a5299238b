/**
 * What the benchmarks reuse from the e2e layer, bundled by bench/run.mjs: the freshness-checked
 * build, the cached n8n runtime, a fresh instance with this package installed from its tarball,
 * the template importer npm start uses, MailDev and the queue-mode stack.
 */
export { ensureBuilt } from '../test/e2e/harness/pack';
export {
	createStoreCredential,
	dataTableRows,
	dataTablesNeeded,
	declaredTables,
	ensureDataTables,
	importTemplates,
	insertDataTableRows,
	listDataTables,
	loadTemplates,
	mailDevSmtpCredential,
	runSql,
	scheduleAsWebhook,
	sqlRows,
	startMailDev,
	startN8n,
	startQueueN8n,
	updateDataTableRows,
} from '../test/e2e/harness';
export type { N8nInstance } from '../test/e2e/harness';
