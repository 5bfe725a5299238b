import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { BuildResult } from '../normalize';
import { normalizeInquiry } from '../normalizeInquiry';
import type { Channel } from '../schema';
import { NOW } from './test/samples';

/**
 * Every vendor sample in test/fixtures/vendor-payloads, auto-detected and normalized with the
 * node's defaults, against values stated here by hand. Phones are the E.164 a person derives from
 * the sample's `expected.phone` and the sample's country, never computed by the code under test.
 */

const DIR = join(__dirname, '../../../test/fixtures/vendor-payloads');

interface Sample {
	contentType: string;
	body: unknown;
	/** Written by a person from the vendor's documentation; null or '' means "none". */
	expected: Record<ComparedField, string | null>;
}

type ComparedField = 'channel' | 'name' | 'email' | 'phone' | 'message';
type Lookup = { system: string; ids: Record<string, string> };

interface Row {
	preset: string;
	channel: Channel;
	/** contact.name.full */
	name?: string;
	email?: string;
	/** contact.phone.e164 */
	phone?: string;
	/** contact.phone.inNumberingPlan: false for dialable numbers outside the assigned ranges. */
	phoneInPlan?: boolean;
	/** contact.phone.problem: why a number of a possible length cannot be rung. */
	phoneProblem?: string;
	message?: string;
	/** What each inquiry asks a template to fetch, one entry per inquiry, for id-only samples. */
	lookup?: Lookup[];
	/** Where we deliberately read the sample differently from its `expected` block, and why. */
	why?: Partial<Record<ComparedField, string>>;
}

const HTML_STRIPPED = 'the message is cleaned: HTML tags are stripped, the text kept';

const TABLE: Record<string, Row> = {
	'aircall__call.created__1.json': {
		preset: 'aircall',
		channel: 'call',
		// +1 800-123-4567: exchange 123 starts with 1, which NANP never assigns.
		phoneProblem:
			'a North American exchange (the 3 digits after the area code) cannot start with 0 or 1',
		why: { phone: 'a placeholder number no one can ring: kept as typed, not as a reachable phone' },
	},
	'calcom__BOOKING_CREATED__1.json': {
		preset: 'calcom',
		channel: 'booking',
		name: 'John Doe',
		email: 'john.doe@example.com',
	},
	'calendly__invitee.created__1.json': {
		preset: 'calendly',
		channel: 'booking',
		name: 'John Doe',
		email: 'test@example.com',
	},
	'facebook_lead_ads__lead_graph_lookup__2.json': {
		preset: 'meta_lead',
		channel: 'ad_lead',
		name: 'Joe Example',
		email: 'joe@example.com',
	},
	'facebook_lead_ads__leadgen_webhook__1.json': {
		preset: 'meta_leadgen',
		channel: 'ad_lead',
		lookup: [
			{
				system: 'meta_lead_ads',
				ids: { leadgenId: '123123123123', pageId: '123123123', formId: '12312312312' },
			},
			{
				system: 'meta_lead_ads',
				ids: { leadgenId: '123123123124', pageId: '123123123', formId: '12312312312' },
			},
		],
	},
	'google_ads__lead_form_webhook__1.json': {
		preset: 'google_ads',
		channel: 'ad_lead',
		name: 'FirstName LastName',
		email: 'test@example.com',
		phone: '+16505550123',
		phoneInPlan: true,
	},
	'gravity_forms__webhooks_addon_all_fields__1.json': {
		preset: 'gravity_forms',
		channel: 'form',
		name: 'REDACTED Name',
		email: 'redacted@example.co.za',
		// 061 000 0000 in the form's country field ZA.
		phone: '+27610000000',
		phoneInPlan: true,
		message: 'test',
	},
	'hubspot__contact.creation__1.json': {
		preset: 'hubspot',
		channel: 'form',
		lookup: [
			{
				system: 'hubspot',
				ids: {
					objectId: '106314056576',
					portalId: '49547190',
					subscriptionType: 'contact.creation',
				},
			},
		],
	},
	'intercom__conversation.user.created__1.json': {
		preset: 'intercom',
		channel: 'chat',
		name: 'Kill Bill',
		email: 'bill@bill.bill',
		message: 'An important message',
		why: { message: HTML_STRIPPED },
	},
	'jobber__webhook_CLIENT_CREATE__1.json': {
		preset: 'jobber',
		channel: 'form',
		lookup: [
			{
				system: 'jobber',
				ids: {
					itemId: 'Z2lkOi8vSm9iYmVyL0NsaWVudC8xNDUxODkzMjY=',
					accountId: 'Z2lkOi8vSm9iYmVyL0FjY291bnQvMjQ4NjkzNA==',
					topic: 'CLIENT_CREATE',
				},
			},
		],
	},
	'jotform__webhook_submission__1.json': { preset: 'jotform', channel: 'form', name: 'Britney' },
	'mailgun__inbound_route_forward__1.json': {
		preset: 'mailgun',
		channel: 'email',
		name: 'Иван Петров',
		email: 'redacted@yandex.ru',
		message: 'This is my test the body',
		why: { email: 'addresses are lower-cased, so the same person matches across channels' },
	},
	'n8n__email_imap_trigger_output_simple__1.json': {
		preset: 'n8n_imap',
		channel: 'email',
		email: 'alice@example.com',
		message: 'Plain body 101',
		why: { message: 'the message is trimmed: the trailing line break is not part of it' },
	},
	'n8n__form_trigger_output__1.json': { preset: 'n8n_form', channel: 'form', name: 'John Doe' },
	'n8n__gmail_trigger_output_raw__1.json': {
		preset: 'n8n_gmail',
		channel: 'email',
		name: 'From',
		email: 'from@example.com',
		message: 'test',
		why: { message: HTML_STRIPPED },
	},
	'openphone__call.completed__1.json': {
		preset: 'openphone',
		channel: 'missed_call',
		phone: '+18005550100',
		phoneInPlan: true,
		why: {
			channel:
				'an incoming call never answered (answeredAt null) is a missed call, voicemail or not',
		},
	},
	'openphone__message.received__1.json': { preset: 'openphone', channel: 'sms', message: 'test' },
	'postmark__inbound__1.json': {
		preset: 'postmark',
		channel: 'email',
		name: 'Postmarkapp Support',
		email: 'support@postmarkapp.com',
		message: 'This is a test text body.',
	},
	// RingCentral: the caller is `from` on an inbound call, the callee `to` on an outbound one; the
	// side with an extensionId is the business's own line, whichever party the event is about.
	'ringcentral__telephony_session_inbound__1.json': {
		preset: 'ringcentral',
		channel: 'call',
		phone: '+14083388064',
		phoneInPlan: true,
	},
	'ringcentral__telephony_session_outbound__2.json': {
		preset: 'ringcentral',
		channel: 'call',
		phone: '+14083388064',
		phoneInPlan: true,
	},
	'ringcentral__telephony_session_outbound__3.json': {
		preset: 'ringcentral',
		channel: 'call',
		phone: '+14083388064',
		phoneInPlan: true,
	},
	'ringcentral__telephony_session_inbound__4.json': {
		preset: 'ringcentral',
		channel: 'call',
		phone: '+14083388064',
		phoneInPlan: true,
	},
	'ringcentral__telephony_session_inbound__5.json': {
		preset: 'ringcentral',
		channel: 'call',
		name: 'Dibyendu Roy',
		phone: '+14083388064',
		phoneInPlan: true,
		why: { name: 'an all-capitals name is re-cased' },
	},
	'tally__FORM_RESPONSE__1.json': {
		preset: 'tally',
		channel: 'form',
		name: 'Alice Smith',
		email: 'alice@example.com',
		phone: '+32491223344',
		phoneInPlan: true,
		message: 'Hello world',
		why: {
			name: "the form has no name question, so the payment's card-holder name stands in (the sample's own note)",
		},
	},
	'twilio__inbound_sms__1.json': {
		preset: 'twilio',
		channel: 'sms',
		// +1 415-123-4567: exchange 123 starts with 1, which NANP never assigns.
		phoneProblem:
			'a North American exchange (the 3 digits after the area code) cannot start with 0 or 1',
		message: 'Hello',
		why: { phone: 'a placeholder number no one can ring: kept as typed, not as a reachable phone' },
	},
	'twilio__voice_status_callback__busy__1.json': {
		preset: 'twilio',
		channel: 'missed_call',
		// The customer is To on an outbound-api call (+441111111111, GB); From is the business line.
		phone: '+441111111111',
		phoneInPlan: false,
		why: {
			channel:
				'busy, no-answer, failed and canceled calls never reached the customer: a missed call',
			phone: "on an outbound call the customer is To, not From (the sample's own note)",
		},
	},
	'typeform__form_response__1.json': {
		preset: 'typeform',
		channel: 'form',
		name: 'Laura',
		email: 'laura@example.com',
		message:
			"It's cold right now! I live in an older medium-sized city with a university. Geographically, the area is hilly.",
	},
	'webflow__form_submission__1.json': {
		preset: 'webflow',
		channel: 'form',
		name: 'Zaphod Beeblebrox',
		email: 'zaphod@heartofgold.ai',
		// The JSON number 15550000000: country code 1, area code 555, exchange 000.
		phoneProblem:
			'a North American exchange (the 3 digits after the area code) cannot start with 0 or 1',
		why: { phone: 'a placeholder number no one can ring: kept as typed, not as a reachable phone' },
	},
	'whatsapp_cloud__messages_text__1.json': {
		preset: 'whatsapp',
		channel: 'chat',
		name: 'Sheena Nelson',
		// wa_id 16505551234: digits with the country code, no "+".
		phone: '+16505551234',
		phoneInPlan: true,
		message: 'Does it come in another color?',
	},
	'yelp__leads_webhook_NEW_EVENT__1.json': {
		preset: 'yelp',
		channel: 'marketplace',
		lookup: [
			{
				system: 'yelp',
				ids: {
					leadId: 'TbvEUYEi02cmSBmqCjQbkg',
					eventId: 'IsKxQAYZNqCjvRRmNoiCUw',
					businessId: 'SoVHhx7Hel_XX0DKCLp72Q',
				},
			},
		],
	},
	'yelp__leads_webhook_phone_opt_in__2.json': {
		preset: 'yelp',
		channel: 'marketplace',
		lookup: [
			{
				system: 'yelp',
				ids: { leadId: 'TbvEUYEi02cmSBmqCjQbkg', businessId: 'SoVHhx7Hel_XX0DKCLp72Q' },
			},
		],
	},
};

const FILES = readdirSync(DIR).filter((file) => file.endsWith('.json'));

function loadSample(file: string): Sample {
	return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Sample;
}

/**
 * The ways a sample's body reaches the core: as the Webhook node parses it, and as the text the
 * vendor posted (JSON, or form encoding as Twilio and Mailgun send it). Multipart (Jotform) only
 * ever arrives as the decoded fields.
 */
function deliveries(sample: Sample): [string, unknown][] {
	const parsed: [string, unknown] = ['parsed body', sample.body];
	if (sample.contentType.startsWith('application/json'))
		return [parsed, ['JSON text', JSON.stringify(sample.body)]];
	if (sample.contentType.startsWith('application/x-www-form-urlencoded')) {
		const fields = Object.entries(sample.body as Record<string, unknown>)
			.filter(([, value]) => value !== null && value !== undefined)
			.map(([key, value]): [string, string] => [key, String(value)]);
		return [parsed, ['form-encoded text', new URLSearchParams(fields).toString()]];
	}
	return [parsed];
}

function observed(results: BuildResult[]) {
	return results.map((result) => {
		if (result.status === 'invalid') return { invalid: result.reasons };
		const { source, channel, contact, request, needsLookup } = result.inquiry;
		return {
			status: result.status,
			preset: source.preset,
			detectedBy: source.detectedBy,
			channel,
			name: contact.name.full,
			email: contact.email?.address,
			phone: contact.phone?.e164,
			phoneInPlan: contact.phone?.inNumberingPlan,
			phoneProblem: contact.phone?.problem,
			message: request.message,
			lookup: needsLookup && { system: needsLookup.system, ids: needsLookup.ids },
		};
	});
}

function wanted(row: Row) {
	const one = (lookup: Lookup | undefined) => ({
		status: lookup ? 'needs_lookup' : 'normalized',
		preset: row.preset,
		detectedBy: 'auto',
		channel: row.channel,
		name: row.name,
		email: row.email,
		phone: row.phone,
		phoneInPlan: row.phoneInPlan,
		phoneProblem: row.phoneProblem,
		message: row.message,
		lookup,
	});
	return row.lookup ? row.lookup.map(one) : [one(undefined)];
}

/** The fields on which the row and the sample's person-written `expected` block disagree. */
function disagreements(row: Row, expected: Sample['expected']): ComparedField[] {
	const none = (value: string | null) => (value === null || value === '' ? undefined : value);
	const out: ComparedField[] = [];
	if (row.channel !== expected.channel) out.push('channel');
	if (row.name !== none(expected.name)) out.push('name');
	if (row.email !== none(expected.email)) out.push('email');
	if (row.message !== none(expected.message)) out.push('message');
	if (!samePhone(row.phone, none(expected.phone))) out.push('phone');
	return out;
}

/**
 * A person's phone in any format against an E.164 value: "+…" must carry the same digits; a
 * national or bare number must end the E.164 digits once its trunk "0" is dropped.
 */
function samePhone(e164: string | undefined, written: string | undefined): boolean {
	if (e164 === undefined || written === undefined) return e164 === written;
	const digits = e164.replace(/\D/g, '');
	const writtenDigits = written.replace(/\D/g, '');
	if (written.trim().startsWith('+')) return digits === writtenDigits;
	return digits.endsWith(writtenDigits.replace(/^0/, ''));
}

describe('every vendor sample normalizes to the values stated by hand', () => {
	it('the table has exactly one row per sample file', () => {
		expect(Object.keys(TABLE).sort()).toEqual([...FILES].sort());
	});

	it.each(FILES)('%s', (file) => {
		const row = TABLE[file];
		expect(row).toBeDefined();
		for (const [how, body] of deliveries(loadSample(file))) {
			const results = normalizeInquiry(body, { now: NOW, defaultCountry: 'US', source: 'auto' });
			expect({ how, inquiries: observed(results) }).toEqual({ how, inquiries: wanted(row) });
		}
	});

	it.each(FILES)("%s: agrees with the sample's expected block, or says why not", (file) => {
		const row = TABLE[file];
		expect(row).toBeDefined();
		const differing = disagreements(row, loadSample(file).expected).sort();
		expect(Object.keys(row.why ?? {}).sort()).toEqual(differing);
	});
});
