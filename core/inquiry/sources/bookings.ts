import type { InquiryDraft, SourcePreset } from '../draft';
import type { LabeledAnswer } from '../generic';
import { draftFromAnswers } from '../generic';
import { matchFieldLabel } from '../labels';
import { answerText, asArray, asRecord, at, firstText, isRecord, text } from './read';
import { trackingAttribution } from './sourceParts';

/**
 * Booking questions are written freely ("Anything that will help us prepare?"). The shared label
 * matcher reads the usual ones; these catch what booking pages typically add. The canonical word
 * leads the label, so the question survives in extraFields when the answer does not fit.
 */
const QUESTION_HINTS: readonly [RegExp, string][] = [
	[/\b(text|sms|reach you|call you|number)\b/i, 'Phone'],
	[/\b(looking for|interested in|type of|kind of)\b/i, 'Service'],
	[/\b(help|anything|share|tell|describe|project|issue|problem|reason|prepare)\b/i, 'Message'],
];

function questionLabel(question: string): string {
	// "What number can we text you at?" reads as a message to the shared matcher ("text").
	const field = matchFieldLabel(question);
	if (field !== undefined && field !== 'message') return question;
	const hint = QUESTION_HINTS.find(([pattern]) => pattern.test(question));
	return hint ? `${hint[1]}: ${question}` : question;
}

/**
 * Calendly invitee webhooks (API v2; the legacy v1 shape nests `payload.invitee` and an event
 * object). The invitee is the customer: hosts and guests in the scheduled event are not.
 */
const calendly: SourcePreset = {
	key: 'calendly',
	label: 'Calendly (Invitee Created)',
	family: 'bookings',
	detect: (p) =>
		typeof p.event === 'string' &&
		(p.event.startsWith('invitee') || p.event.startsWith('routing_form_submission')) &&
		isRecord(p.payload),
	extract(p): InquiryDraft {
		const payload = asRecord(p.payload) ?? {};
		const invitee = asRecord(payload.invitee) ?? asRecord(payload.submitter) ?? payload;
		const scheduled = asRecord(payload.scheduled_event) ?? asRecord(payload.event) ?? {};
		const answers: LabeledAnswer[] = asArray(payload.questions_and_answers)
			.filter(isRecord)
			.map((qa) => ({ label: questionLabel(text(qa.question) ?? ''), value: qa.answer }));
		const uri = firstText(invitee, 'uri', 'uuid');
		const draft = draftFromAnswers(answers, {
			channel: text(p.event)?.startsWith('routing_form') ? 'form' : 'booking',
			system: 'calendly',
			event: text(p.event),
			recordId: uri,
			eventId: uri,
			occurredAt: firstText(invitee, 'created_at') ?? text(p.created_at),
			sourceTimezone: text(invitee.timezone),
			name: { full: invitee.name, first: invitee.first_name, last: invitee.last_name },
			email: invitee.email,
			phone: text(invitee.text_reminder_number),
			preferredTime: firstText(scheduled, 'start_time'),
			attribution: trackingAttribution(payload.tracking),
			extraFields: {
				'Meeting Location':
					firstText(scheduled, 'location.location', 'location.join_url', 'location.type') ??
					text(scheduled.location),
				Host: firstText(asArray(scheduled.event_memberships)[0], 'user_name'),
				Rescheduled: payload.rescheduled === true ? 'Yes' : undefined,
				'Cancellation Reason': firstText(payload, 'cancellation.reason', 'cancel_reason'),
			},
		});
		draft.service ??= firstText(scheduled, 'name') ?? firstText(payload, 'event_type.name');
		return draft;
	},
};

/** Cal.com booking fields every booking page has; any other response is a custom question. */
const CALCOM_FIELDS = new Set([
	'name',
	'email',
	'location',
	'notes',
	'guests',
	'rescheduleReason',
	'attendeePhoneNumber',
	'smsReminderNumber',
]);
const POSTAL_CODE =
	/^(\d{4,5}(-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i;

/**
 * Cal.com webhooks (BOOKING_CREATED and the other booking triggers, FORM_SUBMITTED for routing
 * forms). The customer is the first attendee, never the organizer; responses are keyed by the
 * booking field's slug as `{ label, value }`.
 */
const calcom: SourcePreset = {
	key: 'calcom',
	label: 'Cal.com (Booking Created)',
	family: 'bookings',
	detect: (p) => typeof p.triggerEvent === 'string' && isRecord(p.payload),
	extract(p): InquiryDraft {
		const payload = asRecord(p.payload) ?? {};
		const attendee = asRecord(asArray(payload.attendees)[0]) ?? {};
		const responses = asRecord(payload.responses) ?? {};
		const nameValue = at(responses, 'name.value');
		const place = calcomPlace(at(responses, 'location.value'));
		const answers = [
			...customResponses(responses),
			...customResponses(asRecord(payload.userFieldsResponses) ?? {}),
		];
		const trigger = text(p.triggerEvent) ?? '';
		const draft = draftFromAnswers(answers, {
			channel: trigger.startsWith('FORM_SUBMITTED') ? 'form' : 'booking',
			system: 'calcom',
			event: trigger || undefined,
			recordId: firstText(payload, 'uid', 'bookingId', 'formId'),
			occurredAt: text(p.createdAt),
			sourceTimezone: text(attendee.timeZone),
			name: {
				full: text(attendee.name) ?? text(nameValue),
				first: at(nameValue, 'firstName'),
				last: at(nameValue, 'lastName'),
			},
			email: text(attendee.email) ?? text(at(responses, 'email.value')),
			phone:
				firstText(responses, 'attendeePhoneNumber.value', 'smsReminderNumber.value') ??
				text(attendee.phoneNumber) ??
				place.phone ??
				text(payload.smsReminderNumber),
			message:
				firstText(responses, 'notes.value') ??
				text(payload.additionalNotes) ??
				text(payload.description),
			preferredTime: text(payload.startTime),
			location: place.location,
			attribution: trackingAttribution(payload.tracking, payload.metadata),
			extraFields: {
				Organizer: firstText(payload, 'organizer.name'),
				'Meeting Location': text(payload.location),
				Guests: answerText(at(responses, 'guests.value')),
				'Booking Status': text(payload.status),
				'Reschedule Reason':
					firstText(responses, 'rescheduleReason.value') ?? text(payload.rescheduleReason),
			},
		});
		draft.service ??= text(payload.eventTitle) ?? text(payload.type);
		return draft;
	},
};

function customResponses(responses: Record<string, unknown>): LabeledAnswer[] {
	return Object.keys(responses)
		.filter((slug) => !CALCOM_FIELDS.has(slug))
		.map((slug) => {
			const response = responses[slug];
			const value = isRecord(response) ? (response.value ?? response.response) : response;
			return { label: questionLabel(firstText(response, 'label') ?? slug), value };
		});
}

/**
 * The location a booker picked: "phone" means Cal.com calls the attendee on the number given,
 * "attendeeInPerson" means the visit is at the attendee's address. Other kinds are the host's.
 */
function calcomPlace(value: unknown): { phone?: string; location?: InquiryDraft['location'] } {
	const kind = firstText(value, 'value');
	const option = firstText(value, 'optionValue');
	if (!option) return {};
	if (kind === 'phone') return { phone: option };
	if (kind === 'attendeeInPerson')
		return { location: POSTAL_CODE.test(option) ? { postalCode: option } : { address: option } };
	return {};
}

export const bookingsPresets: SourcePreset[] = [calendly, calcom];
