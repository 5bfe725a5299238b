import { Inquiry } from '../inquiry/schema';
import { InquiryError } from '../shared/errors';
import { BUILT_IN_PROFILES } from './builtins';
import { checkContext } from './checkContext';
import { ContextResult } from './result';
import { checkInquiryContext, contextOutput, trailDetail } from './stage';
import { FULL, makeInquiry } from './test/inquiry';

const options = { nodeName: 'Check Context', now: new Date('2026-05-04T10:00:00.000Z') };

describe('checkInquiryContext', () => {
	it('writes the result under context and appends one trail entry, leaving the input untouched', () => {
		const input = makeInquiry({
			channel: 'booking',
			email: 'jane@example.org',
			service: 'Roof repair',
		});
		const before = JSON.stringify(input);
		const { status, inquiry } = checkInquiryContext(input, BUILT_IN_PROFILES.routeReady, options);
		expect(status).toBe('needs_context');
		expect(ContextResult.parse(inquiry.context)).toEqual(inquiry.context);
		expect(Inquiry.safeParse(inquiry).success).toBe(true);
		expect(inquiry.continuity.trail).toEqual([
			{
				stage: 'context',
				node: 'Check Context',
				at: '2026-05-04T10:00:00.000Z',
				outcome: 'needs_context',
				detail: 'missing location',
			},
		]);
		expect(JSON.stringify(input)).toBe(before);
	});

	it('replaces an earlier check when the inquiry comes back with more details', () => {
		const first = checkInquiryContext(
			makeInquiry({ email: 'jane@example.org' }),
			BUILT_IN_PROFILES.routeReady,
			options,
		).inquiry;
		const answered = {
			...first,
			request: { ...first.request, service: 'Roofing', location: { city: 'Austin' } },
		};
		const second = checkInquiryContext(answered, BUILT_IN_PROFILES.routeReady, options).inquiry;
		expect(second.context.outcome).toBe('complete');
		expect(second.continuity.trail.map((entry) => entry.outcome)).toEqual([
			'needs_context',
			'complete',
		]);
	});

	it('tells the user to put Normalize Inquiry first when a raw item arrives', () => {
		expect(() =>
			checkInquiryContext({ email: 'jane@example.org' }, BUILT_IN_PROFILES.reachable, options),
		).toThrow(InquiryError);
		expect(() =>
			checkInquiryContext({ email: 'jane@example.org' }, BUILT_IN_PROFILES.reachable, options),
		).toThrow(/not an inquiry from the Normalize Inquiry node/);
	});
});

describe('trailDetail', () => {
	const detail = (parts: Parameters<typeof makeInquiry>[0], minimumScore?: number) =>
		trailDetail(
			checkContext(makeInquiry(parts), BUILT_IN_PROFILES.quoteReady, { minimumScore }),
			minimumScore,
		);

	it('lists what is missing in plain words', () => {
		expect(detail({ ...FULL, location: {}, preferredTime: undefined })).toBe(
			'missing location, preferred time',
		);
	});

	it('says when no one can be reached', () => {
		expect(detail({ name: 'Jane' })).toBe('no valid phone or email');
	});

	it('gives the score when complete, and what could still be asked', () => {
		expect(detail(FULL)).toBe('score 100');
		expect(detail({ ...FULL, name: undefined })).toBe('score 91, could still ask for name');
	});

	it('explains a hold caused by the minimum score alone', () => {
		expect(detail({ ...FULL, name: undefined }, 95)).toBe('score 91 is below the minimum of 95');
	});
});

describe('contextOutput', () => {
	it('holds incomplete inquiries by default, and lets them through Complete when not holding', () => {
		expect(contextOutput('complete')).toBe('complete');
		expect(contextOutput('needs_context')).toBe('needsContext');
		expect(contextOutput('needs_context', false)).toBe('complete');
	});

	it('always sends unreachable inquiries to Unreachable', () => {
		expect(contextOutput('unreachable', true)).toBe('unreachable');
		expect(contextOutput('unreachable', false)).toBe('unreachable');
	});
});
