// The continuity chain every entry template runs after its trigger:
// Normalize → ledger (entry) → Check Context → Assign Owner → Save Record → Read Back → Verify →
// Notify Owner → ledger (final), with every failure branch ending in an alert row and a ledger row
// that says so: never in silence.
import { expr, table } from './lib.mjs';
import { ledgerAtEntry, ledgerAfter } from './ledger.mjs';
import { BUSINESS, notificationRow, readRecordBack, respondReceipt, saveRecord, SAMPLE_OWNERS } from './sections.mjs';

export const NODE = {
	normalize: 'Normalize Inquiry',
	context: 'Check Inquiry Context',
	assign: 'Assign Inquiry Owner',
	save: 'Save Record',
	readBack: 'Read Record Back',
	verify: 'Verify Inquiry Handoff',
	notifyOwner: 'Notify Owner',
	alertHandoff: 'Alert: Handoff Failed',
};

/** The system of record the chain writes to and verifies against (the embedded default). */
const DESTINATION = 'inquiry_records (Data table)';

/**
 * Adds the chain to a template. `entry` is the node whose output carries the payload; `column` is
 * where Normalize Inquiry sits on the grid. Options tune the stages per template.
 */
export function addContinuityChain(b, entry, column, options = {}) {
	const {
		source = 'auto',
		profile = 'routeReady',
		checkSignature = false,
		followUpChannel = 'email',
		strategy = 'round_robin',
		respond = false,
		afterNormalize,
		afterNormalizeColumns = 1,
		record = 'dataTable',
	} = options;
	const row = 1;

	b.ours(NODE.normalize, 'normalizeInquiry', { source, defaultCountry: 'US', checkSignature }, [column, row]);
	b.connect(entry, NODE.normalize);
	ledgerAtEntry(b, NODE.normalize, [column + 0.5, row - 2]);

	const alertInvalid = notificationRow(b, 'Alert: Unreadable Submission', [column + 1, row + 1.5], {
		kind: 'alert',
		channel: 'email',
		recipient: '"manager@example.com"',
		subject: '"An inquiry could not be read"',
		body: '"A submission arrived that could not be turned into an inquiry: " + ($json.invalid?.hint ?? $json.rejected?.detail ?? $json.error ?? "unknown reason")',
		dedupeKey: '"invalid:" + $execution.id + ":" + $itemIndex',
	});
	b.connect(NODE.normalize, alertInvalid, 1);
	if (respond) {
		respondReceipt(b, 'Answer: Unreadable', [column + 2, row + 1.5], { code: 422, body: '{ status: "invalid", reasons: $json.invalid?.reasons ?? [] }' });
		b.connect(alertInvalid, 'Answer: Unreadable');
	}
	// Wired even when a template ships with Check Signature off (the Rejected output appears only
	// when it is on): turning it on, as the setup notes say, then needs no rewiring.
	{
		const alertForged = notificationRow(b, 'Alert: Forged Post', [column + 1, row + 2.5], {
			kind: 'alert',
			channel: 'email',
			recipient: '"manager@example.com"',
			subject: '"A webhook post failed its signature check"',
			body: '"Refused a post whose signature did not match (" + ($json.rejected?.reason ?? "") + "). No record was created."',
			dedupeKey: '"rejected:" + $execution.id + ":" + $itemIndex',
		});
		b.connect(NODE.normalize, alertForged, 2);
		if (respond) {
			respondReceipt(b, 'Answer: Forbidden', [column + 2, row + 2.5], { code: 401, body: '{ status: "rejected" }' });
			b.connect(alertForged, 'Answer: Forbidden');
		}
	}

	// The sender is answered once the inquiry is accepted; templates can hook in more (text-back).
	let next = NODE.normalize;
	let contextColumn = column + 1;
	if (respond) {
		respondReceipt(b, 'Answer: Received', [contextColumn, row - 1]);
		b.connect(next, 'Answer: Received');
		next = 'Answer: Received';
	}
	if (afterNormalize) {
		next = afterNormalize(b, next, [contextColumn, row]);
		contextColumn += afterNormalizeColumns;
	}

	b.ours(NODE.context, 'checkInquiryContext', { profile, businessName: BUSINESS.name, options: {} }, [contextColumn, row]);
	b.connect(next, NODE.context);

	const askFollowUp = followUpChannel === 'sms' ? textBackOnce(b, [contextColumn + 1, row - 1]) : notificationRow(b, 'Ask Follow-Up Question', [contextColumn + 1, row - 1], {
		kind: 'follow_up',
		channel: followUpChannel,
		recipient: followUpChannel === 'sms' ? '$json.contact.phone?.e164 ?? ""' : '$json.contact.email?.address ?? $json.contact.phone?.e164 ?? ""',
		subject: '$json.context.followUp?.email?.subject ?? ""',
		body:
			followUpChannel === 'sms'
				? '$json.context.followUp?.sms ?? $json.context.followUp?.chat ?? ""'
				: '$json.context.followUp?.email?.body ?? $json.context.followUp?.chat ?? ""',
	});
	const alertUnreachable = notificationRow(b, 'Alert: No Way to Reach', [contextColumn + 1, row + 3.5], {
		kind: 'alert',
		channel: 'email',
		recipient: '"manager@example.com"',
		subject: '"Inquiry with no way to reach the person"',
		body: '"Inquiry " + $json.id + " from " + ($json.contact?.name?.full ?? "someone") + " has no valid phone or email. Message: " + ($json.request?.message ?? "")',
	});
	ledgerAfter(b, alertUnreachable, NODE.context, 'Unreachable', [contextColumn + 2, row + 3.5], { alertSent: true });
	b.ours(NODE.assign, 'assignInquiryOwner', assignParameters(strategy), [contextColumn + 1, row]);
	b.connect(NODE.context, NODE.assign, 0);
	// Incomplete inquiries get the follow-up question AND are routed: asking never delays the owner.
	b.connect(NODE.context, askFollowUp, 1);
	b.connect(NODE.context, NODE.assign, 1);
	b.connect(NODE.context, alertUnreachable, 2);

	const alertUnassigned = notificationRow(b, 'Alert: Nobody Assigned', [contextColumn + 2, row + 4.5], {
		kind: 'alert',
		channel: 'email',
		recipient: '"manager@example.com"',
		subject: '"Inquiry without an owner"',
		body: '"Nobody could take inquiry " + $json.id + ": " + ($json.assignment?.reason ?? $json.error ?? "") + ". Please assign it by hand."',
	});
	ledgerAfter(b, alertUnassigned, NODE.assign, 'Unassigned', [contextColumn + 3, row + 4.5], { alertSent: true });
	b.connect(NODE.assign, alertUnassigned, 1);
	const verifyColumn = contextColumn + 4;
	if (record === 'httpCrm') {
		writeToHttpCrm(b, [contextColumn + 2, row]);
		verifyByReadBack(b, NODE.save, [verifyColumn, row]);
	} else {
		saveRecord(b, NODE.save, [contextColumn + 2, row], { onError: 'continueErrorOutput' });
		b.connect(NODE.assign, NODE.save, 0);
		readRecordBack(b, NODE.readBack, [contextColumn + 3, row], NODE.assign, { onError: 'continueErrorOutput' });
		b.connect(NODE.save, NODE.readBack);
		recordNotSaved(b, [contextColumn + 3, row + 2.5]);
		verifyAgainstRecord(b, NODE.readBack, [verifyColumn, row]);
	}
	sectionNotes(b, { entry: column, context: contextColumn, record: contextColumn + 2, verify: verifyColumn }, row);
	return { lastColumn: verifyColumn + 4, row };
}

/** One short note above each stage, in plain words, including where to swap in a CRM. */
function sectionNotes(b, columns, row) {
	const top = row - 4.8;
	const span = (from, to) => ({ width: Math.max(1, to - from) - 0.1, height: 1.4 });
	b.note('Entry', 'Every post becomes one clean inquiry; unreadable or forged ones become alert rows. The ledger row is written first, so even a crash leaves a trace the leak sweep finds.', [columns.entry, top], span(columns.entry, columns.context));
	b.note('Context and owner', 'Missing details get a follow-up question, and the inquiry is still routed. The owner is picked by your rules with a deadline on business hours; nobody free means an alert.', [columns.context, top], span(columns.context, columns.record));
	b.note('Record: swap in your CRM', 'Save Record and Read Record Back use the inquiry_records Data table. For HubSpot, Pipedrive, Airtable, Google Sheets or Postgres, use that app\'s create and get nodes and set Verify\'s field prefix (HubSpot: properties.). Any HTTP CRM: see template 01c.', [columns.record, top], span(columns.record, columns.verify));
	b.note('Verify and tell', 'The stored record is compared with the inquiry. Verified: the owner is told who, why them and by when. Failed: a one-line alert. Either way the ledger row is closed. E-mail and Slack nodes stay off until you add credentials.', [columns.verify, top], span(columns.verify, columns.verify + 4));
}

/**
 * Verify → Notify Owner (with the reason and the deadline) → final ledger row; Failed → alert with
 * the one-line text → ledger row that records the alert. Each message is upserted by its dedupeKey,
 * so a replayed inquiry notifies nobody twice.
 */
function verifyAgainstRecord(b, readBack, at) {
	b.ours(NODE.verify, 'verifyInquiryHandoff', { mode: 'record', destination: DESTINATION, ...VERIFY_COMMON }, at);
	b.connect(readBack, NODE.verify);
	afterVerify(b, at);
}

const VERIFY_COMMON = {
	inquirySource: 'earlierNode',
	inquiry: expr(`$('${NODE.assign}').item.json`),
	recordIdPath: 'id',
	fieldsMode: 'standard',
	deadline: 'sla',
	slaMinutes: 5,
};

/**
 * The worked swap: the record goes to a CRM over HTTP and is read back through the "Handoff
 * Destination API" credential, retrying while the CRM catches up. A write the CRM refuses
 * becomes an alert, like any failed handoff.
 */
function writeToHttpCrm(b, [column, row]) {
	b.node(NODE.save, 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url: CRM_CONTACTS_URL,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: expr(`JSON.stringify(${CRM_CONTACT})`),
		// A replayed inquiry (same id) sends the same key: a CRM that honours it keeps one contact.
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Idempotency-Key', value: expr('$json.id') }] },
		options: {},
	}, [column, row], {
		onError: 'continueErrorOutput',
		notes: 'Your CRM\'s "create contact" address. Add its sign-in under Authentication (e.g. Header Auth).',
	});
	b.connect(NODE.assign, NODE.save, 0);
	const refused = notificationRow(b, 'Alert: CRM Refused the Record', [column + 1, row + 2.5], {
		kind: 'alert',
		channel: 'email',
		recipient: '"manager@example.com"',
		subject: '"The CRM did not accept an inquiry"',
		body: `"Inquiry from " + ($('${NODE.assign}').item.json.contact.name.full ?? "someone") + " could not be written to the CRM: " + ($json.error?.message ?? $json.error ?? "unknown error") + ". Add it by hand."`,
		dedupeKey: `$('${NODE.assign}').item.json.id + ":crm_write"`,
		inquiryId: `$('${NODE.assign}').item.json.id`,
	});
	b.connect(NODE.save, refused, 1);
	ledgerAfter(b, refused, NODE.assign, 'CRM Refused', [column + 2, row + 2.5], { alertSent: true });
}

/**
 * The system of record failed the write or the read-back (the table is gone, the database is
 * down): an alert and a ledger row that says so, as for a CRM that refuses the record.
 */
function recordNotSaved(b, [column, row]) {
	const notSaved = notificationRow(b, 'Alert: Record Not Saved', [column, row], {
		kind: 'alert',
		channel: 'email',
		recipient: '"manager@example.com"',
		subject: '"An inquiry could not be saved"',
		body: `"Inquiry from " + ($('${NODE.assign}').item.json.contact.name.full ?? "someone") + " could not be saved to inquiry_records: " + ($json.error?.message ?? $json.error ?? "unknown error") + ". Add it by hand."`,
		dedupeKey: `$('${NODE.assign}').item.json.id + ":record_write"`,
		inquiryId: `$('${NODE.assign}').item.json.id`,
	});
	b.connect(NODE.save, notSaved, 1);
	b.connect(NODE.readBack, notSaved, 1);
	ledgerAfter(b, notSaved, NODE.assign, 'Not Saved', [column + 1, row], { alertSent: true });
}

/** How the demo CRM (template 01c) reads one contact; most CRMs use /contacts/{recordId}. */
const CRM_READ_PATH = '/contacts?id={recordId}';

/** Where the demo CRM (template 01c) takes new contacts; replace with your CRM's address. */
export const CRM_CONTACTS_URL = 'http://127.0.0.1:5678/webhook/inquiry-demo-crm/contacts';
const CRM_CONTACT = `{ inquiryId: $json.id, name: $json.contact.name.full ?? "", email: $json.contact.email?.address ?? "", phone: $json.contact.phone?.e164 ?? "", message: $json.request.message ?? "", service: $json.request.service ?? "", ownerId: $json.assignment.owner.id }`;

function verifyByReadBack(b, write, at) {
	b.ours(NODE.verify, 'verifyInquiryHandoff', {
		mode: 'readBack',
		destination: 'your CRM',
		...VERIFY_COMMON,
		url: CRM_READ_PATH,
		attempts: 3,
		retryDelay: 1000,
		timeout: 10000,
	}, at);
	b.connect(write, NODE.verify);
	afterVerify(b, at);
}

function afterVerify(b, [column, row]) {
	// A replayed inquiry (same id) was already told to its owner: the row is the memory.
	const ownerKey = '$json.id + ":owner"';
	b.node('Owner Not Told Yet?', 'n8n-nodes-base.dataTable', 1.1, {
		resource: 'row',
		operation: 'rowNotExists',
		dataTableId: table('inquiry_notifications'),
		matchType: 'allConditions',
		filters: { conditions: [{ keyName: 'dedupeKey', condition: 'eq', keyValue: expr(ownerKey) }] },
	}, [column + 1, row]);
	b.connect(NODE.verify, 'Owner Not Told Yet?', 0);
	notificationRow(b, NODE.notifyOwner, [column + 2, row], {
		kind: 'owner_assigned',
		channel: 'email',
		recipient: '$json.assignment.owner.email ?? $json.assignment.owner.phone ?? ""',
		subject: `"New inquiry for you: " + ($json.contact.name.full ?? "a new customer") + " — respond by " + ${RESPOND_BY_LOCAL}`,
		body: OWNER_MESSAGE,
		dedupeKey: ownerKey,
	});
	b.connect('Owner Not Told Yet?', NODE.notifyOwner);
	b.node('Email the Owner', 'n8n-nodes-base.emailSend', 2.1, {
		fromEmail: 'inquiries@example.com',
		toEmail: expr(`$('${NODE.verify}').item.json.assignment.owner.email`),
		subject: expr('$json.subject'),
		emailFormat: 'text',
		text: expr('$json.body'),
		options: {},
	}, [column + 3, row - 1], { disabled: true, notes: 'Turn on and add your SMTP credential to e-mail the owner for real. The row in inquiry_notifications is written either way.' });
	b.connect(NODE.notifyOwner, 'Email the Owner');
	ledgerAfter(b, NODE.notifyOwner, NODE.verify, 'Verified', [column + 3, row]);

	notificationRow(b, NODE.alertHandoff, [column + 1, row + 1.5], {
		kind: 'alert',
		channel: 'email',
		recipient: '"manager@example.com"',
		subject: '"An inquiry did not reach " + $json.handoff.destination',
		body: '$json.handoff.alert',
		dedupeKey: '$json.id + ":handoff:" + $json.handoff.status',
	});
	b.connect(NODE.verify, NODE.alertHandoff, 1);
	b.node('Post Alert to Slack', 'n8n-nodes-base.slack', 2.3, {
		select: 'channel',
		channelId: { __rl: true, mode: 'name', value: '#inquiries' },
		text: expr('$json.body'),
		otherOptions: {},
	}, [column + 2, row + 2.5], { disabled: true, notes: 'Turn on and add your Slack credential to post alerts to a channel. The row in inquiry_notifications is written either way.' });
	b.connect(NODE.alertHandoff, 'Post Alert to Slack');
	ledgerAfter(b, NODE.alertHandoff, NODE.verify, 'Alerted', [column + 2, row + 1.5], { alertSent: true });
}

/** The owner's deadline in the business's time zone, e.g. "Tue 3 Mar, 11:00". */
const RESPOND_BY_LOCAL = `DateTime.fromISO($json.assignment.respondBy).setZone("${BUSINESS.timezone}").toFormat("ccc d LLL, HH:mm")`;

/** What the owner is told: who, what, why them, and by when (in the business's time zone). */
const OWNER_MESSAGE = [
	'"New inquiry " + $json.id + "\\n"',
	'"From: " + ($json.contact.name.full ?? "unknown") + " " + ($json.contact.phone?.national ?? $json.contact.phone?.e164 ?? "") + " " + ($json.contact.email?.address ?? "") + "\\n"',
	'"Wants: " + ($json.request.service ?? "not said") + " — " + ($json.request.message ?? "") + "\\n"',
	'"Why you: " + $json.assignment.reason + "\\n"',
	`"Respond by: " + ${RESPOND_BY_LOCAL}`,
].join(' + ');

/**
 * Missed calls: one text back per caller per day, however often they ring. The notification row is
 * the memory (keyed by caller and day), so a second call finds it and sends nothing.
 */
function textBackOnce(b, [column, row]) {
	const key = '"text_back:" + ($json.contact.phone?.e164 ?? $json.id) + ":" + $now.setZone("' + BUSINESS.timezone + '").toISODate()';
	b.node('Texted This Caller Today?', 'n8n-nodes-base.dataTable', 1.1, {
		resource: 'row',
		operation: 'rowNotExists',
		dataTableId: { __rl: true, mode: 'name', value: 'inquiry_notifications' },
		matchType: 'allConditions',
		filters: { conditions: [{ keyName: 'dedupeKey', condition: 'eq', keyValue: expr(key) }] },
	}, [column, row]);
	const record = notificationRow(b, 'Text Back', [column + 1, row], {
		kind: 'text_back',
		channel: 'sms',
		recipient: '$json.contact.phone?.e164 ?? ""',
		body: '$json.context.followUp?.sms ?? $json.context.followUp?.chat ?? ""',
		dedupeKey: key,
	});
	b.connect('Texted This Caller Today?', record);
	b.node('Send Text (Twilio)', 'n8n-nodes-base.twilio', 1, {
		operation: 'send',
		from: '+10000000000',
		to: expr("$('Texted This Caller Today?').item.json.contact.phone.e164"),
		message: expr("$('Texted This Caller Today?').item.json.context.followUp.sms"),
		options: {},
	}, [column + 2, row], { disabled: true, notes: 'Turn on and add your Twilio credential to send the text for real. The row in inquiry_notifications is written either way.' });
	b.connect(record, 'Send Text (Twilio)');
	return 'Texted This Caller Today?';
}

function assignParameters(strategy) {
	return {
		rosterSource: 'form',
		owners: { owner: SAMPLE_OWNERS.map((owner) => ({ ...owner })) },
		businessTimezone: BUSINESS.timezone,
		businessHours: BUSINESS.hours,
		strategy,
		holdUntilAvailable: true,
		deadlines: {},
	};
}

export { expr };
