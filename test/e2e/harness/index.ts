/**
 * The real-server e2e harness: a cached n8n runtime, a fresh instance per suite with this package
 * installed from its packed tarball, and a client for the public API, webhooks and executions.
 */
export { N8nClient } from './client';
export type { Owner, WebhookCall, WebhookResponse } from './client';
export { installPack } from './communityPackage';
export {
	dataTableRows,
	dataTablesNeeded,
	ensureDataTables,
	insertDataTableRows,
	listDataTables,
	updateDataTableRows,
} from './dataTables';
export type { DataTableSpec, EnsuredTable } from './dataTables';
export { packedTarball } from './pack';
export { interceptPublicRegistry, PUBLIC_REGISTRY_HOST } from './registryInterception';
export type { RegistryInterception } from './registryInterception';
export { createStoreCredential, runSql, sqlRows, STORE_CREDENTIAL } from './postgresStore';
export { FAST_STALL_DETECTION, startQueueN8n } from './queueMode';
export type { QueueStack, QueueStackOptions, QueueWorker } from './queueMode';
export { startFront, startPostgres, startRedis, startRegistry } from './services';
export type { FrontService, PostgresService, RedisService, RegistryService } from './services';
export { PACKAGE_NAME, PROJECT_ROOT, TEMPLATES_DIR, VENDOR_PAYLOADS_DIR } from './paths';
export type { ExpressionEngine } from './process';
export { ensureRuntime, N8N_VERSIONS } from './runtime';
export type { N8nRuntime, N8nVersion } from './runtime';
export { N8nInstance, startN8n } from './startN8n';
export type { StartOptions } from './startN8n';
export {
	createDemoCrmCredential,
	declaredTables,
	importTemplates,
	loadTemplates,
	scheduleAsWebhook,
	setUpTemplates,
	tryItCommands,
} from './templates';
export type { CredentialRefs, TemplateFile, TemplateResult, TemplateSetup } from './templates';
export { loadVendorPayload, vendorRequest } from './vendorPayloads';
export { missedCallFields, signedTwilioPost } from './twilio';
export { deliverLikeAVendor } from './vendorRetry';
export { eventually } from './eventually';
export type { Delivery } from './vendorRetry';
export type { VendorPayload } from './vendorPayloads';
export {
	nodeOutput,
	nodeRan,
	publicWorkflowBody,
	startsByItself,
	webhookEndpoints,
} from './workflow';
export type { Execution, WebhookEndpoint, WorkflowDefinition } from './workflow';
export { mailDevSmtpCredential, startMailDev } from './mailDev';
export type { MailDev, MailMessage } from './mailDev';
export { channelSample, setUpLocalTemplates } from './localTemplates';
export type { LocalSetup, LocalTemplate } from './localTemplates';
