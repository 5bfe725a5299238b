import { readFileSync } from 'fs';
import { join } from 'path';
import { loadWorkflow, runWorkflow } from '../../test/harness';
import { templateTables } from './tables';

const template = loadWorkflow(join(__dirname, '../01-web-form-to-verified-record.json'));
const NOW = '2026-03-03T15:00:00.000Z'; // a Tuesday, 10:00 in New York

describe('template 1: web form → owner → verified record', () => {
	it('normalizes, checks context, assigns, saves and reads the record back', async () => {
		const tables = templateTables();
		const submission = { Name: 'jane o’brien', Email: 'Jane@Example.com', Phone: '(415) 555-2671', Service: 'Repair', Message: 'Leaking tap in the kitchen', 'Postal code': '94110', 'Preferred time': 'Mornings', submittedAt: NOW, formMode: 'production' };
		const result = await runWorkflow(template, { now: NOW, mode: 'trigger', dataTables: tables, pinData: { 'Website Form': [{ json: submission }] } });
		expect(result.error).toBeUndefined();
		const [inquiry] = result.output('Assign Inquiry Owner', 0);
		expect(inquiry).toMatchObject({ contact: { name: { full: 'Jane O’Brien' }, phone: { e164: '+14155552671' } }, assignment: { status: 'assigned' } });
		expect(tables.rows('inquiry_records')).toHaveLength(1);
		expect(result.output('Read Record Back')).toHaveLength(1);
	});
});

describe('template 1b: form webhook → owner → verified record', () => {
	const webhookTemplate = loadWorkflow(join(__dirname, '../01b-form-webhook-to-verified-record.json'));
	const body = JSON.parse(readFileSync(join(__dirname, '../../test/fixtures/vendor-payloads/typeform__form_response__1.json'), 'utf8')).body;

	it('answers the sender and routes a Typeform submission to an owner', async () => {
		const tables = templateTables();
		const result = await runWorkflow(webhookTemplate, { now: NOW, mode: 'webhook', dataTables: tables, pinData: { 'Form Webhook': [{ json: { headers: {}, params: {}, query: {}, body } }] } });
		expect(result.error).toBeUndefined();
		expect(result.ran('Answer: Received')).toBe(true);
		expect(result.output('Assign Inquiry Owner', 0)).toHaveLength(1);
		expect(tables.rows('inquiry_records').map((r) => [r.email, r.sourceSystem])).toEqual([['laura@example.com', 'typeform']]);
	});

	it('answers 422 and raises an alert for a payload it cannot read', async () => {
		const tables = templateTables();
		const result = await runWorkflow(webhookTemplate, { now: NOW, mode: 'webhook', dataTables: tables, pinData: { 'Form Webhook': [{ json: { headers: {}, params: {}, query: {}, body: { foo: 'bar' } } }] } });
		expect(result.error).toBeUndefined();
		expect(result.ran('Answer: Unreadable')).toBe(true);
		expect(tables.rows('inquiry_notifications').map((r) => r.kind)).toEqual(['alert']);
		expect(tables.rows('inquiry_records')).toEqual([]);
	});
});
