import type { InquiryDraft, SourcePreset } from '../draft';
import { asArray, asRecord, at, firstText, isRecord, text } from './read';

/** Field-service software (Jobber); part of the marketplaces family (see marketplaces.ts). */

/** What to fetch from Jobber's GraphQL API (POST https://api.getjobber.com/api/graphql) per topic. */
const JOBBER_LOOKUPS: Record<string, string> = {
	CLIENT: 'client(id: "{itemId}") { name firstName lastName emails phones billingAddress }',
	REQUEST:
		'request(id: "{itemId}") { title client { name emails phones } property { address } assessment { startAt instructions } }',
};

/**
 * Jobber webhooks carry ids only: `data.webHookEvent { topic, itemId, accountId, occurredAt }`.
 * Delivery is at-least-once, so the event id is topic + item + time, as Jobber advises.
 */
const jobber: SourcePreset = {
	key: 'jobber',
	label: 'Jobber (Webhook: Fetch Client or Request)',
	family: 'marketplaces',
	detect: (p) => isRecord(at(p, 'data.webHookEvent')),
	extract(p): InquiryDraft {
		const event = asRecord(at(p, 'data.webHookEvent')) ?? {};
		const topic = text(event.topic) ?? '';
		const itemId = text(event.itemId) ?? '';
		const occurredAt = text(event.occurredAt);
		const query = JOBBER_LOOKUPS[topic.startsWith('REQUEST') ? 'REQUEST' : 'CLIENT'];
		return {
			channel: 'form',
			system: 'jobber',
			event: topic || undefined,
			recordId: itemId || undefined,
			eventId: `${topic}:${itemId}:${occurredAt ?? ''}`,
			occurredAt,
			needsLookup: {
				system: 'jobber',
				ids: { itemId, accountId: text(event.accountId) ?? '', topic },
				hint: `POST https://api.getjobber.com/api/graphql: query { ${query} }`,
			},
		};
	},
};

/**
 * What Jobber's GraphQL API returns for a client or a request: `{ data: { client } }` or
 * `{ data: { request: { title, client, property, assessment } } }`. Primary email and phone win.
 */
const jobberLookup: SourcePreset = {
	key: 'jobber_lookup',
	label: 'Jobber (Client or Request from the API)',
	family: 'marketplaces',
	detect: (p) =>
		isJobberClient(at(p, 'data.client')) ||
		(isRecord(at(p, 'data.request')) && isJobberClient(at(p, 'data.request.client'))),
	extract(p): InquiryDraft {
		const request = asRecord(at(p, 'data.request'));
		const client = asRecord(request ? request.client : at(p, 'data.client')) ?? {};
		const phones = asArray(client.phones);
		const phone = phones.find((entry) => at(entry, 'primary') === true) ?? phones[0];
		const address =
			asRecord(at(request, 'property.address')) ?? asRecord(client.billingAddress) ?? {};
		const smsAllowed = at(phone, 'smsAllowed');
		return {
			channel: 'form',
			system: 'jobber',
			event: request ? 'request' : 'client',
			recordId: firstText(request ?? client, 'id'),
			occurredAt: firstText(request ?? client, 'createdAt'),
			name: { full: client.name, first: client.firstName, last: client.lastName },
			email: primaryEmail(client.emails),
			phone: firstText(phone, 'number'),
			company: client.companyName,
			message:
				[firstText(request, 'assessment.instructions'), firstText(request, 'details')]
					.filter(Boolean)
					.join('\n') || undefined,
			service: firstText(request, 'title'),
			preferredTime: firstText(request, 'assessment.startAt'),
			location: {
				address: firstText(address, 'street', 'street1'),
				city: address.city,
				region: address.province,
				postalCode: address.postalCode,
				country: address.country,
			},
			consent: typeof smsAllowed === 'boolean' ? { sms: smsAllowed } : undefined,
		};
	},
};

function isJobberClient(value: unknown): boolean {
	return (
		isRecord(value) &&
		('emails' in value || 'phones' in value || 'firstName' in value || 'billingAddress' in value)
	);
}

function primaryEmail(emails: unknown): string | undefined {
	const list = asArray(emails);
	return (
		firstText(list.find((entry) => at(entry, 'primary') === true) ?? list[0], 'address') ??
		text(list[0])
	);
}

export const fieldServicePresets: SourcePreset[] = [jobber, jobberLookup];
