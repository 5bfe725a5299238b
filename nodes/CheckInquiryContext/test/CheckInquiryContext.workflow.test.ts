import { join } from 'path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { Inquiry } from '../../../core/inquiry/schema';
import { ContextResult } from '../../../core/context/result';
import { smsSize } from '../../../core/context/sms';
import { makeInquiry } from '../../../core/context/test/inquiry';
import { loadWorkflow, manualTriggerWorkflow, runWorkflow } from '../../../test/harness';

const NOW = '2026-05-04T14:30:00.000Z';
const NODE = 'Check Inquiry Context';
const TYPE = 'n8n-nodes-inquiry-continuity.checkInquiryContext';
const fixture = (name: string) => loadWorkflow(join(__dirname, name));
const contextOf = (json: IDataObject) => ContextResult.parse(json.context);

/** Each output's item count, in output order: [Complete, Needs Context, Unreachable]. */
function routes(result: Awaited<ReturnType<typeof runWorkflow>>, node = NODE): number[] {
	return [0, 1, 2].map((output) => result.output(node, output).length);
}

function expectOneSms(sms: string | undefined): void {
	expect(sms).toBeDefined();
	const size = smsSize(sms ?? '');
	expect(size.units).toBeLessThanOrEqual(size.limit);
	expect((sms ?? '').length).toBeLessThanOrEqual(160);
}

describe('Normalize → Check Inquiry Context on real vendor samples', () => {
	it('a Twilio missed call with only a phone needs service and location, asked by text', async () => {
		const result = await runWorkflow(fixture('missed-call-phone-only.workflow.json'), { now: NOW });
		expect(result.error).toBeUndefined();
		expect(routes(result)).toEqual([0, 1, 0]);
		const [item] = result.items(NODE, 1);
		expect(item.pairedItem).toEqual({ item: 0 });
		const inquiry = Inquiry.parse(item.json);
		expect(inquiry.channel).toBe('missed_call');
		const context = contextOf(item.json);
		expect(context).toMatchObject({
			profile: 'routeReady',
			outcome: 'needs_context',
			complete: false,
			score: 44,
			quality: [],
		});
		expect(context.missing.map((m) => `${m.field}:${m.level}`)).toEqual([
			'service:required',
			'location:required',
			'name:recommended',
		]);
		expect(context.followUp?.preferred).toBe('sms');
		expect(context.followUp?.sms).toBe(
			'Thanks for reaching out to Acme Plumbing! Could you share which service you need and your address or postal code?',
		);
		expectOneSms(context.followUp?.sms);
		expect(inquiry.continuity.trail.map((entry) => [entry.stage, entry.outcome])).toEqual([
			['entry', 'normalized'],
			['context', 'needs_context'],
		]);
		expect(inquiry.continuity.trail[1]).toEqual({
			stage: 'context',
			node: NODE,
			at: NOW,
			outcome: 'needs_context',
			detail: 'missing service, location',
		});
	});

	it('a Calendly booking without a phone asks for the number and postal code, by email', async () => {
		const result = await runWorkflow(fixture('calendly-booking-no-phone.workflow.json'), {
			now: NOW,
		});
		expect(result.error).toBeUndefined();
		expect(routes(result)).toEqual([0, 1, 0]);
		const context = contextOf(result.output(NODE, 1)[0]);
		expect(context).toMatchObject({
			profile: 'reachable (extended)',
			outcome: 'needs_context',
			score: 57,
		});
		expect(context.missing).toEqual([
			{ field: 'phone', label: 'Phone for the visit', level: 'required' },
			{ field: 'postalCode', label: 'Postal code', level: 'required' },
		]);
		// The sample's test@example.com is used, but flagged.
		expect(context.quality.map((q) => q.code)).toEqual(['placeholder_value']);
		expect(context.followUp?.preferred).toBe('email');
		expect(context.followUp?.email.subject).toBe(
			'A quick question about your request to Acme Plumbing',
		);
		expect(context.followUp?.email.body).toBe(
			[
				'Hi John,',
				'',
				'Thanks for reaching out to Acme Plumbing! So we can help you quickly, could you share the best number to reach you and your postal code?',
				'',
				'Just reply to this email with the details.',
				'',
				'Thanks,',
				'Acme Plumbing',
			].join('\n'),
		);
		expect(context.followUp?.sms).toBe(
			'Thanks for reaching out to Acme Plumbing! Could you share the best number to reach you and your postal code?',
		);
		expectOneSms(context.followUp?.sms);
	});

	it('a full Typeform response is complete for a name + email + message profile, and needs service and location to route', async () => {
		const result = await runWorkflow(fixture('typeform-full.workflow.json'), { now: NOW });
		expect(result.error).toBeUndefined();

		expect(routes(result, 'Check Lead Details')).toEqual([1, 0, 0]);
		const details = contextOf(result.output('Check Lead Details', 0)[0]);
		expect(details).toMatchObject({
			profile: 'custom',
			outcome: 'complete',
			complete: true,
			score: 100,
			missing: [],
			quality: [],
		});
		expect(details.present.map((p) => p.field)).toEqual(['contact', 'name', 'message']);
		expect(details.followUp).toBeUndefined();

		expect(routes(result, 'Check Route-Ready')).toEqual([0, 1, 0]);
		const routeReady = contextOf(result.output('Check Route-Ready', 1)[0]);
		expect(routeReady.followUp).toMatchObject({
			fields: ['service', 'location'],
			preferred: 'email',
		});
		expect(routeReady.followUp?.chat).toBe(
			'Thanks, Laura! Could you share which service you need and your address or postal code?',
		);
		expectOneSms(routeReady.followUp?.sms);
	});
});

describe('Check Inquiry Context: routing options', () => {
	const inquiries = [
		makeInquiry({
			email: 'jane@example.org',
			service: 'Roof repair',
			location: { city: 'Austin' },
			name: 'Jane',
		}),
		makeInquiry({ channel: 'missed_call', phone: '+1 415 555 2671' }),
		makeInquiry({ name: 'No Contact', service: 'Roof repair' }),
	] as unknown as IDataObject[];
	const check = (parameters: INodeParameters) =>
		manualTriggerWorkflow(inquiries, [{ name: NODE, type: TYPE, parameters }]);

	it('sends complete, incomplete and unreachable inquiries to their own outputs, each with its pairedItem', async () => {
		const result = await runWorkflow(check({ profile: 'routeReady' }), { now: NOW });
		expect(result.error).toBeUndefined();
		expect([0, 1, 2].map((o) => result.items(NODE, o).map((item) => item.pairedItem))).toEqual([
			[{ item: 0 }],
			[{ item: 1 }],
			[{ item: 2 }],
		]);
		expect(contextOf(result.output(NODE, 2)[0]).followUp?.fields).toEqual(['contact', 'location']);
	});

	it('lets incomplete inquiries through Complete when not holding them, still marked; never the unreachable one', async () => {
		const result = await runWorkflow(
			check({ profile: 'routeReady', options: { holdIncomplete: false } }),
			{ now: NOW },
		);
		expect(routes(result)).toEqual([2, 0, 1]);
		expect(result.output(NODE, 0).map((json) => contextOf(json).outcome)).toEqual([
			'complete',
			'needs_context',
		]);
	});

	it('applies a minimum score and treat-recommended-as-required', async () => {
		const noName = [
			makeInquiry({
				email: 'jane@example.org',
				service: 'Roof repair',
				location: { city: 'Austin' },
			}),
		] as unknown as IDataObject[];
		const run = (options: INodeParameters) =>
			runWorkflow(
				manualTriggerWorkflow(noName, [
					{ name: NODE, type: TYPE, parameters: { profile: 'routeReady', options } },
				]),
				{ now: NOW },
			);
		expect(routes(await run({}))).toEqual([1, 0, 0]);
		expect(routes(await run({ minimumScore: 95 }))).toEqual([0, 1, 0]);
		expect(routes(await run({ treatRecommendedAsRequired: true }))).toEqual([0, 1, 0]);
	});

	it('uses edited wording and a profile from a JSON expression that depends on the item', async () => {
		const items = [
			{ ...makeInquiry({ channel: 'sms', phone: '+1 415 555 2671' }), needs: 'postalCode' },
			{ ...makeInquiry({ channel: 'sms', phone: '+1 415 555 2671' }), needs: 'city' },
		] as unknown as IDataObject[];
		const workflow = manualTriggerWorkflow(items, [
			{
				name: NODE,
				type: TYPE,
				parameters: {
					profile: 'json',
					profileJson:
						'={{ JSON.stringify({ extends: "reachable", requirements: [{ field: $json.needs }] }) }}',
					businessName: 'Bright Sparks',
					options: {
						greeting: 'Hi from {business}!',
						emailSubject: '{business} needs one detail',
						fieldPhrases: { phrase: [{ field: 'postalCode', text: 'the ZIP code of the job' }] },
					},
				},
			},
		]);
		const result = await runWorkflow(workflow, { now: NOW });
		expect(result.error).toBeUndefined();
		expect(result.output(NODE, 1).map((json) => contextOf(json).followUp?.sms)).toEqual([
			'Hi from Bright Sparks! Could you share the ZIP code of the job?',
			'Hi from Bright Sparks! Could you share your city?',
		]);
		expect(contextOf(result.output(NODE, 1)[0]).followUp?.email.subject).toBe(
			'Bright Sparks needs one detail',
		);
	});
});

describe('Check Inquiry Context: errors', () => {
	it('stops once with a named error when a fixed profile is invalid', async () => {
		const workflow = manualTriggerWorkflow(
			[makeInquiry() as unknown as IDataObject],
			[
				{
					name: NODE,
					type: TYPE,
					parameters: { profile: 'json', profileJson: '[{"field":"zip"}]' },
					onError: 'continueRegularOutput',
				},
			],
		);
		const result = await runWorkflow(workflow, { now: NOW });
		expect(result.error?.message).toBe(
			"The completeness profile is not valid: requirement 1: unknown field 'zip' (did you mean 'postalCode'?)",
		);
		expect(result.error?.description).toMatch(/^To fix this/);
	});

	it('tells the user to put Normalize Inquiry first when a raw item arrives', async () => {
		const workflow = manualTriggerWorkflow(
			[{ email: 'jane@example.org' }],
			[{ name: NODE, type: TYPE, parameters: { profile: 'reachable' } }],
		);
		const result = await runWorkflow(workflow, { now: NOW });
		expect(result.error?.message).toMatch(
			/^This item is not an inquiry from the Normalize Inquiry node/,
		);
		expect(result.error?.description).toMatch(/Put a Normalize Inquiry node before this one/);
	});

	it('routes a raw item to Unreachable with its error when On Error → Continue is set', async () => {
		const workflow = manualTriggerWorkflow(
			[{ email: 'jane@example.org' }],
			[
				{
					name: NODE,
					type: TYPE,
					parameters: { profile: 'reachable' },
					onError: 'continueRegularOutput',
				},
			],
		);
		const result = await runWorkflow(workflow, { now: NOW });
		expect(result.error).toBeUndefined();
		expect(result.items(NODE, 0)).toEqual([]);
		expect(result.items(NODE, 2)).toEqual([
			{
				json: expect.objectContaining({ email: 'jane@example.org', errorCode: 'NOT_AN_INQUIRY' }),
				pairedItem: { item: 0 },
			},
		]);
	});
});
