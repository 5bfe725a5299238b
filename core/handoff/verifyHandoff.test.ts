import { compileMappings, defaultMappings } from './mapping';
import { HandoffReceipt } from './receipt';
import { janeRecord, janeRoe, MESSAGE } from './test/inquiry';
import { compareFields, verifyHandoff } from './verifyHandoff';

const FIELDS = compileMappings(defaultMappings());
const ON_TIME = new Date('2026-03-02T15:02:30.000Z');
const base = { destination: 'HubSpot', now: ON_TIME, slaMinutes: 5 };

describe('verifyHandoff', () => {
	it('verifies a record holding every field, in time', () => {
		const receipt = verifyHandoff(janeRoe(), janeRecord(), FIELDS, {
			...base,
			recordId: 'rec-42',
			statusCode: 200,
		});
		expect(receipt).toEqual({
			status: 'verified',
			destination: 'HubSpot',
			recordId: 'rec-42',
			matched: ['name', 'email', 'phone', 'message', 'service', 'owner'],
			lost: [],
			changed: [],
			transferMs: 150_000,
			deadline: '2026-03-02T15:05:00.000Z',
			checkedAt: '2026-03-02T15:02:30.000Z',
			attempts: [],
			statusCode: 200,
		});
		expect(HandoffReceipt.parse(receipt)).toEqual(receipt);
	});

	it('tells a lost field (empty downstream) from a changed one (both values kept)', () => {
		const record = janeRecord({
			phone: '',
			email: undefined,
			name: 'Jane Doe',
			message: 'Water heater',
		});
		const receipt = verifyHandoff(janeRoe(), record, FIELDS, base);
		expect(receipt.status).toBe('mismatch');
		expect(receipt.matched).toEqual(['service', 'owner']);
		expect(receipt.lost).toEqual(['email', 'phone']);
		expect(receipt.changed).toEqual([
			{ field: 'name', expected: 'Jane Roe', actual: 'Jane Doe' },
			{ field: 'message', expected: MESSAGE, actual: 'Water heater' },
		]);
		expect(receipt.alert).toBe(
			'Inquiry from Jane Roe (+1 415…) did not reach HubSpot: email lost, phone lost, name changed, message changed',
		);
	});

	it('accepts a truncated message and reformatted phone and email', () => {
		const record = janeRecord({
			phone: '(415) 555-0123',
			email: 'JANE.ROE@EXAMPLE.COM',
			message: `${MESSAGE.slice(0, 30)}…`,
		});
		expect(verifyHandoff(janeRoe(), record, FIELDS, base).status).toBe('verified');
	});

	it('skips fields the inquiry does not have: nothing could be lost', () => {
		const inquiry = janeRoe({ request: { urgency: 'normal', location: {} } });
		delete (inquiry as Record<string, unknown>).assignment;
		const receipt = verifyHandoff(
			inquiry,
			{ name: 'Jane Roe', email: 'jane.roe@example.com', phone: '+14155550123' },
			FIELDS,
			base,
		);
		expect(receipt.status).toBe('verified');
		expect(receipt.matched).toEqual(['name', 'email', 'phone']);
	});

	it('is late past the SLA, and on time up to it', () => {
		const late = verifyHandoff(janeRoe(), janeRecord(), FIELDS, {
			...base,
			now: new Date('2026-03-02T15:19:00.000Z'),
		});
		expect(late.status).toBe('late');
		expect(late.transferMs).toBe(19 * 60_000);
		expect(late.alert).toBe('Inquiry from Jane Roe (+1 415…) reached HubSpot 14 min late');
		const edge = verifyHandoff(janeRoe(), janeRecord(), FIELDS, {
			...base,
			now: new Date('2026-03-02T15:05:00.000Z'),
		});
		expect(edge.status).toBe('verified');
	});

	it("uses the owner's respond-by time when asked, else the SLA, else no deadline", () => {
		const at1520 = { ...base, now: new Date('2026-03-02T15:20:00.000Z') };
		const byRespondBy = verifyHandoff(janeRoe(), janeRecord(), FIELDS, {
			...at1520,
			useRespondBy: true,
		});
		expect(byRespondBy).toMatchObject({ status: 'verified', deadline: '2026-03-02T15:30:00.000Z' });
		const noAssignment = janeRoe();
		delete (noAssignment as Record<string, unknown>).assignment;
		const fallback = verifyHandoff(noAssignment, janeRecord({ ownerId: undefined }), FIELDS, {
			...at1520,
			useRespondBy: true,
		});
		expect(fallback).toMatchObject({ status: 'late', deadline: '2026-03-02T15:05:00.000Z' });
		const none = verifyHandoff(janeRoe(), janeRecord(), FIELDS, {
			destination: 'HubSpot',
			now: new Date('2026-03-09T00:00:00.000Z'),
		});
		expect(none.status).toBe('verified');
		expect(none.deadline).toBeUndefined();
	});

	it('reports a mismatch before lateness, and says both in the alert', () => {
		const receipt = verifyHandoff(janeRoe(), janeRecord({ phone: null }), FIELDS, {
			...base,
			now: new Date('2026-03-02T15:19:00.000Z'),
		});
		expect(receipt.status).toBe('mismatch');
		expect(receipt.alert).toBe(
			'Inquiry from Jane Roe (+1 415…) did not reach HubSpot: phone lost, 14 min late',
		);
	});

	it('is missing without a record, with an empty one, or on 404 — never verified', () => {
		for (const record of [undefined, null, {}, [], 'text']) {
			expect(verifyHandoff(janeRoe(), record, FIELDS, base).status).toBe('missing');
		}
		const notFound = verifyHandoff(janeRoe(), janeRecord(), FIELDS, { ...base, statusCode: 404 });
		expect(notFound).toMatchObject({ status: 'missing', statusCode: 404, matched: [], lost: [] });
		expect(notFound.error).toBeUndefined();
		expect(notFound.alert).toBe(
			'Inquiry from Jane Roe (+1 415…) did not reach HubSpot: no record found',
		);
	});

	it('is an error on a 5xx, an auth failure or a transport error, before anything else', () => {
		const server = verifyHandoff(janeRoe(), undefined, FIELDS, { ...base, statusCode: 500 });
		expect(server).toMatchObject({
			status: 'error',
			statusCode: 500,
			error: 'the destination answered HTTP 500',
		});
		const unauthorized = verifyHandoff(janeRoe(), janeRecord(), FIELDS, {
			...base,
			statusCode: 401,
		});
		expect(unauthorized.status).toBe('error');
		const timeout = verifyHandoff(janeRoe(), janeRecord({ phone: '' }), FIELDS, {
			...base,
			error: 'no answer within 2000 ms',
		});
		expect(timeout).toMatchObject({
			status: 'error',
			error: 'no answer within 2000 ms',
			matched: [],
			lost: [],
		});
		expect(timeout.alert).toBe(
			'Inquiry from Jane Roe (+1 415…) could not be checked in HubSpot: no answer within 2000 ms',
		);
	});

	it('names a default destination and never reports a negative transfer time', () => {
		const receipt = verifyHandoff(
			janeRoe({ receivedAt: '2026-03-02T16:00:00.000Z' }),
			janeRecord(),
			FIELDS,
			{ destination: ' ', now: ON_TIME },
		);
		expect(receipt.destination).toBe('the system of record');
		expect(receipt.transferMs).toBe(0);
	});

	it('shortens long values in a change', () => {
		const long = 'x'.repeat(500);
		const receipt = verifyHandoff(
			janeRoe({ request: { message: long, urgency: 'normal', location: {} } }),
			janeRecord({ message: 'y'.repeat(500) }),
			FIELDS,
			base,
		);
		expect(receipt.changed[0].expected).toHaveLength(200);
		expect(receipt.changed[0].expected.endsWith('…')).toBe(true);
	});
});

describe('compareFields', () => {
	it('checks a destination-only "present" row even without an inquiry value', () => {
		const fields = compileMappings([
			{
				field: 'owner',
				inquiryPath: '',
				destinationPath: 'properties.hubspot_owner_id',
				comparator: 'present',
			},
		]);
		expect(compareFields(janeRoe(), { properties: { hubspot_owner_id: '991' } }, fields)).toEqual({
			matched: ['owner'],
			lost: [],
			changed: [],
		});
		expect(compareFields(janeRoe(), { properties: {} }, fields)).toEqual({
			matched: [],
			lost: ['owner'],
			changed: [],
		});
	});
});
