import { parsePath } from './paths';
import { failedStep, pickRecord, readHandedRecord, readRecordId, unwrapResponse } from './response';

describe('unwrapResponse', () => {
	it('splits an HTTP Request full response, and takes anything else as the body', () => {
		expect(unwrapResponse({ statusCode: 201, headers: {}, body: { id: 7 } })).toEqual({
			statusCode: 201,
			body: { id: 7 },
		});
		expect(unwrapResponse({ id: 7, statusCode: 'open' })).toEqual({
			body: { id: 7, statusCode: 'open' },
		});
		expect(unwrapResponse([{ id: 7 }])).toEqual({ body: [{ id: 7 }] });
	});
});

describe('pickRecord', () => {
	it('finds the record at a path, first of a list, or in JSON text', () => {
		expect(pickRecord({ data: { id: 1 } }, parsePath('data'))).toEqual({ id: 1 });
		expect(pickRecord({ results: [{ id: 1 }, { id: 2 }] }, parsePath('results'))).toEqual({
			id: 1,
		});
		expect(pickRecord([{ id: 3 }])).toEqual({ id: 3 });
		expect(pickRecord('{"id": 4}')).toEqual({ id: 4 });
	});

	it('finds none in an empty search, an empty object, text or a wrong path', () => {
		expect(pickRecord({ results: [] }, parsePath('results'))).toBeUndefined();
		expect(pickRecord({})).toBeUndefined();
		expect(pickRecord('Not Found')).toBeUndefined();
		expect(pickRecord('{broken')).toBeUndefined();
		expect(pickRecord({ data: { id: 1 } }, parsePath('items'))).toBeUndefined();
		expect(pickRecord(null)).toBeUndefined();
	});
});

describe('readRecordId', () => {
	it('reads text and numeric ids, and nothing else', () => {
		expect(readRecordId({ id: 'rec-1 ' }, parsePath('id'))).toBe('rec-1');
		expect(readRecordId({ body: { id: 901 } }, parsePath('body.id'))).toBe('901');
		expect(readRecordId({ id: '' }, parsePath('id'))).toBeUndefined();
		expect(readRecordId({ id: { nested: 1 } }, parsePath('id'))).toBeUndefined();
		expect(readRecordId({ id: 1 }, undefined)).toBeUndefined();
	});
});

describe('readHandedRecord', () => {
	const now = new Date('2026-03-02T15:01:00.000Z');
	const paths = { recordIdPath: parsePath('id') };

	it('reads an HTTP full response: status, record and id', () => {
		expect(
			readHandedRecord(
				{ statusCode: 201, headers: {}, body: { id: 'rec-9', email: 'a@b.co' } },
				paths,
				now,
			),
		).toEqual({
			record: { id: 'rec-9', email: 'a@b.co' },
			recordId: 'rec-9',
			statusCode: 201,
			attempt: { at: '2026-03-02T15:01:00.000Z', statusCode: 201, outcome: 'found' },
		});
	});

	it('reads a plain record, an empty item and an error response', () => {
		expect(readHandedRecord({ id: 5, name: 'Jane' }, paths, now)).toMatchObject({
			recordId: '5',
			attempt: { outcome: 'found' },
		});
		expect(readHandedRecord({}, paths, now)).toEqual({
			attempt: { at: '2026-03-02T15:01:00.000Z', outcome: 'not_found' },
		});
		expect(
			readHandedRecord({ statusCode: 500, body: { message: 'boom' } }, paths, now),
		).toMatchObject({ statusCode: 500, attempt: { outcome: 'http_error' } });
	});

	it('takes the id from the body when the record sits deeper', () => {
		const handed = readHandedRecord(
			{ id: 'row-1', data: { name: 'Jane' } },
			{ recordPath: parsePath('data'), recordIdPath: parsePath('id') },
			now,
		);
		expect(handed).toMatchObject({ record: { name: 'Jane' }, recordId: 'row-1' });
	});
});

describe('failedStep', () => {
	it('reads the error item a node passes on with On Error → Continue, and its HTTP status', () => {
		expect(failedStep({ error: 'connect ECONNREFUSED 127.0.0.1:9' })).toEqual({
			error: 'connect ECONNREFUSED 127.0.0.1:9',
		});
		expect(failedStep({ error: { message: 'Bad gateway', httpCode: '502' }, details: {} })).toEqual(
			{ error: 'Bad gateway', statusCode: 502 },
		);
		expect(failedStep({ error: { status: 404, message: 'Not Found' } })).toEqual({
			error: 'Not Found',
			statusCode: 404,
		});
		expect(failedStep({ error: {} })).toEqual({ error: 'no reason given' });
	});

	it('leaves records alone, even one with an error column', () => {
		expect(failedStep({ id: 1, error: 'none' })).toBeUndefined();
		expect(failedStep({ error: '' })).toBeUndefined();
		expect(failedStep({ error: ['a'] })).toBeUndefined();
		expect(failedStep([{ error: 'x' }])).toBeUndefined();
		expect(failedStep(null)).toBeUndefined();
	});
});

describe('readHandedRecord after a failed step', () => {
	const now = new Date('2026-03-02T15:01:00.000Z');
	const paths = { recordIdPath: parsePath('id') };

	it('is an error with the step’s reason, never a record with every field lost', () => {
		expect(
			readHandedRecord(
				{ error: { message: 'The service was not able to process your request', httpCode: '500' } },
				paths,
				now,
			),
		).toEqual({
			statusCode: 500,
			error: 'the step before failed: The service was not able to process your request',
			attempt: { at: '2026-03-02T15:01:00.000Z', outcome: 'step_failed', statusCode: 500 },
		});
		expect(readHandedRecord({ error: 'timeout of 5000ms exceeded' }, paths, now)).toEqual({
			error: 'the step before failed: timeout of 5000ms exceeded',
			attempt: { at: '2026-03-02T15:01:00.000Z', outcome: 'step_failed' },
		});
	});

	it('is a 404 without an error: the record is missing', () => {
		expect(
			readHandedRecord({ error: { message: 'Not Found', httpCode: '404' } }, paths, now),
		).toEqual({
			statusCode: 404,
			attempt: { at: '2026-03-02T15:01:00.000Z', outcome: 'step_failed', statusCode: 404 },
		});
	});
});
