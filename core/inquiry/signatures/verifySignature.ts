import { aircall, googleAds, mailgun } from './bodyToken';
import { callrail, calcom, intercom, jobber, meta, tally, tawkto, typeform } from './bodyHmac';
import { hubspot } from './hubspot';
import { fail } from './primitives';
import { calendly, crisp, openphone, standardWebhooks, webflow } from './timestamped';
import { twilio } from './twilio';
import type {
	SchemeVerifier,
	SignatureScheme,
	SignedRequest,
	VerifyOptions,
	VerifyResult,
} from './types';

export interface SchemeInfo {
	/** Shown in the node's scheme list. */
	label: string;
	verify: SchemeVerifier;
	/** Whether the check needs the public URL the vendor posted to. */
	needsUrl: boolean;
}

const unsigned: SchemeVerifier = () =>
	fail('unsigned_source', 'this vendor does not sign its webhooks, so nothing can be verified');

/** Every scheme, with the label the node shows. */
export const SIGNATURE_SCHEME_INFO: Record<SignatureScheme, SchemeInfo> = {
	typeform: { label: 'Typeform (Typeform-Signature)', verify: typeform, needsUrl: false },
	calendly: { label: 'Calendly (Calendly-Webhook-Signature)', verify: calendly, needsUrl: false },
	calcom: { label: 'Cal.com (X-Cal-Signature-256)', verify: calcom, needsUrl: false },
	meta: { label: 'Meta Lead Ads / WhatsApp (X-Hub-Signature-256)', verify: meta, needsUrl: false },
	twilio: { label: 'Twilio (X-Twilio-Signature)', verify: twilio, needsUrl: true },
	tally: { label: 'Tally (Tally-Signature)', verify: tally, needsUrl: false },
	webflow: { label: 'Webflow (X-Webflow-Signature)', verify: webflow, needsUrl: false },
	hubspot: { label: 'HubSpot (X-HubSpot-Signature v1, v2, v3)', verify: hubspot, needsUrl: true },
	intercom: { label: 'Intercom (X-Hub-Signature SHA-1)', verify: intercom, needsUrl: false },
	tawkto: { label: 'Tawk.to (X-Tawk-Signature)', verify: tawkto, needsUrl: false },
	openphone: {
		label: 'OpenPhone / Quo (Openphone-Signature or Standard Webhooks)',
		verify: openphone,
		needsUrl: false,
	},
	standardWebhooks: {
		label: 'Standard Webhooks (Webhook-Signature)',
		verify: standardWebhooks,
		needsUrl: false,
	},
	jobber: { label: 'Jobber (X-Jobber-Hmac-SHA256)', verify: jobber, needsUrl: false },
	mailgun: { label: 'Mailgun (Signature Fields in Body)', verify: mailgun, needsUrl: false },
	googleAds: {
		label: 'Google Ads Lead Form (Google_key in Body)',
		verify: googleAds,
		needsUrl: false,
	},
	aircall: { label: 'Aircall (Token in Body)', verify: aircall, needsUrl: false },
	callrail: { label: 'CallRail (Signature)', verify: callrail, needsUrl: false },
	crisp: { label: 'Crisp (X-Crisp-Signature, Unconfirmed)', verify: crisp, needsUrl: false },
	none: { label: 'None (Vendor Does Not Sign)', verify: unsigned, needsUrl: false },
};

/**
 * Checks that a delivery really comes from the vendor holding `secret`. Pure and total: every
 * failure is a result with a closed reason, never an exception.
 */
export function verifySignature(
	scheme: SignatureScheme,
	request: SignedRequest,
	secret: string,
	options: VerifyOptions,
): VerifyResult {
	if (scheme !== 'none' && secret.trim() === '')
		return fail('missing_secret', 'the credential holds no secret');
	return SIGNATURE_SCHEME_INFO[scheme].verify(request, secret.trim(), options);
}

/** Vendor names as they appear in preset keys, mapped to the scheme that vendor documents. */
const PRESET_SCHEMES: [pattern: RegExp, scheme: SignatureScheme][] = [
	[/typeform/, 'typeform'],
	[/calendly/, 'calendly'],
	[/calcom/, 'calcom'],
	[/meta|facebook|whatsapp|leadgen/, 'meta'],
	[/twilio/, 'twilio'],
	[/tally/, 'tally'],
	[/webflow/, 'webflow'],
	[/hubspot/, 'hubspot'],
	[/intercom/, 'intercom'],
	[/tawk/, 'tawkto'],
	[/openphone|^quo$/, 'openphone'],
	[/jobber/, 'jobber'],
	[/mailgun/, 'mailgun'],
	[/google/, 'googleAds'],
	[/aircall/, 'aircall'],
	[/callrail/, 'callrail'],
	[/crisp/, 'crisp'],
];

/**
 * The scheme a source preset's vendor documents ("Auto" in the node). Presets of vendors that
 * sign nothing (Jotform, Postmark, Yelp, the n8n triggers…) map to `none`.
 */
export function detectScheme(presetKey: string): SignatureScheme {
	const key = presetKey.toLowerCase().replace(/[^a-z0-9]/g, '');
	if (key.startsWith('n8n') || key.includes('gmail')) return 'none';
	for (const [pattern, scheme] of PRESET_SCHEMES) if (pattern.test(key)) return scheme;
	return 'none';
}
