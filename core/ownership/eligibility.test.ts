import { assignOwner, AssignmentSession } from './assignOwner';
import type { AssignConfigInput } from './config';
import { readOpenLoad } from './load';
import type { AssignmentResult } from './result';
import type { InquiryChanges } from './test/fixtures';
import { config, inquiry, MON_10AM_NY, owner } from './test/fixtures';

const assign = (
	cfg: AssignConfigInput,
	changes: InquiryChanges = {},
	now = MON_10AM_NY,
	openLoad?: unknown,
) =>
	assignOwner(inquiry(changes), cfg, undefined, { now, openLoad: readOpenLoad(openLoad) }).result;
const excluded = (result: AssignmentResult) =>
	Object.fromEntries(
		result.reasons
			.filter((r) => r.ownerId && !['picked', 'sticky_match', 'held'].includes(r.code))
			.map((r) => [r.ownerId, r.code]),
	);

describe('eligibility filters (each names its reason)', () => {
	it('drops inactive owners', () => {
		const result = assign(config([owner('ana', { active: false }), owner('ben')]));
		expect(result.owner?.id).toBe('ben');
		expect(excluded(result)).toEqual({ ana: 'inactive' });
	});

	it('drops owners out of office today, in their own time zone', () => {
		const result = assign(
			config([
				owner('ana', { outOfOffice: [{ start: '2026-03-01', end: '2026-03-02' }] }),
				owner('ben'),
			]),
		);
		expect(result.owner?.id).toBe('ben');
		expect(result.reasons).toContainEqual({
			code: 'out_of_office',
			ownerId: 'ana',
			detail: 'Ana is out of office 2026-03-01 to 2026-03-02',
		});
	});

	it('drops everyone on a business holiday', () => {
		const result = assign(
			config([owner('ana'), owner('ben')], {
				calendar: {
					timezone: 'America/New_York',
					hours: { mon: [{ start: '09:00', end: '17:00' }] },
					holidays: ['2026-03-02'],
				},
			}),
		);
		expect(result).toMatchObject({ status: 'unassigned', unassignedReason: 'all_off_hours' });
		expect(excluded(result)).toEqual({ ana: 'holiday', ben: 'holiday' });
	});

	it("checks hours in each owner's own time zone", () => {
		// Monday 15:00 UTC: 07:00 in Los Angeles, 15:00 in London, 00:00 Tuesday in Tokyo, 08:00 in Denver.
		const hours = {
			mon: [{ start: '09:00', end: '17:00' }],
			tue: [{ start: '09:00', end: '17:00' }],
		};
		const owners = [
			owner('la', { timezone: 'America/Los_Angeles', hours }),
			owner('tokyo', { timezone: 'Asia/Tokyo', hours }),
			owner('denver', { timezone: 'America/Denver' }),
			owner('london', { timezone: 'Europe/London', hours }),
		];
		const result = assign(config(owners));
		expect(result.owner?.id).toBe('london');
		expect(excluded(result)).toEqual({ la: 'off_hours', tokyo: 'off_hours', denver: 'off_hours' });
		expect(result.reasons.find((r) => r.ownerId === 'tokyo')?.detail).toBe(
			'Tokyo is off hours (Tue 00:00 in Asia/Tokyo)',
		);
		expect(result.reasons.find((r) => r.ownerId === 'denver')?.detail).toBe(
			'Denver is off hours (Mon 08:00 in America/Denver, business hours)',
		);
	});

	it('makes "no schedule" mean what the user chose: business hours, or always available', () => {
		const owners = [owner('night', { timezone: 'Asia/Tokyo' })];
		expect(assign(config(owners)).unassignedReason).toBe('all_off_hours');
		expect(assign(config(owners, { ownersWithoutHours: 'alwaysAvailable' })).owner?.id).toBe(
			'night',
		);
		const withOwnHours = [
			owner('night', {
				timezone: 'Asia/Tokyo',
				hours: { sat: [{ start: '09:00', end: '10:00' }] },
			}),
		];
		expect(assign(config(withOwnHours, { ownersWithoutHours: 'alwaysAvailable' })).status).toBe(
			'unassigned',
		);
	});

	it('drops owners at their daily cap, and starts counting again the next business day', () => {
		const session = new AssignmentSession(
			config([owner('ana', { capPerDay: 2 }), owner('ben')], { sticky: false }),
		);
		const today = Array.from(
			{ length: 5 },
			(_, i) => session.assign(inquiry({ n: i }), { now: MON_10AM_NY }).owner?.id,
		);
		expect(today).toEqual(['ana', 'ben', 'ana', 'ben', 'ben']);
		const tuesday = new Date('2026-03-03T15:00:00Z');
		expect(
			session
				.assign(inquiry({ n: 9 }), { now: tuesday })
				.reasons.some((r) => r.code === 'at_daily_cap'),
		).toBe(false);
		expect(session.state(tuesday).daily).toEqual({ day: '2026-03-03', counts: { ben: 1 } });
	});

	it("drops owners at their open-load cap, counting this run's own assignments", () => {
		const cfg = config([owner('ana', { capOpen: 3 }), owner('ben', { capOpen: 1 })], {
			sticky: false,
		});
		const result = assign(cfg, {}, MON_10AM_NY, { ana: 3, ben: 0 });
		expect(result.owner?.id).toBe('ben');
		expect(result.reasons).toContainEqual({
			code: 'at_open_cap',
			ownerId: 'ana',
			detail: 'Ana has 3 open inquiries, cap 3',
		});
		const session = new AssignmentSession(cfg);
		const load = readOpenLoad([{ owner: 'ana', open: '2' }]);
		const picks = [0, 1, 2].map((n) =>
			session.assign(inquiry({ n }), { now: MON_10AM_NY, openLoad: load }),
		);
		expect(picks.map((p) => p.owner?.id ?? p.unassignedReason)).toEqual([
			'ana',
			'ben',
			'all_at_cap',
		]);
	});

	it('says so when open-load caps could not be checked for lack of counts', () => {
		const result = assign(config([owner('ana', { capOpen: 3 })]));
		expect(result.owner?.id).toBe('ana');
		expect(result.reasons.map((r) => r.code)).toContain('open_load_unknown');
	});

	it('drops owners lacking the skill; a service that contains the skill matches; no skills means any service', () => {
		const owners = [
			owner('heat', { skills: ['Heating'] }),
			owner('plumb', { skills: ['plumbing', 'drains'] }),
			owner('any'),
		];
		const result = assign(config(owners, { sticky: false }), { service: 'Emergency  Plumbing' });
		expect(result.owner?.id).toBe('plumb');
		expect(result.reasons).toContainEqual({
			code: 'lacks_skill',
			ownerId: 'heat',
			detail: 'Heat handles Heating, not "emergency plumbing"',
		});
		expect(
			assign(config([owner('heat', { skills: ['Heating'] })]), { service: 'roofing' })
				.unassignedReason,
		).toBe('all_lacking_skill');
	});

	it("drops owners who do not speak the inquiry's language (names and codes both work)", () => {
		const owners = [
			owner('en', { languages: ['en'] }),
			owner('es', { languages: ['English', 'Español'] }),
		];
		const result = assign(config(owners), { extraFields: { 'Preferred Language': 'Spanish' } });
		expect(result.owner?.id).toBe('es');
		expect(excluded(result)).toEqual({ en: 'lacks_language' });
		expect(assign(config(owners), { extraFields: { language: 'es-MX' } }).owner?.id).toBe('es');
	});

	it('drops owners outside their territory: postal prefixes and place names', () => {
		const owners = [
			owner('south', { territories: ['940'] }),
			owner('city', { territories: ['941', 'Oakland'] }),
		];
		expect(assign(config(owners), { location: { postalCode: '94110' } }).owner?.id).toBe('city');
		expect(assign(config(owners), { location: { city: 'oakland' } }).owner?.id).toBe('city');
		expect(assign(config(owners), { location: { postalCode: '94010' } }).owner?.id).toBe('south');
		expect(assign(config(owners), { location: { postalCode: '10001' } }).unassignedReason).toBe(
			'all_outside_territory',
		);
	});

	it('drops owners who do not take the channel', () => {
		const result = assign(
			config([
				owner('forms', { channels: ['form'] }),
				owner('phones', { channels: ['call', 'missed_call'] }),
			]),
			{ channel: 'missed_call' },
		);
		expect(result.owner?.id).toBe('phones');
		expect(excluded(result)).toEqual({ forms: 'wrong_channel' });
	});

	it('lets each attribute filter be switched off', () => {
		const owners = [
			owner('heat', {
				skills: ['heating'],
				languages: ['de'],
				territories: ['100'],
				channels: ['sms'],
			}),
		];
		const filters = { skills: false, languages: false, territories: false, channels: false };
		const changes: InquiryChanges = {
			service: 'plumbing',
			extraFields: { language: 'fr' },
			location: { postalCode: '94110' },
			channel: 'call',
		};
		expect(assign(config(owners), changes).status).toBe('unassigned');
		expect(assign(config(owners, { filters }), changes).owner?.id).toBe('heat');
	});

	it('summarises a mix of reasons as nobody_eligible, and keeps at most 25 owner reasons', () => {
		const many = Array.from({ length: 40 }, (_, i) =>
			owner(`o${i}`, {
				active: i % 2 === 0 ? false : true,
				outOfOffice: [{ start: '2026-03-02', end: '2026-03-02' }],
			}),
		);
		const result = assign(config(many));
		expect(result.unassignedReason).toBe('nobody_eligible');
		expect(result.reasons.filter((r) => r.ownerId).length).toBe(25);
		expect(result.reasons).toContainEqual({
			code: 'more_excluded',
			detail: '15 more owners were excluded; see the counts in the reason sentence',
		});
		expect(result.reason).toContain('the whole roster: 20 inactive, 20 out of office');
	});
});
