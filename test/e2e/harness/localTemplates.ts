import type { N8nClient } from './client';
import type { EnsuredTable } from './dataTables';
import { dataTablesNeeded, ensureDataTables } from './dataTables';
import { PACKAGE_NAME, TEMPLATES_DIR } from './paths';
import type { CredentialRefs, TemplateResult } from './templates';
import { declaredTables, importTemplates, loadTemplates } from './templates';
import { loadVendorPayload } from './vendorPayloads';
import type { WorkflowDefinition } from './workflow';
import { webhookEndpoints } from './workflow';

/**
 * `npm start`'s template set-up, which keeps the user's work: a template is imported only when
 * no workflow of its name exists, so an edited workflow is never overwritten. `reset` reloads
 * every template over the workflows of the same name (the edits are then gone, and the summary
 * says so).
 */
export interface LocalTemplate extends TemplateResult {
	/** imported: new on this start; reloaded: overwritten by --reset; kept: already there, left as the user has it. */
	state: 'imported' | 'reloaded' | 'kept';
	/** Whose recorded delivery its printed curl posts, e.g. "a Calendly booking". */
	sampleVendor?: string;
}

export interface LocalSetup {
	tables: EnsuredTable[];
	templates: LocalTemplate[];
	reset: boolean;
}

interface ServerWorkflow extends WorkflowDefinition {
	id: string;
	active?: boolean;
}

async function workflowsByName(client: N8nClient): Promise<Map<string, ServerWorkflow>> {
	const found = new Map<string, ServerWorkflow>();
	let cursor: string | undefined;
	do {
		const page = await client.api<{ data: ServerWorkflow[]; nextCursor?: string | null }>(
			'GET',
			`/workflows?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
		);
		for (const workflow of page.data)
			if (!found.has(workflow.name)) found.set(workflow.name, workflow);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return found;
}

/** Whether an entry checks webhook signatures, so its sample curl must be signed. */
const checksSignatures = (workflow: WorkflowDefinition) =>
	workflow.nodes.some(
		(node) =>
			node.type === `${PACKAGE_NAME}.normalizeInquiry` && node.parameters?.checkSignature === true,
	);

export async function setUpLocalTemplates(
	client: N8nClient,
	options: { dir?: string; reset?: boolean; credentials?: CredentialRefs } = {},
): Promise<LocalSetup> {
	const dir = options.dir ?? TEMPLATES_DIR;
	const reset = options.reset ?? false;
	const templates = loadTemplates(dir);
	const tables = await ensureDataTables(
		client,
		dataTablesNeeded(
			templates.map((template) => template.workflow),
			declaredTables(dir),
		),
	);
	const existing = await workflowsByName(client);
	const toImport = reset
		? templates
		: templates.filter((template) => !existing.has(template.workflow.name));
	const imported = new Map(
		(await importTemplates(client, toImport, options.credentials)).map((result) => [
			result.file,
			result,
		]),
	);
	const results = templates.map(({ file, workflow }): LocalTemplate => {
		const fresh = imported.get(file);
		if (fresh) return { ...fresh, state: existing.has(workflow.name) ? 'reloaded' : 'imported' };
		const kept = existing.get(workflow.name)!;
		return {
			file,
			name: workflow.name,
			id: kept.id,
			published: kept.active === true,
			endpoints: webhookEndpoints(kept),
			signed: checksSignatures(kept),
			state: 'kept',
		};
	});
	return { tables, templates: withChannelSamples(results), reset };
}

/**
 * What each entry's printed curl posts: a recorded delivery of a vendor of that channel, so the
 * samples have each channel's own shape and are different people (one generic payload posted to
 * every entry would collapse into one inquiry). Keyed by the entry's webhook path.
 */
const CHANNEL_SAMPLES: Record<string, { vendor: string; fixture: string }> = {
	'inquiry-form': { vendor: 'a Webflow form submission', fixture: 'webflow__form_submission__1' },
	'inquiry-form-crm': {
		vendor: 'a Gravity Forms entry',
		fixture: 'gravity_forms__webhooks_addon_all_fields__1',
	},
	'inquiry-chat': {
		vendor: 'a WhatsApp chat message',
		fixture: 'whatsapp_cloud__messages_text__1',
	},
	'inquiry-booking': { vendor: 'a Calendly booking', fixture: 'calendly__invitee.created__1' },
	'inquiry-ad-lead': {
		vendor: 'a Google Ads lead form',
		fixture: 'google_ads__lead_form_webhook__1',
	},
};

export function channelSample(path: string): { vendor: string; body: unknown } | undefined {
	const sample = CHANNEL_SAMPLES[path];
	return sample && { vendor: sample.vendor, body: loadVendorPayload(sample.fixture).body };
}

function withChannelSamples(results: LocalTemplate[]): LocalTemplate[] {
	return results.map((result) => {
		if (result.sample !== undefined) return result;
		const entry = result.endpoints.find(
			(endpoint) => endpoint.method === 'POST' && CHANNEL_SAMPLES[endpoint.path],
		);
		const sample = entry && channelSample(entry.path);
		return sample ? { ...result, sample: sample.body, sampleVendor: sample.vendor } : result;
	});
}
