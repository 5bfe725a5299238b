import { parsePhone } from '../inquiry/contact/phone';
import { formatDuration, handoffAlert, shortEmail, shortPhone } from './alert';
import type { HandoffReceipt } from './receipt';
import { janeRoe } from './test/inquiry';

const receipt = (over: Partial<HandoffReceipt>): HandoffReceipt => ({
	status: 'mismatch',
	destination: 'HubSpot',
	matched: [],
	lost: [],
	changed: [],
	transferMs: 0,
	checkedAt: '2026-03-02T15:19:00.000Z',
	attempts: [],
	...over,
});

describe('handoffAlert', () => {
	it('reads like the example a person gets', () => {
		const text = handoffAlert(
			janeRoe(),
			receipt({ lost: ['phone'], deadline: '2026-03-02T15:05:00.000Z' }),
		);
		expect(text).toBe(
			'Inquiry from Jane Roe (+1 415…) did not reach HubSpot: phone lost, 14 min late',
		);
	});

	it('says how many looks found nothing, or why the check failed', () => {
		const attempts = [1, 2, 3].map(() => ({
			at: '2026-03-02T15:00:00.000Z',
			outcome: 'not_found' as const,
			statusCode: 404,
		}));
		expect(handoffAlert(janeRoe(), receipt({ status: 'missing', attempts }))).toBe(
			'Inquiry from Jane Roe (+1 415…) did not reach HubSpot: no record found after 3 attempts',
		);
		expect(
			handoffAlert(
				janeRoe(),
				receipt({
					status: 'error',
					error: 'the destination answered HTTP 503',
					attempts: attempts.slice(0, 2),
				}),
			),
		).toBe(
			'Inquiry from Jane Roe (+1 415…) could not be checked in HubSpot: the destination answered HTTP 503 after 2 attempts',
		);
		expect(
			handoffAlert(janeRoe(), receipt({ status: 'late', deadline: '2026-03-02T13:00:00.000Z' })),
		).toBe('Inquiry from Jane Roe (+1 415…) reached HubSpot 2 h 19 min late');
	});

	it('names the person by what the inquiry has', () => {
		const noName = janeRoe({ contact: { name: {}, phone: parsePhone('+44 20 7183 8750') } });
		expect(handoffAlert(noName, receipt({ lost: ['email'] }))).toBe(
			'Inquiry from +44 207… did not reach HubSpot: email lost',
		);
		const emailOnly = janeRoe({
			contact: {
				name: { first: 'Jane' },
				email: { address: 'jane.roe@example.com', valid: true, raw: 'x' },
			},
		});
		expect(handoffAlert(emailOnly, receipt({ lost: ['phone'] }))).toBe(
			'Inquiry from Jane (ja…@example.com) did not reach HubSpot: phone lost',
		);
		const nobody = janeRoe({ contact: { name: {} } });
		expect(
			handoffAlert(
				nobody,
				receipt({ changed: [{ field: 'service', expected: 'a', actual: 'b' }] }),
			),
		).toBe('Inquiry from inquiry inq-jane did not reach HubSpot: service changed');
	});
});

describe('alert helpers', () => {
	it('shortens phones and emails so a shared channel never shows them whole', () => {
		expect(shortPhone(parsePhone('(415) 555-0123', { defaultCountry: 'US' }))).toBe('+1 415…');
		expect(shortPhone({ valid: false, raw: '555-01' })).toBe('5550…');
		expect(shortPhone({ valid: false, raw: '12' })).toBeUndefined();
		expect(shortEmail('jane.roe@example.com')).toBe('ja…@example.com');
		expect(shortEmail('j@example.com')).toBe('j…@example.com');
		expect(shortEmail('nonsense')).toBeUndefined();
	});

	it('formats durations in minutes, hours and days', () => {
		expect(formatDuration(1)).toBe('1 min');
		expect(formatDuration(14 * 60_000)).toBe('14 min');
		expect(formatDuration(60 * 60_000)).toBe('1 h');
		expect(formatDuration(125 * 60_000)).toBe('2 h 5 min');
		expect(formatDuration(48 * 3_600_000)).toBe('2 d');
		expect(formatDuration(52 * 3_600_000)).toBe('2 d 4 h');
	});
});
