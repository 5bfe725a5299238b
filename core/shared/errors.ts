/**
 * Every error a user can meet, with the fix hint shown under it in n8n.
 * Each stage owns one section; a test walks every code and asserts it has a hint.
 */
export const ERROR_CATALOG = {
	// --- shared ---------------------------------------------------------------
	NOT_AN_INQUIRY: {
		message: 'This item is not an inquiry from the Normalize Inquiry node',
		hint: 'Put a Normalize Inquiry node before this one, so every item arrives in the canonical inquiry shape.',
	},
	UNSUPPORTED_SCHEMA_VERSION: {
		message: 'This inquiry was made by a newer version of the Inquiry Continuity nodes',
		hint: 'Update the n8n-nodes-inquiry-continuity package (Settings → Community Nodes) so every node speaks the same inquiry version.',
	},
	INVALID_JSON_PARAMETER: {
		message: 'A JSON parameter could not be read',
		hint: 'Check that the parameter holds valid JSON, or switch it back to the form fields in the node panel.',
	},
	SETTING_DIFFERS_PER_ITEM: {
		message: 'A setting that holds for the whole run gives a different value for this item',
		hint: "To fix this, give the setting named above one value for every item (a fixed value, or an expression that does not depend on the item, such as $('Sheet').all() or $vars), or split the items so each run has one value.",
	},
	// --- entry (core/inquiry) -------------------------------------------------
	UNKNOWN_PRESET: {
		message: 'Unknown source preset',
		hint: 'Pick a source from the list in the node panel, or choose "Auto-Detect".',
	},
	PAYLOAD_NOT_FOUND: {
		message: 'No payload found at the configured location',
		hint: 'Check "Read Payload From": a Webhook node puts the posted data under "body"; a Form Trigger puts it on the whole item.',
	},
	INVALID_CUSTOM_MAPPING: {
		message: 'The custom field mapping is not valid',
		hint: 'Each mapping needs a canonical field and a value; remove empty rows or fix the field name shown.',
	},
	SIGNATURE_SECRET_MISSING: {
		message: 'Signature checking is on but the credential has no secret',
		hint: 'Open the "Inquiry Webhook Secret API" credential and paste the signing secret from the vendor\'s webhook settings.',
	},
	RAW_BODY_MISSING: {
		message: "The raw request body is needed to check this vendor's signature",
		hint: 'In the Webhook node, open Options and turn on "Raw Body", so the exact bytes the vendor signed reach this node.',
	},
	// --- context (core/context) -----------------------------------------------
	INVALID_PROFILE: {
		message: 'The completeness profile is not valid',
		hint: 'To fix this, correct the requirement named above: use a field from the list in the node panel (for example "postalCode", not "zip"), and give each requirement either one field or an "anyOf" list. Or pick a built-in profile.',
	},
	// --- ownership (core/ownership) -------------------------------------------
	ROSTER_INVALID: {
		message: 'The team roster has a problem',
		hint: "To fix this, correct the owner and field named in the message (in the node's Owners list, or in the sheet or JSON the roster comes from), then run again.",
	},
	BUSINESS_HOURS_INVALID: {
		message: 'The business hours or holidays could not be read',
		hint: 'To fix this, write hours like "Mon-Fri 09:00-17:00; Sat 09:00-12:00", holidays like "2026-12-25, 2027-01-01", and a time zone such as America/New_York.',
	},
	ROUTING_CONFIG_INVALID: {
		message: 'The assignment settings have a problem',
		hint: 'To fix this, correct the rule, deadline or fallback setting named in the message in the node panel.',
	},
	OPEN_LOAD_INVALID: {
		message: 'Open Load must map each owner id to a number of open inquiries',
		hint: 'To fix this, give Open Load (JSON) an object such as {"ana": 3, "ben": 1}, or leave it empty when you have no counts.',
	},
	// --- handoff (core/handoff) -----------------------------------------------
	INVALID_FIELD_PATH: {
		message: 'A field path could not be read',
		hint: 'To fix this, write the path with dots and positions, like contact.email.address, properties.phone or results[0].id. Names such as __proto__, constructor and prototype are never followed.',
	},
	INVALID_FIELD_MAPPING: {
		message: 'The fields to compare have a problem',
		hint: 'To fix this, give each row under Fields a name, a destination field and a comparison (only "Has Any Value" rows may leave the inquiry field empty), remove rows listed twice, or pick at least one of the Standard Fields.',
	},
	INVALID_URL_TEMPLATE: {
		message: 'The read-back URL could not be built for this inquiry',
		hint: 'To fix this, use {recordId}, {email}, {phone}, {name}, {inquiryId} or an inquiry path such as {contact.email.address} in the URL, and check that "Record ID Path" points at the id the previous step returned.',
	},
	// --- scorecard (core/scorecard) -------------------------------------------
	SCORECARD_INPUT_INVALID: {
		message: 'This item is neither an inquiry nor a continuity ledger row',
		hint: 'To fix this, feed the node inquiries from the other Inquiry Continuity nodes, or rows of your continuity ledger Data table (each needs at least inquiryId and receivedAt).',
	},
	REPORT_PERIOD_INVALID: {
		message: 'The report period could not be read',
		hint: 'To fix this, give Period Start and Period End as dates such as 2026-05-04 or 2026-05-04T09:00:00Z, with the start before the end, or leave both empty to report on every item.',
	},
	REPORT_TIMEZONE_INVALID: {
		message: 'The report time zone is not a time zone name',
		hint: "To fix this, write a time zone name such as America/New_York or Europe/Berlin in Report Time Zone, or leave it empty to use the workflow's time zone.",
	},
	SWEEP_SETTINGS_INVALID: {
		message: 'The stall thresholds have a problem',
		hint: 'To fix this, give each "within" setting as a number of minutes of 1 or more, and check the business hours, holidays and time zone named in the message.',
	},
	REPEAT_WINDOW_INVALID: {
		message: 'The repeat-contact window is not a number of hours',
		hint: 'To fix this, give Repeat Contact Window as a number of hours, 0 or more (0 turns joining off). In the templates it is repeatContactWindowHours in the inquiry_settings Data table.',
	},
	// --- loop (core/loop) -----------------------------------------------------
	LINK_SECRET_INVALID: {
		message: 'The link signing secret is missing or too short',
		hint: 'To fix this, open the "Inquiry Link Secret API" credential and set a Link Secret of at least 32 random characters (for example the output of `openssl rand -base64 32`). Changing it makes every link already sent invalid.',
	},
	LINK_BASE_URL_INVALID: {
		message: 'The public base URL for the links is not an http(s) URL',
		hint: 'To fix this, set Public Base URL in the "Inquiry Link Secret API" credential to the address people reach n8n at, such as https://n8n.example.com (behind your reverse proxy or tunnel) or http://127.0.0.1:5678 for a local try-out.',
	},
	LINK_REQUEST_INVALID: {
		message: 'The owner message could not be built for this item',
		hint: 'To fix this, check the field named in the message: the inquiry id, the owner id and the owner e-mail come from the Assign Inquiry Owner node (or the parameters of this node), and Link Lifetime must be 1 hour or more.',
	},
	LADDER_SETTINGS_INVALID: {
		message: 'The escalation ladder settings have a problem',
		hint: 'To fix this, give the reminder minutes as 0 or more, the hop limit as 0 or more, the missed-claims limit as 1 or more (or 0 to turn it off), and business hours, holidays and a time zone that parse.',
	},
	LADDER_ROW_INVALID: {
		message: 'This item is not an open row of the inquiry ledger',
		hint: 'To fix this, feed the ladder rows of the ledger Data table: each needs inquiryId, ownerId, assignedAt and respondBy; acceptedAt, contactedAt, stepsRaised, hops and passedBy may be empty.',
	},
} as const satisfies Record<string, { message: string; hint: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** A pure, user-facing error: nodes turn it into a NodeOperationError with the hint as description. */
export class InquiryError extends Error {
	readonly code: ErrorCode;
	readonly hint: string;

	constructor(code: ErrorCode, detail?: string, hint?: string) {
		const entry = ERROR_CATALOG[code];
		super(detail ? `${entry.message}: ${detail}` : entry.message);
		this.name = 'InquiryError';
		this.code = code;
		this.hint = hint ?? entry.hint;
	}
}
