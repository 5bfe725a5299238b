import { standardWebhooksKey } from './timestamped';

export type SecretShape = { ok: boolean; message: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * What can be checked about a webhook secret without a delivery: that it is there, that a
 * Standard Webhooks "whsec_" secret decodes, and that a public URL is a URL. No vendor offers an
 * endpoint that confirms a signing secret, so a real check needs a signed test delivery.
 */
export function checkSecretShape(secret: unknown, publicUrl?: unknown): SecretShape {
	if (typeof secret !== 'string' || secret.trim() === '') {
		return {
			ok: false,
			message: "The signing secret is empty. Paste it from the vendor's webhook settings.",
		};
	}
	const trimmed = secret.trim();
	if (trimmed.startsWith('whsec_')) {
		const body = trimmed.slice('whsec_'.length);
		if (!BASE64.test(body) || standardWebhooksKey(trimmed).length < 16) {
			return {
				ok: false,
				message:
					'A "whsec_" secret must be followed by its base64 key. Copy the whole secret again.',
			};
		}
	}
	if (
		typeof publicUrl === 'string' &&
		publicUrl.trim() !== '' &&
		!/^https?:\/\/[^\s/?#]+/i.test(publicUrl.trim())
	) {
		return {
			ok: false,
			message:
				'The public webhook URL must start with https:// (or http://), as entered at the vendor.',
		};
	}
	return {
		ok: true,
		message:
			'The secret is stored. Vendors cannot confirm a secret on request: send a test delivery and check it leaves through the "Normalized" output.',
	};
}
