import { createHmac } from 'crypto';
import type { WebhookCall } from './client';

/** A form-encoded Twilio post to `url`, signed with `authToken` the way Twilio signs it (URL + sorted fields, HMAC-SHA1). */
export function signedTwilioPost(
	url: string,
	fields: Record<string, string>,
	authToken: string,
): WebhookCall {
	const data = Object.keys(fields)
		.sort()
		.reduce((acc, key) => acc + key + fields[key], url);
	return {
		rawBody: new URLSearchParams(fields).toString(),
		contentType: 'application/x-www-form-urlencoded',
		headers: { 'x-twilio-signature': createHmac('sha1', authToken).update(data).digest('base64') },
	};
}

/** The fields of Twilio's status callback for a call from `phone` to the business that nobody answered. */
export function missedCallFields(phone: string, callSid: string): Record<string, string> {
	return {
		AccountSid: 'AC00000000000000000000000000000000',
		CallSid: callSid,
		CallStatus: 'no-answer',
		Direction: 'inbound',
		From: phone,
		Caller: phone,
		To: '+14155550100',
		Called: '+14155550100',
	};
}
