import type { InquiryDraft, SourcePreset } from '../draft';
import { draftFromAnswers } from '../generic';
import { fieldServicePresets } from './fieldService';
import { answerText, asArray, asRecord, at, firstText, isRecord, text } from './read';
import type { ChatLine } from './sourceParts';
import { transcript } from './sourceParts';

/** Timing words that say the job cannot wait. */
const URGENT_SCHEDULE = /\b(asap|urgent|as soon as possible|today|within 24)\b/i;

/**
 * Thumbtack lead webhook: `{ leadID, customer { name, phone }, request { category, description,
 * schedule, location, details[] }, business }`. The customer's job questions become extraFields.
 */
const thumbtack: SourcePreset = {
	key: 'thumbtack',
	label: 'Thumbtack (New Lead)',
	family: 'marketplaces',
	detect: (p) =>
		isRecord(p.customer) &&
		isRecord(p.request) &&
		('leadID' in p || 'leadId' in p || isRecord(p.business)),
	extract(p): InquiryDraft {
		const request = asRecord(p.request) ?? {};
		const customer = asRecord(p.customer) ?? {};
		const schedule = text(request.schedule);
		const answers = asArray(request.details).map((detail) => ({
			label: firstText(detail, 'question') ?? '',
			value: at(detail, 'answer'),
		}));
		const leadId = firstText(p, 'leadID', 'leadId');
		const draft = draftFromAnswers(answers, {
			channel: 'marketplace',
			system: 'thumbtack',
			event: 'lead',
			recordId: leadId,
			eventId: leadId,
			occurredAt: firstText(p, 'createTimestamp', 'createdAt'),
			name: { full: customer.name, first: customer.firstName, last: customer.lastName },
			phone: customer.phone,
			email: customer.email,
			message: firstText(request, 'description', 'title'),
			service: firstText(request, 'category', 'title'),
			preferredTime: schedule,
			location: {
				address: firstText(request, 'location.address1'),
				city: at(request, 'location.city'),
				region: at(request, 'location.state'),
				postalCode: at(request, 'location.zipCode'),
			},
			extraFields: {
				'Lead Price': text(p.leadPrice) ?? text(p.price),
				Business: firstText(p, 'business.name'),
			},
		});
		if (schedule && URGENT_SCHEDULE.test(schedule)) draft.urgency = 'high';
		if (schedule && /emergenc/i.test(schedule)) draft.urgency = 'emergency';
		return draft;
	},
};

/** Yelp lead events and what the template must do for each. */
const YELP_HINTS: Record<string, string> = {
	NEW_EVENT:
		'GET https://api.yelp.com/v3/leads/{leadId} and /v3/leads/{leadId}/events with the business OAuth token',
	CONSUMER_PHONE_NUMBER_OPT_IN_EVENT:
		'The customer shared their phone: re-fetch GET https://api.yelp.com/v3/leads/{leadId} and update the existing inquiry',
	CONSUMER_PHONE_NUMBER_OPT_OUT_EVENT:
		'The customer withdrew their phone: re-fetch GET https://api.yelp.com/v3/leads/{leadId} and remove the phone from the existing inquiry',
};

/**
 * Yelp Leads webhook: ids only, `data.updates[]` batched per business; split one payload per
 * update. NEW_EVENT fires for a new lead and for each later message, so the event id (not the
 * lead id) identifies a delivery.
 */
const yelp: SourcePreset = {
	key: 'yelp',
	label: 'Yelp Leads (Webhook: Fetch Lead)',
	family: 'marketplaces',
	detect: (p) => p.object === 'business' && Array.isArray(at(p, 'data.updates')),
	split: (p) =>
		asArray(at(p, 'data.updates'))
			.slice(0, 1000)
			.filter(isRecord)
			.map((update) => ({
				time: p.time,
				object: p.object,
				data: { id: at(p, 'data.id'), updates: [update] },
			})),
	extract(p): InquiryDraft {
		const update = asRecord(asArray(at(p, 'data.updates'))[0]) ?? {};
		const type = text(update.event_type) ?? '';
		const leadId = text(update.lead_id) ?? '';
		const eventId = text(update.event_id);
		const ids: Record<string, string> = { leadId };
		if (eventId) ids.eventId = eventId;
		const businessId = firstText(p, 'data.id');
		if (businessId) ids.businessId = businessId;
		return {
			channel: 'marketplace',
			system: 'yelp',
			event: type || undefined,
			recordId: leadId || undefined,
			eventId: eventId ?? `${type}:${leadId}`,
			occurredAt: text(update.interaction_time) ?? text(p.time),
			needsLookup: { system: 'yelp', ids, hint: YELP_HINTS[type] ?? YELP_HINTS.NEW_EVENT },
		};
	},
};

/**
 * A Yelp lead as GET /v3/leads/{id} returns it, optionally with the /events list merged in as
 * `events` (or the events response alone). The email is Yelp's masked relay address.
 */
const yelpLead: SourcePreset = {
	key: 'yelp_lead',
	label: 'Yelp Leads (Lead from the API)',
	family: 'marketplaces',
	detect: (p) =>
		(typeof p.id === 'string' &&
			isRecord(p.project) &&
			(isRecord(p.user) || 'temporary_email_address' in p)) ||
		(Array.isArray(p.events) &&
			p.events.some(
				(event) => isRecord(event) && 'user_type' in event && 'event_content' in event,
			)),
	extract(p): InquiryDraft {
		const project = asRecord(p.project) ?? {};
		const answers = asArray(project.survey_answers).map((answer) => ({
			label: firstText(answer, 'question_text') ?? '',
			value: at(answer, 'answer_text'),
		}));
		const events = asArray(p.events).slice(0, 200);
		const lines: ChatLine[] = [
			{ speaker: 'Customer', text: project.additional_info },
			...events
				.filter((event) => at(event, 'event_type') === 'TEXT')
				.map(
					(event): ChatLine => ({
						speaker: at(event, 'user_type') === 'CONSUMER' ? 'Customer' : 'Agent',
						text: at(event, 'event_content.text'),
					}),
				),
		];
		const consumer = events.find((event) => at(event, 'user_type') === 'CONSUMER');
		const leadId = text(p.id) ?? firstText(events[0], 'lead_id');
		return draftFromAnswers(answers, {
			channel: 'marketplace',
			system: 'yelp',
			event: 'lead',
			recordId: leadId,
			occurredAt: firstText(p, 'time_created') ?? firstText(events[0], 'time_created'),
			name: { full: firstText(p, 'user.display_name') ?? firstText(consumer, 'user_display_name') },
			email: p.temporary_email_address,
			phone: firstText(p, 'phone_number', 'user.phone_number'),
			message: transcript(lines),
			service: answerText(project.job_names),
			preferredTime:
				answerText(at(project, 'availability.dates')) ?? firstText(project, 'availability.status'),
			location: {
				postalCode: firstText(project, 'location.postal_code'),
				city: firstText(project, 'location.city'),
				region: firstText(project, 'location.state'),
			},
			extraFields: {
				'Email Expires': p.temporary_email_address_expiry,
				'Business Id': p.business_id,
			},
		});
	},
};

/** Field service first: its shapes are the most specific. */
export const marketplacesPresets: SourcePreset[] = [
	...fieldServicePresets,
	thumbtack,
	yelp,
	yelpLead,
];
