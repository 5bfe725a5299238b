import type { InquiryDraft, SourcePreset } from '../draft';
import type { ChatLine } from './sourceParts';
import { asArray, asRecord, at, firstText, isRecord, text } from './read';
import { trackingAttribution, transcript } from './sourceParts';

/** Intercom types that are a customer (as an author or an item); admins, bots and teams are the business. */
const INTERCOM_PEOPLE = new Set(['user', 'lead', 'contact']);

const isIntercomCustomer = (author: unknown) => INTERCOM_PEOPLE.has(text(at(author, 'type')) ?? '');

/**
 * Intercom webhook notifications: `{ type: 'notification_event', topic, id: 'notif_…', data.item }`.
 * Conversations come in the legacy shape (`user` + `conversation_message`) or the current one
 * (`source` with its author + `contacts`); contact topics carry the person as the item itself.
 */
const intercom: SourcePreset = {
	key: 'intercom',
	label: 'Intercom (Conversation or Contact Webhook)',
	family: 'chat',
	detect: (p) => p.type === 'notification_event' && typeof p.topic === 'string' && isRecord(p.data),
	extract(p): InquiryDraft {
		const item = asRecord(at(p, 'data.item')) ?? {};
		const base: InquiryDraft = {
			channel: 'chat',
			system: 'intercom',
			event: text(p.topic),
			recordId: text(item.id),
			eventId: text(p.id),
			occurredAt: firstText(item, 'created_at') ?? text(p.created_at),
		};
		if (INTERCOM_PEOPLE.has(text(item.type) ?? '')) {
			return {
				...base,
				name: { full: item.name },
				email: item.email,
				phone: item.phone,
				location: {
					city: firstText(item, 'location.city', 'location_data.city_name'),
					region: firstText(item, 'location.region', 'location_data.region_name'),
					country: firstText(item, 'location.country', 'location_data.country_name'),
					postalCode: firstText(item, 'location_data.postal_code'),
				},
				attribution: trackingAttribution(item, item.custom_attributes),
			};
		}
		const first = asRecord(item.source) ?? asRecord(item.conversation_message) ?? {};
		const author = asRecord(first.author);
		const person = asRecord(item.user) ?? (isIntercomCustomer(author) ? author : undefined) ?? {};
		const parts = asArray(at(item, 'conversation_parts.conversation_parts'));
		const lines: ChatLine[] = [first, ...parts.slice(0, 200)].map((part) => ({
			speaker:
				isIntercomCustomer(at(part, 'author')) || (part === first && !author)
					? 'Customer'
					: 'Agent',
			text: at(part, 'body'),
			format: 'html',
		}));
		return {
			...base,
			url: firstText(item, 'links.conversation_web'),
			name: { full: person.name },
			email: person.email,
			phone: person.phone,
			subject: text(first.subject),
			message: transcript(lines),
			attribution: { landingPage: text(first.url) },
		};
	},
};

/**
 * Crisp website hooks: `{ website_id, event: 'message:send', data, timestamp }`. A visitor's text
 * message is the inquiry; the visitor's nickname and (once given) email or phone identify them.
 */
const crisp: SourcePreset = {
	key: 'crisp',
	label: 'Crisp (Website Hook)',
	family: 'chat',
	detect: (p) =>
		typeof p.website_id === 'string' &&
		typeof p.event === 'string' &&
		/^(message|session|people):/.test(p.event) &&
		isRecord(p.data),
	extract(p): InquiryDraft {
		const data = asRecord(p.data) ?? {};
		const fromVisitor = data.from !== 'operator';
		const content = data.content;
		const kind = text(data.type) ?? 'text';
		return {
			channel: 'chat',
			system: 'crisp',
			event: text(p.event),
			recordId: text(data.session_id),
			eventId: text(data.fingerprint),
			occurredAt: firstText(data, 'timestamp') ?? text(p.timestamp),
			name: { full: firstText(data, 'user.nickname', 'nickname') },
			email: firstText(data, 'user.email', 'email'),
			phone: firstText(data, 'user.phone', 'phone'),
			message: fromVisitor && kind === 'text' ? text(content) : undefined,
			extraFields: {
				Attachment: kind === 'file' ? firstText(content, 'url') : undefined,
				'Crisp User Id': firstText(data, 'user.user_id'),
				'Website Id': p.website_id,
			},
		};
	},
};

/** Bounds on one WhatsApp delivery: Meta batches at most a handful, hostile input could send more. */
const MAX_WHATSAPP_CHANGES = 100;
const MAX_WHATSAPP_MESSAGES = 1000;

/**
 * WhatsApp Cloud API: `entry[].changes[].value.messages[]`, split one payload per message with
 * the sender's contact matched by wa_id. Numbers come as digits without "+"; they are read as
 * international. Delivery receipts (`statuses[]` without messages) yield nothing.
 */
const whatsapp: SourcePreset = {
	key: 'whatsapp',
	label: 'WhatsApp Cloud API (Messages)',
	family: 'chat',
	detect: (p) => p.object === 'whatsapp_business_account' && Array.isArray(p.entry),
	split(p) {
		const events: Record<string, unknown>[] = [];
		for (const entry of asArray(p.entry).slice(0, MAX_WHATSAPP_CHANGES)) {
			for (const change of asArray(at(entry, 'changes')).slice(0, MAX_WHATSAPP_CHANGES)) {
				const value = asRecord(at(change, 'value'));
				if (!value) continue;
				const contacts = asArray(value.contacts);
				for (const message of asArray(value.messages).slice(0, MAX_WHATSAPP_MESSAGES)) {
					if (events.length === MAX_WHATSAPP_MESSAGES) return events;
					if (!isRecord(message)) continue;
					const contact =
						contacts.find((c) => at(c, 'wa_id') === message.from) ??
						(contacts.length === 1 ? contacts[0] : undefined);
					const single = {
						messaging_product: value.messaging_product,
						metadata: value.metadata,
						contacts: contact ? [contact] : [],
						messages: [message],
					};
					events.push({
						object: p.object,
						entry: [
							{ id: at(entry, 'id'), changes: [{ field: at(change, 'field'), value: single }] },
						],
					});
				}
			}
		}
		return events;
	},
	extract(p): InquiryDraft {
		const value = asRecord(at(asArray(at(asArray(p.entry)[0], 'changes'))[0], 'value')) ?? {};
		const message = asRecord(asArray(value.messages)[0]) ?? {};
		const from = text(message.from);
		const contact =
			asArray(value.contacts).find((c) => text(at(c, 'wa_id')) === from) ??
			asArray(value.contacts)[0];
		const kind = text(message.type) ?? 'text';
		const media = asRecord(at(message, kind));
		const referral = asRecord(message.referral) ?? {};
		return {
			channel: 'chat',
			system: 'whatsapp',
			event: `message.${kind}`,
			recordId: text(message.id),
			eventId: text(message.id),
			occurredAt: text(message.timestamp),
			name: { full: at(contact, 'profile.name') },
			phone: from && /^\d{6,15}$/.test(from) ? `+${from}` : from,
			message: whatsappText(kind, message),
			location:
				kind === 'location'
					? { address: firstText(message, 'location.address', 'location.name') }
					: undefined,
			attribution: {
				adId: referral.source_type === 'ad' ? text(referral.source_id) : undefined,
				landingPage: text(referral.source_url),
			},
			extraFields: {
				'Message Type': kind === 'text' ? undefined : kind,
				'Media Id': kind === 'location' ? undefined : text(media?.id),
				'File Name': text(media?.filename),
				'Ad Headline': text(referral.headline),
				'Business Number': firstText(value, 'metadata.display_phone_number'),
				'Phone Number Id': firstText(value, 'metadata.phone_number_id'),
			},
		};
	},
};

/** What the customer said, whatever kind of message it is. */
function whatsappText(kind: string, message: Record<string, unknown>): string | undefined {
	switch (kind) {
		case 'text':
			return firstText(message, 'text.body');
		case 'button':
			return firstText(message, 'button.text', 'button.payload');
		case 'interactive':
			return firstText(
				message,
				'interactive.button_reply.title',
				'interactive.list_reply.title',
				'interactive.nfm_reply.body',
			);
		case 'reaction':
			return firstText(message, 'reaction.emoji');
		case 'location': {
			const place = [firstText(message, 'location.name'), firstText(message, 'location.address')]
				.filter(Boolean)
				.join(', ');
			const coordinates = [
				text(at(message, 'location.latitude')),
				text(at(message, 'location.longitude')),
			]
				.filter(Boolean)
				.join(',');
			return place || coordinates ? `Shared location: ${place || coordinates}` : undefined;
		}
		default:
			return firstText(message, `${kind}.caption`);
	}
}

export const chatPresets: SourcePreset[] = [intercom, crisp, whatsapp];
