import type { N8nClient, WebhookResponse } from './client';

/** One delivery as a vendor makes it: every attempt's answer, and the inquiry id of the last one. */
export interface Delivery {
	status: number;
	inquiryId: string;
	attempts: number;
	/** Each attempt's status and body (0 and '' for a connection that failed). */
	answers: Array<{ status: number; text: string }>;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts the same bytes again on a 5xx or a broken connection, once a second, as vendors document
 * their webhook retries, until an answer below 500 or `maxAttempts`.
 */
export async function deliverLikeAVendor(
	client: N8nClient,
	path: string,
	rawBody: string,
	maxAttempts = 60,
): Promise<Delivery> {
	const answers: Delivery['answers'] = [];
	for (;;) {
		const response: WebhookResponse | undefined = await client
			.postWebhook(path, { rawBody, contentType: 'application/json', headers: {} })
			.catch(() => undefined);
		answers.push({ status: response?.status ?? 0, text: response?.text ?? '' });
		if ((response && response.status < 500) || answers.length >= maxAttempts) {
			const json = (response?.json ?? {}) as { inquiryId?: string };
			return {
				status: response?.status ?? 0,
				inquiryId: String(json.inquiryId ?? ''),
				attempts: answers.length,
				answers,
			};
		}
		await sleep(1000);
	}
}
