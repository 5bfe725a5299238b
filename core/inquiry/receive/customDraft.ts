import { InquiryError } from '../../shared/errors';
import type { InquiryDraft } from '../draft';
import { CHANNELS } from '../schema';
import type { Channel } from '../schema';

/** Inquiry fields a user can point at a value in Custom Mapping mode, with the label shown. */
export const CUSTOM_FIELDS = {
	'name.full': 'Full Name',
	'name.first': 'First Name',
	'name.last': 'Last Name',
	email: 'Email',
	phone: 'Phone',
	company: 'Company',
	message: 'Message',
	subject: 'Subject',
	service: 'Service Requested',
	preferredTime: 'Preferred Time',
	'location.address': 'Address',
	'location.city': 'City',
	'location.region': 'Region / State',
	'location.postalCode': 'Postal Code',
	'location.country': 'Country',
	channel: 'Channel (form, call, sms, …)',
	recordId: 'Record ID (for stable inquiry IDs)',
	occurredAt: 'Occurred At',
	'attribution.utmSource': 'UTM Source',
	'attribution.utmMedium': 'UTM Medium',
	'attribution.utmCampaign': 'UTM Campaign',
	'attribution.gclid': 'Google Click ID (gclid)',
	'attribution.fbclid': 'Facebook Click ID (fbclid)',
	'attribution.landingPage': 'Landing Page',
} as const;
export type CustomField = keyof typeof CUSTOM_FIELDS;

export interface CustomMappingRow {
	field: string;
	value: unknown;
}

const GROUPS = ['name', 'location', 'attribution'] as const;

/**
 * Mapping rows → the draft normalizeInquiry cleans like any preset's. Empty values are skipped;
 * an unknown field or channel is a configuration mistake, and the error names the row, counted
 * from 1 as the node panel shows it.
 */
export function customDraftFrom(rows: CustomMappingRow[]): Partial<InquiryDraft> {
	const draft: Record<string, unknown> = {};
	rows.forEach(({ field, value }, index) => {
		const row = `row ${index + 1}`;
		if (!Object.prototype.hasOwnProperty.call(CUSTOM_FIELDS, field)) {
			throw new InquiryError('INVALID_CUSTOM_MAPPING', `${row}: unknown inquiry field "${field}"`);
		}
		if (value === undefined || value === null || value === '') return;
		const [group, key] = field.split('.') as [string, string | undefined];
		if (key !== undefined && (GROUPS as readonly string[]).includes(group)) {
			draft[group] = { ...(draft[group] as object | undefined), [key]: value };
		} else if (field === 'channel') {
			draft.channel = channelOf(value, row);
		} else {
			draft[field] = field === 'recordId' || field === 'occurredAt' ? String(value) : value;
		}
	});
	return draft as Partial<InquiryDraft>;
}

function channelOf(value: unknown, row: string): Channel {
	const channel = String(value)
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
	if ((CHANNELS as readonly string[]).includes(channel)) return channel as Channel;
	throw new InquiryError(
		'INVALID_CUSTOM_MAPPING',
		`${row}: channel "${String(value)}" is not one of ${CHANNELS.join(', ')}`,
	);
}
