// The business's own settings and team, read by the hub once per execution from the
// inquiry_settings and inquiry_team Data tables, and the expressions that use them. Nothing here
// holds a business value: an unset setting is empty, never a placeholder.
import { expr, table } from './lib.mjs';

export const SETUP_NODE = 'Business Setup';
const SETUP = `$('${SETUP_NODE}').first().json`;

/** A setting's value as text, '' when the business has not set it. */
export const setting = (name) => `(${SETUP}.settings.${name} ?? "")`;

/** The team rows, as Assign Inquiry Owner reads a roster. */
export const TEAM = `${SETUP}.team`;

/** The business's time zone, or the n8n instance's own (GENERIC_TIMEZONE) while unset. */
export const TIME_ZONE = `(${setting('timeZone')} || $now.zoneName)`;

/** An instant as the business reads it, e.g. "Tue 3 Mar, 11:00". */
export const localTime = (iso) =>
	`DateTime.fromISO(${iso}).setZone(${TIME_ZONE}).toFormat("ccc d LLL, HH:mm")`;

/** A number setting, or the node's own default while unset ("0" counts as set). */
export const numberSetting = (name, fallback) => `Number(${setting(name)} || ${fallback})`;

/** Business minutes for one deadline setting, or the node's own default while unset. */
export const minutes = numberSetting;

/** Alerts go to the manager the settings name; unset, the row is addressed to nobody (a setup problem the self-audit reports). */
export const MANAGER_EMAIL = setting('managerEmail');

function readAll(b, name, tableName, at) {
	return b.node(
		name,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table(tableName),
			matchType: 'allConditions',
			filters: { conditions: [] },
			returnAll: true,
		},
		at,
		{ executeOnce: true, alwaysOutputData: true },
	);
}

/**
 * Reads both tables once per execution and folds them into one item, { settings, team }, which
 * the chain's nodes read by expression. Returns the node that carries it.
 */
export function readBusinessSetup(b, from, [column, row]) {
	readAll(b, 'Read Settings', 'inquiry_settings', [column, row]);
	b.connect(from, 'Read Settings');
	readAll(b, 'Read Team', 'inquiry_team', [column + 1, row]);
	b.connect('Read Settings', 'Read Team');
	const settings = `Object.fromEntries($('Read Settings').all().filter(i => i.json.setting).map(i => [String(i.json.setting).trim(), String(i.json.value ?? "").trim()]))`;
	const team = `$('Read Team').all().map(i => i.json).filter(row => row.name || row.ownerId || row.email)`;
	b.node(
		SETUP_NODE,
		'n8n-nodes-base.set',
		3.4,
		{
			mode: 'raw',
			jsonOutput: expr(`JSON.stringify({ settings: ${settings}, team: ${team} })`),
			options: {},
		},
		[column + 2, row],
		{ executeOnce: true },
	);
	b.connect('Read Team', SETUP_NODE);
	return SETUP_NODE;
}
