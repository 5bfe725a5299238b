import { marketplacesPresets } from './marketplaces';
import { normalizeAll, normalizeOne, sampleBody, summary } from './test/samples';
import { expectPresetsSurviveAnything, expectPresetsSurviveHuge, HUGE } from './test/hostile';

describe('Jobber', () => {
	it('webhook: ids only, a lookup request for the client', () => {
		const inquiry = normalizeOne(sampleBody('jobber__webhook_CLIENT_CREATE__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'jobber',
			channel: 'form',
			name: {},
			email: undefined,
			phone: undefined,
			message: undefined,
		});
		expect(inquiry.needsLookup).toEqual({
			system: 'jobber',
			ids: {
				itemId: 'Z2lkOi8vSm9iYmVyL0NsaWVudC8xNDUxODkzMjY=',
				accountId: 'Z2lkOi8vSm9iYmVyL0FjY291bnQvMjQ4NjkzNA==',
				topic: 'CLIENT_CREATE',
			},
			hint: expect.stringContaining('client(id: "{itemId}")'),
		});
		expect(inquiry.continuity.trail[0].outcome).toBe('needs_lookup');
		expect(inquiry.occurredAt).toBe('2026-07-02T09:08:19.000Z');
	});

	it('a redelivery is the same event; a REQUEST_CREATE asks for the request', () => {
		const body = sampleBody('jobber__webhook_CLIENT_CREATE__1.json') as {
			data: { webHookEvent: Record<string, unknown> };
		};
		const first = normalizeOne(body);
		expect(normalizeOne(JSON.parse(JSON.stringify(body))).id).toBe(first.id);
		body.data.webHookEvent = {
			...body.data.webHookEvent,
			topic: 'REQUEST_CREATE',
			itemId: 'Z2lkOi8vSm9iYmVyL1JlcXVlc3QvOTk=',
		};
		const request = normalizeOne(body);
		expect(request.id).not.toBe(first.id);
		expect(request.needsLookup?.hint).toContain('request(id: "{itemId}")');
	});

	it('GraphQL client lookup: primary email and phone, billing address, SMS consent', () => {
		const inquiry = normalizeOne({
			data: {
				client: {
					id: 'Z2lkOi8vSm9iYmVyL0NsaWVudC8xNDUxODkzMjY=',
					name: 'Maria de la Cruz',
					firstName: 'Maria',
					lastName: 'de la Cruz',
					companyName: null,
					emails: [
						{ address: 'old@example.com', primary: false },
						{ address: 'maria@example.com', primary: true },
					],
					phones: [{ number: '(512) 555-0147', primary: true, smsAllowed: true }],
					billingAddress: {
						street: '500 Congress Ave',
						city: 'Austin',
						province: 'TX',
						postalCode: '78701',
						country: 'United States',
					},
				},
			},
		});
		expect(summary(inquiry)).toEqual({
			preset: 'jobber_lookup',
			channel: 'form',
			name: { full: 'Maria de la Cruz', first: 'Maria', last: 'de la Cruz' },
			email: 'maria@example.com',
			phone: '+15125550147',
			message: undefined,
		});
		expect(inquiry.request.location).toEqual({
			address: '500 Congress Ave',
			city: 'Austin',
			region: 'TX',
			postalCode: '78701',
			country: 'United States',
		});
		expect(inquiry.consent).toEqual({ sms: true });
		expect(inquiry.needsLookup).toBeUndefined();
	});

	it('GraphQL request lookup: title as service, assessment time and instructions, property address', () => {
		const inquiry = normalizeOne({
			data: {
				request: {
					id: 'Z2lkOi8vSm9iYmVyL1JlcXVlc3QvOTk=',
					title: 'Gutter cleaning',
					createdAt: '2026-07-02T09:08:19Z',
					client: {
						name: 'Tom Baker',
						emails: [{ address: 'tom@example.com' }],
						phones: [{ number: '+1 512 555 0190' }],
					},
					property: {
						address: { street: '12 Oak St', city: 'Austin', province: 'TX', postalCode: '78702' },
					},
					assessment: {
						startAt: '2026-07-05T15:00:00Z',
						instructions: 'Gate code 1234, dog in yard',
					},
				},
			},
		});
		expect(summary(inquiry)).toEqual({
			preset: 'jobber_lookup',
			channel: 'form',
			name: { full: 'Tom Baker', first: 'Tom', last: 'Baker' },
			email: 'tom@example.com',
			phone: '+15125550190',
			message: 'Gate code 1234, dog in yard',
		});
		expect(inquiry.request).toMatchObject({
			service: 'Gutter cleaning',
			preferredTime: '2026-07-05T15:00:00Z',
			location: { address: '12 Oak St', city: 'Austin', region: 'TX', postalCode: '78702' },
		});
		expect(inquiry.source.recordId).toBe('Z2lkOi8vSm9iYmVyL1JlcXVlc3QvOTk=');
	});
});

describe('Thumbtack', () => {
	const lead = {
		leadID: '437625139587604490',
		createTimestamp: '1718000000',
		request: {
			requestID: '437625139587604480',
			category: 'House Cleaning',
			title: 'House Cleaning',
			description: 'Deep clean before we move out',
			schedule: 'As soon as possible',
			location: { city: 'Denver', state: 'CO', zipCode: '80202' },
			details: [
				{ question: 'How many bedrooms?', answer: '3 bedrooms' },
				{ question: 'Pets?', answer: 'One cat' },
			],
		},
		customer: { customerID: '1234', name: 'Alex Kim', phone: '3035550123' },
		business: { businessID: '55', name: 'Sparkle Cleaners' },
		leadPrice: '$18.50',
	};

	it('a lead: customer, job, location, answers, and an ASAP schedule as high urgency', () => {
		const inquiry = normalizeOne(lead);
		expect(summary(inquiry)).toEqual({
			preset: 'thumbtack',
			channel: 'marketplace',
			name: { full: 'Alex Kim', first: 'Alex', last: 'Kim' },
			email: undefined,
			phone: '+13035550123',
			message: 'Deep clean before we move out',
		});
		expect(inquiry.request).toEqual({
			message: 'Deep clean before we move out',
			service: 'House Cleaning',
			urgency: 'high',
			preferredTime: 'As soon as possible',
			location: { city: 'Denver', region: 'CO', postalCode: '80202' },
		});
		expect(inquiry.extraFields).toEqual({
			'How many bedrooms?': '3 bedrooms',
			'Pets?': 'One cat',
			'Lead Price': '$18.50',
			Business: 'Sparkle Cleaners',
		});
		expect([inquiry.source.recordId, inquiry.occurredAt]).toEqual([
			'437625139587604490',
			'2024-06-10T06:13:20.000Z',
		]);
	});

	it('a flexible schedule stays normal; an emergency one is an emergency', () => {
		expect(
			normalizeOne({ ...lead, request: { ...lead.request, schedule: "I'm flexible" } }).request
				.urgency,
		).toBe('normal');
		expect(
			normalizeOne({ ...lead, request: { ...lead.request, schedule: 'Emergency - today' } }).request
				.urgency,
		).toBe('emergency');
	});
});

describe('Yelp', () => {
	it('NEW_EVENT: ids only, lead and event ids for the lookup', () => {
		const inquiry = normalizeOne(sampleBody('yelp__leads_webhook_NEW_EVENT__1.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'yelp',
			channel: 'marketplace',
			name: {},
			email: undefined,
			phone: undefined,
			message: undefined,
		});
		expect(inquiry.needsLookup).toEqual({
			system: 'yelp',
			ids: {
				leadId: 'TbvEUYEi02cmSBmqCjQbkg',
				eventId: 'IsKxQAYZNqCjvRRmNoiCUw',
				businessId: 'SoVHhx7Hel_XX0DKCLp72Q',
			},
			hint: expect.stringContaining('/v3/leads/{leadId}'),
		});
		expect([inquiry.source.event, inquiry.occurredAt]).toEqual([
			'NEW_EVENT',
			'2022-06-09T09:41:13.000Z',
		]);
	});

	it('phone opt-in: a lookup too, with a hint to re-fetch and update the existing inquiry', () => {
		const inquiry = normalizeOne(sampleBody('yelp__leads_webhook_phone_opt_in__2.json'));
		expect(summary(inquiry)).toEqual({
			preset: 'yelp',
			channel: 'marketplace',
			name: {},
			email: undefined,
			phone: undefined,
			message: undefined,
		});
		expect(inquiry.needsLookup).toEqual({
			system: 'yelp',
			ids: { leadId: 'TbvEUYEi02cmSBmqCjQbkg', businessId: 'SoVHhx7Hel_XX0DKCLp72Q' },
			hint: expect.stringContaining('update the existing inquiry'),
		});
		expect(inquiry.id).not.toBe(
			normalizeOne(sampleBody('yelp__leads_webhook_NEW_EVENT__1.json')).id,
		);
	});

	it('batched updates split into one inquiry each; a later message on the same lead is another event', () => {
		const body = sampleBody('yelp__leads_webhook_NEW_EVENT__1.json') as {
			data: { updates: Record<string, unknown>[] };
		};
		body.data.updates.push({
			event_type: 'NEW_EVENT',
			event_id: 'SecondEventId',
			lead_id: 'TbvEUYEi02cmSBmqCjQbkg',
			interaction_time: '2022-06-09T10:00:00+00:00',
		});
		const inquiries = normalizeAll(body);
		expect(inquiries.map((i) => i.needsLookup?.ids.eventId)).toEqual([
			'IsKxQAYZNqCjvRRmNoiCUw',
			'SecondEventId',
		]);
		expect(inquiries[0].id).not.toBe(inquiries[1].id);
	});

	it('lead lookup: masked email, job, survey answers, availability and the conversation', () => {
		const inquiry = normalizeOne({
			id: 'TbvEUYEi02cmSBmqCjQbkg',
			business_id: 'SoVHhx7Hel_XX0DKCLp72Q',
			conversation_id: 'conv-1',
			time_created: '2022-06-09T09:41:13+00:00',
			temporary_email_address: 'lead-abc@messaging.yelp.com',
			temporary_email_address_expiry: '2022-07-09T09:41:13+00:00',
			user: { display_name: 'Chris P.' },
			project: {
				job_names: ['Drain Cleaning'],
				survey_answers: [{ question_text: 'What type of property?', answer_text: ['House'] }],
				location: { postal_code: '94105' },
				additional_info: 'Kitchen drain backs up',
				availability: { status: 'SPECIFIC_DATES', dates: ['2022-06-10', '2022-06-11'] },
			},
			events: [
				{
					event_type: 'TEXT',
					user_type: 'CONSUMER',
					user_display_name: 'Chris P.',
					event_content: { text: 'Is Friday possible?' },
				},
				{ event_type: 'TEXT', user_type: 'BIZ', event_content: { text: 'Yes, 9am works' } },
			],
		});
		expect(summary(inquiry)).toEqual({
			preset: 'yelp_lead',
			channel: 'marketplace',
			name: { full: 'Chris P.', first: 'Chris', last: 'P.' },
			email: 'lead-abc@messaging.yelp.com',
			phone: undefined,
			message:
				'Customer: Kitchen drain backs up\nCustomer: Is Friday possible?\nAgent: Yes, 9am works',
		});
		expect(inquiry.request).toMatchObject({
			service: 'Drain Cleaning',
			preferredTime: '2022-06-10, 2022-06-11',
			location: { postalCode: '94105' },
		});
		expect(inquiry.extraFields).toEqual({
			'What type of property?': 'House',
			'Email Expires': '2022-07-09T09:41:13+00:00',
			'Business Id': 'SoVHhx7Hel_XX0DKCLp72Q',
		});
	});
});

describe('marketplace presets on hostile input', () => {
	it('never throw from detect, extract or split', () => {
		expectPresetsSurviveAnything(marketplacesPresets, [
			'data',
			'webHookEvent',
			'client',
			'request',
			'customer',
			'business',
			'leadID',
			'object',
			'updates',
			'id',
			'project',
			'user',
			'events',
		]);
		const hostile = {
			data: {
				webHookEvent: { topic: HUGE },
				client: { emails: [HUGE], phones: [{ number: HUGE }] },
				updates: [{ event_type: HUGE }],
			},
			customer: { name: HUGE },
			request: { schedule: HUGE, details: [{ question: HUGE, answer: HUGE }] },
			project: { survey_answers: [{ question_text: HUGE }] },
			events: [{ event_type: 'TEXT', event_content: { text: HUGE } }],
		};
		expectPresetsSurviveHuge(marketplacesPresets, hostile);
	});
});
