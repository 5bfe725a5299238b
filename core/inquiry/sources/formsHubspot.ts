import type { InquiryDraft, SourcePreset } from '../draft';
import { asRecord, firstText, isRecord, text } from './read';

/**
 * HubSpot: its webhooks carry ids only, so the template fetches the contact from the CRM API and
 * feeds the result back through the same node, where the contact preset reads it.
 */
/** HubSpot webhooks carry only ids (a JSON array of events, wrapped as `events` by the parser). */
export const hubspotWebhook: SourcePreset = {
	key: 'hubspot',
	label: 'HubSpot (Webhook: Fetch Contact)',
	family: 'forms',
	detect: (p) =>
		isHubspotEvent(p) ||
		(Array.isArray(p.events) && p.events.length > 0 && p.events.every(isHubspotEvent)),
	split: (p) => (Array.isArray(p.events) ? p.events.filter(isRecord) : [p]),
	extract(p): InquiryDraft {
		const objectId = text(p.objectId) ?? '';
		return {
			channel: 'form',
			system: 'hubspot',
			event: text(p.subscriptionType),
			recordId: objectId,
			eventId: text(p.eventId),
			occurredAt: typeof p.occurredAt === 'number' ? p.occurredAt : text(p.occurredAt),
			needsLookup: {
				system: 'hubspot',
				ids: {
					objectId,
					portalId: text(p.portalId) ?? '',
					subscriptionType: text(p.subscriptionType) ?? '',
				},
				hint: 'GET /crm/v3/objects/contacts/{objectId}?properties=firstname,lastname,email,phone,message,company,zip,city',
			},
		};
	},
};

function isHubspotEvent(value: unknown): boolean {
	return (
		isRecord(value) &&
		typeof value.subscriptionType === 'string' &&
		'objectId' in value &&
		'portalId' in value
	);
}

/** A HubSpot CRM contact, as the lookup returns it: `{ id, properties: { firstname, … } }`. */
export const hubspotContact: SourcePreset = {
	key: 'hubspot_contact',
	label: 'HubSpot (Contact from the CRM API)',
	family: 'forms',
	detect: (p) =>
		isRecord(p.properties) &&
		('firstname' in p.properties || 'email' in p.properties || 'hs_object_id' in p.properties),
	extract(p) {
		const props = asRecord(p.properties) ?? {};
		return {
			channel: 'form',
			system: 'hubspot',
			event: 'contact',
			recordId: firstText(p, 'id') ?? text(props.hs_object_id),
			occurredAt: firstText(props, 'createdate') ?? text(p.createdAt),
			name: { first: props.firstname, last: props.lastname },
			email: props.email,
			phone: firstText(props, 'phone', 'mobilephone'),
			company: props.company,
			message: firstText(props, 'message', 'hs_content_membership_notes'),
			location: {
				address: props.address,
				city: props.city,
				region: props.state,
				postalCode: props.zip,
				country: props.country,
			},
			attribution: {
				utmSource: props.hs_analytics_source,
				landingPage: props.hs_analytics_first_url,
				referrer: props.hs_analytics_first_referrer,
			},
		};
	},
};
