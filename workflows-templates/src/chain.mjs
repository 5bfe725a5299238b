// The continuity chain every entry template runs after its trigger:
// Normalize → (ledger) → Check Context → Assign Owner → Save Record → Read Back → Verify → Notify,
// with every failure branch ending in an alert row, never in silence.
import { expr } from './lib.mjs';
import { BUSINESS, notificationRow, readRecordBack, respondReceipt, saveRecord, SAMPLE_OWNERS } from './sections.mjs';

export const NODE = {
	normalize: 'Normalize Inquiry',
	context: 'Check Inquiry Context',
	assign: 'Assign Inquiry Owner',
	save: 'Save Record',
	readBack: 'Read Record Back',
	verify: 'Verify Inquiry Handoff',
	notifyOwner: 'Notify Owner',
};

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
	} = options;
	const row = 1;

	b.ours(NODE.normalize, 'normalizeInquiry', { source, defaultCountry: 'US', checkSignature }, [column, row]);
	b.connect(entry, NODE.normalize);

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
	if (checkSignature) {
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
		contextColumn += 1;
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
	const alertUnreachable = notificationRow(b, 'Alert: No Way to Reach', [contextColumn + 1, row + 1.5], {
		kind: 'alert',
		channel: 'email',
		recipient: '"manager@example.com"',
		subject: '"Inquiry with no way to reach the person"',
		body: '"Inquiry " + $json.id + " from " + ($json.contact?.name?.full ?? "someone") + " has no valid phone or email. Message: " + ($json.request?.message ?? "")',
	});
	b.ours(NODE.assign, 'assignInquiryOwner', assignParameters(strategy), [contextColumn + 1, row]);
	b.connect(NODE.context, NODE.assign, 0);
	// Incomplete inquiries get the follow-up question AND are routed: asking never delays the owner.
	b.connect(NODE.context, askFollowUp, 1);
	b.connect(NODE.context, NODE.assign, 1);
	b.connect(NODE.context, alertUnreachable, 2);

	const alertUnassigned = notificationRow(b, 'Alert: Nobody Assigned', [contextColumn + 2, row + 1.5], {
		kind: 'alert',
		channel: 'email',
		recipient: '"manager@example.com"',
		subject: '"Inquiry without an owner"',
		body: '"Nobody could take inquiry " + $json.id + ": " + ($json.assignment?.reason ?? $json.error ?? "") + ". Please assign it by hand."',
	});
	saveRecord(b, NODE.save, [contextColumn + 2, row]);
	b.connect(NODE.assign, NODE.save, 0);
	b.connect(NODE.assign, alertUnassigned, 1);

	readRecordBack(b, NODE.readBack, [contextColumn + 3, row], NODE.assign);
	b.connect(NODE.save, NODE.readBack);
	return { lastColumn: contextColumn + 3, row };
}

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
