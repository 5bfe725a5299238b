import { Inquiry } from '../inquiry/schema';
import { InquiryError } from '../shared/errors';
import { assignOwner, AssignmentSession, withAssignment } from './assignOwner';
import type { AssignConfigInput } from './config';
import { AssignmentResult } from './result';
import type { RoutingState } from './state';
import { emptyRoutingState, readRoutingState } from './state';
import type { InquiryChanges } from './test/fixtures';
import { config, inquiry, MON_10AM_NY, owner } from './test/fixtures';

const assign = (
	cfg: AssignConfigInput,
	changes: InquiryChanges = {},
	now = MON_10AM_NY,
	state?: RoutingState,
) => assignOwner(inquiry(changes), cfg, state, { now });

const teams = [
	owner('ana', { teams: ['plumbing'] }),
	owner('ben', { teams: ['plumbing'], hours: { mon: [{ start: '13:00', end: '17:00' }] } }),
	owner('cara', { teams: ['office'] }),
	owner('dan', { teams: ['office'], outOfOffice: [{ start: '2026-03-02', end: '2026-03-02' }] }),
	owner('eve'),
];

describe('rules', () => {
	const rules = [
		{
			name: 'Missed calls',
			conditions: [{ field: 'channel' as const, value: 'missed call' }],
			owner: 'eve',
		},
		{
			name: 'Plumbing',
			conditions: [
				{ field: 'service' as const, operator: 'contains' as const, value: 'plumb, drain' },
			],
			team: 'Plumbing',
		},
		{
			name: 'Not from ads',
			conditions: [
				{ field: 'source' as const, operator: 'isNot' as const, value: 'facebook_lead_ads' },
				{ field: 'territory' as const, value: '941, oakland' },
			],
			team: 'office',
		},
	];
	const cfg = config(teams, { rules });

	it("routes to the first matching rule's team, matching case-insensitively", () => {
		const { result } = assign(cfg, { service: 'Blocked DRAIN', channel: 'form' });
		expect(result).toMatchObject({
			status: 'assigned',
			owner: { id: 'ana' },
			team: 'plumbing',
			rule: 'Plumbing',
			strategy: 'round_robin',
			fallbackUsed: false,
		});
		expect(result.reasons[0]).toEqual({
			code: 'rule_matched',
			detail: 'rule "Plumbing" (service contains "plumb, drain") routes to team "Plumbing"',
		});
	});

	it('routes to a named owner, before later rules', () => {
		expect(assign(cfg, { channel: 'missed_call', service: 'plumbing' }).result).toMatchObject({
			owner: { id: 'eve' },
			strategy: 'rule_owner',
			rule: 'Missed calls',
		});
	});

	it('needs every condition of a rule to hold', () => {
		expect(assign(cfg, { location: { postalCode: '94103' } }).result).toMatchObject({
			team: 'office',
			owner: { id: 'cara' },
		});
		const fromAds = assign(cfg, {
			location: { postalCode: '94103' },
			system: 'facebook_lead_ads',
		}).result;
		expect(fromAds.rule).toBeUndefined();
		expect(fromAds.owner?.id).toBe('ana');
	});

	it('uses the default team, else the whole roster, when no rule matches', () => {
		const { result } = assign(config(teams, { rules, defaultTeam: 'office' }), {
			service: 'roofing',
		});
		expect(result).toMatchObject({ team: 'office', owner: { id: 'cara' } });
		expect(result.reasons[0]).toEqual({
			code: 'no_rule_matched',
			detail: 'no rule matched, so the default team "office" is used',
		});
		expect(assign(config(teams, { rules }), { service: 'roofing' }).result.team).toBeUndefined();
	});
});

describe('fallback chain: team → fallback team → fallback owner → Unassigned', () => {
	const rules = [
		{
			name: 'Plumbing',
			conditions: [{ field: 'service' as const, value: 'plumbing' }],
			team: 'plumbing',
		},
	];
	const offAna = teams.map((o) => (o.id === 'ana' ? { ...o, active: false } : o));

	it("tries the fallback team when nobody in the rule's team is available", () => {
		const { result } = assign(
			config(offAna, { rules, fallbackTeam: 'office', fallbackOwner: 'eve' }),
			{ service: 'plumbing' },
		);
		expect(result).toMatchObject({
			owner: { id: 'cara' },
			team: 'office',
			fallbackUsed: true,
			strategy: 'round_robin',
		});
		expect(result.reason).toBe(
			'Nobody was available in team "plumbing": 1 inactive, 1 off hours. Cara is next in the round robin of team "office" (1 of 2 available; 1 out of office). Rule "Plumbing" matched: service is "plumbing". Respond by Mon 2 Mar 14:00 (America/New_York).',
		);
	});

	it('then the fallback owner', () => {
		const noOffice = offAna.map((o) => (o.id === 'cara' ? { ...o, active: false } : o));
		const { result } = assign(
			config(noOffice, { rules, fallbackTeam: 'office', fallbackOwner: 'Eve' }),
			{ service: 'plumbing' },
		);
		expect(result).toMatchObject({
			owner: { id: 'eve' },
			strategy: 'fallback_owner',
			fallbackUsed: true,
		});
		expect(result.reasons.map((r) => r.code)).toEqual([
			'rule_matched',
			'inactive',
			'off_hours',
			'inactive',
			'out_of_office',
			'fallback_team',
			'fallback_owner',
			'picked',
		]);
	});

	it('then Unassigned with the reason, the deadline, and every step explained', () => {
		const nobody = teams.map((o) => ({ ...o, active: false }));
		const { result } = assign(
			config(nobody, { rules, fallbackTeam: 'office', fallbackOwner: 'eve' }),
			{ service: 'plumbing' },
		);
		expect(AssignmentResult.parse(result)).toEqual(result);
		expect(result).toMatchObject({
			status: 'unassigned',
			strategy: 'none',
			unassignedReason: 'all_inactive',
			fallbackUsed: true,
			respondBy: '2026-03-02T19:00:00.000Z',
			escalateAt: '2026-03-02T20:00:00.000Z',
		});
		expect(result.owner).toBeUndefined();
		expect(result.reason).toBe(
			'Nobody could take this inquiry (team "plumbing": 2 inactive; team "office": 2 inactive; owner "Eve": 1 inactive). It needs a person to pick it up; respond by Mon 2 Mar 14:00 (America/New_York).',
		);
	});

	it('never loses an inquiry to a misspelt team or owner: it says so and goes down the chain', () => {
		const { result } = assign(
			config(teams, {
				rules: [{ name: 'typo', conditions: [{ field: 'any' }], team: 'plumbnig' }],
				fallbackOwner: 'eve',
			}),
		);
		expect(result).toMatchObject({ owner: { id: 'eve' }, fallbackUsed: true });
		expect(result.reasons.map((r) => r.code)).toEqual([
			'rule_matched',
			'unknown_team',
			'empty_team',
			'fallback_owner',
			'picked',
		]);
		expect(
			assign(config(teams, { rules: [{ conditions: [{ field: 'any' }], owner: 'zed' }] })).result,
		).toMatchObject({ status: 'unassigned', unassignedReason: 'empty_team' });
	});

	it('says "empty_roster" when there is nobody at all', () => {
		expect(assign(config([])).result).toMatchObject({
			status: 'unassigned',
			unassignedReason: 'empty_roster',
		});
	});
});

describe('hold until next available', () => {
	const saturday = new Date('2026-03-07T15:00:00Z'); // Sat 10:00 New York
	const owners = [
		owner('ana', { hours: { mon: [{ start: '10:00', end: '17:00' }] } }),
		owner('ben', { timezone: 'Europe/London', hours: { mon: [{ start: '09:00', end: '17:00' }] } }),
		owner('cara', { active: false }),
	];

	it('holds for whoever starts first, and counts the deadline from their opening', () => {
		const { result } = assign(
			config(owners, { holdUntilAvailable: true }),
			{ receivedAt: saturday.toISOString() },
			saturday,
		);
		expect(result).toMatchObject({
			status: 'assigned',
			strategy: 'next_available',
			owner: { id: 'ben' },
			heldUntil: '2026-03-09T09:00:00.000Z',
		});
		// Ben starts 05:00 New York time; the business opens 09:00 EDT, and normal urgency gets 240 minutes.
		expect(result.respondBy).toBe('2026-03-09T17:00:00.000Z');
		expect(result.reason).toContain(
			'Nobody is available now, so it is held for Ben, who is next available Mon 9 Mar 09:00 (Europe/London)',
		);
	});

	it('holds only until the hold limit: business minutes from arrival, inclusive', () => {
		// Ana starts Mon 9 Mar 10:00 New York (EDT) = 14:00 UTC. The business opens at 09:00 EDT,
		// so 60 business minutes end exactly at her start, and 30 end half an hour before it.
		const anaOnly = [owners[0]];
		const within = assign(
			config(anaOnly, { holdUntilAvailable: true, maxHoldMinutes: 60 }),
			{ receivedAt: saturday.toISOString() },
			saturday,
		).result;
		expect(within).toMatchObject({ status: 'assigned', heldUntil: '2026-03-09T14:00:00.000Z' });

		const beyond = assign(
			config(anaOnly, { holdUntilAvailable: true, maxHoldMinutes: 30 }),
			{ receivedAt: saturday.toISOString() },
			saturday,
		).result;
		expect(beyond).toMatchObject({
			status: 'unassigned',
			unassignedReason: 'all_off_hours',
			nextAvailable: { ownerId: 'ana', name: 'Ana', at: '2026-03-09T14:00:00.000Z' },
		});
		expect(beyond.reason).toContain(
			'The first person back is Ana, Mon 9 Mar 2026 10:00 (America/New_York), later than an inquiry may be held.',
		);
		expect(beyond.reasons.map((r) => r.code)).toContain('hold_too_long');
	});

	it('by default holds no longer than the escalation deadline: a 13-month absence is Unassigned', () => {
		// Mon 2 Mar 2026 10:00 EST; normal urgency is due 14:00 and escalates 15:00 (20:00 UTC).
		// Ana is back Thu 1 Apr 2027 at the business's 09:00 (EDT, 13:00 UTC); Ben months later.
		const away = [
			owner('ana', { outOfOffice: [{ start: '2026-03-01', end: '2027-03-31' }] }),
			owner('ben', { outOfOffice: [{ start: '2026-03-01', end: '2027-06-30' }] }),
		];
		const { result } = assign(config(away, { holdUntilAvailable: true }));
		expect(result).toMatchObject({
			status: 'unassigned',
			unassignedReason: 'all_out_of_office',
			escalateAt: '2026-03-02T20:00:00.000Z',
			nextAvailable: { ownerId: 'ana', at: '2027-04-01T13:00:00.000Z' },
		});
		expect(result.owner).toBeUndefined();
		expect(result.reason).toContain('The first person back is Ana, Thu 1 Apr 2027 09:00');
	});

	it('by default holds an inquiry over a weekend, since the owner is back before escalation', () => {
		// Sat 7 Mar: the business clock starts Mon 09:00 EDT, due 13:00, escalates 14:00 (18:00 UTC).
		const { result } = assign(
			config([owner('ana')], { holdUntilAvailable: true }),
			{ receivedAt: saturday.toISOString() },
			saturday,
		);
		expect(result).toMatchObject({ status: 'assigned', heldUntil: '2026-03-09T13:00:00.000Z' });
	});

	it('without the option, leaves it unassigned as all_off_hours (the inactive owner does not count)', () => {
		const { result } = assign(config(owners.slice(0, 2)), {}, saturday);
		expect(result.unassignedReason).toBe('all_off_hours');
	});
});

describe('sticky owners for returning contacts', () => {
	const cfg = config([
		owner('ana'),
		owner('ben'),
		owner('cara', { hours: { mon: [{ start: '09:00', end: '11:00' }] } }),
	]);

	it('sends a returning contact back to their previous owner, matching keys case-insensitively', () => {
		const first = assign(cfg, { identityKeys: ['email:jane@example.com'] });
		expect(first.result.owner?.id).toBe('ana');
		const again = assign(
			cfg,
			{ identityKeys: ['phone:+14155550123', 'EMAIL:Jane@Example.com'] },
			MON_10AM_NY,
			first.state,
		);
		expect(again.result).toMatchObject({ owner: { id: 'ana' }, strategy: 'sticky' });
		expect(again.result.reasons).toContainEqual({
			code: 'sticky_match',
			ownerId: 'ana',
			detail: 'email:jane@example.com last went to ana',
		});
		// The phone key is now remembered too: cross-channel identity.
		expect(again.state.sticky['phone:+14155550123']).toBe('ana');
	});

	it('falls back to the rotation when the previous owner is not eligible', () => {
		const first = assign(cfg, { identityKeys: ['email:a@x.com'] }, MON_10AM_NY, {
			...emptyRoutingState(),
			sticky: { 'email:a@x.com': 'cara' },
		});
		expect(first.result.owner?.id).toBe('cara');
		const noon = new Date('2026-03-02T17:00:00Z');
		const later = assign(cfg, { identityKeys: ['email:a@x.com'] }, noon, first.state);
		expect(later.result).toMatchObject({ strategy: 'round_robin' });
		expect(later.result.reasons).toContainEqual({
			code: 'sticky_unavailable',
			ownerId: 'cara',
			detail: 'email:a@x.com last went to cara, who is off hours',
		});
	});

	it('forgets the least recent contacts beyond the memory size', () => {
		const session = new AssignmentSession(config([owner('ana')], { stickyMemorySize: 3 }));
		for (let n = 1; n <= 5; n++) session.assign(inquiry({ n }), { now: MON_10AM_NY });
		expect(Object.keys(session.state(MON_10AM_NY).sticky)).toEqual([
			'email:person3@example.com',
			'email:person4@example.com',
			'email:person5@example.com',
		]);
	});
});

describe('deadlines', () => {
	const cfg = config([owner('ana', { hours: { mon: [{ start: '00:00', end: '24:00' }] } })]);

	it('uses per-urgency business minutes and escalates later on the same clock', () => {
		const friday = new Date('2026-03-06T21:30:00Z'); // Fri 16:30 New York; Monday is after the DST change
		const res = (urgency: InquiryChanges['urgency']) =>
			assign(
				config([owner('ana')], { ownersWithoutHours: 'alwaysAvailable' }),
				{ urgency, receivedAt: friday.toISOString() },
				friday,
			).result;
		expect(res('emergency')).toMatchObject({
			respondBy: '2026-03-06T21:45:00.000Z',
			escalateAt: '2026-03-09T13:45:00.000Z',
			deadlineMinutes: 15,
		});
		expect(res('high')).toMatchObject({
			respondBy: '2026-03-09T13:30:00.000Z',
			deadlineMinutes: 60,
		});
		expect(res('low').respondBy).toBe('2026-03-09T20:30:00.000Z'); // 30 min Friday + 450 min Monday
	});

	it('can run emergencies around the clock', () => {
		const friday = new Date('2026-03-06T22:30:00Z'); // Fri 17:30, closed
		const { result } = assign(
			config([owner('ana')], {
				ownersWithoutHours: 'alwaysAvailable',
				deadlines: { emergencyAroundTheClock: true, escalateAfter: 30 },
			}),
			{ urgency: 'emergency', receivedAt: friday.toISOString() },
			friday,
		);
		expect(result).toMatchObject({
			respondBy: '2026-03-06T22:45:00.000Z',
			escalateAt: '2026-03-06T23:15:00.000Z',
		});
	});

	it('starts the clock when the inquiry arrived, not when the node ran', () => {
		const { result } = assign(cfg, { receivedAt: '2026-03-02T14:00:00.000Z' });
		expect(result.respondBy).toBe('2026-03-02T18:00:00.000Z');
	});
});

describe('purity, state and output', () => {
	it('never mutates the input state, and returns the same result for the same input', () => {
		const cfg = config([owner('ana'), owner('ben', { capPerDay: 4 })]);
		const state = assign(cfg).state;
		const frozen = JSON.parse(JSON.stringify(state));
		const deepFreeze = (o: object): object => (
			Object.values(o).forEach((v) => v && typeof v === 'object' && deepFreeze(v)),
			Object.freeze(o)
		);
		deepFreeze(state);
		const a = assign(cfg, { n: 2 }, MON_10AM_NY, state);
		const b = assign(cfg, { n: 2 }, MON_10AM_NY, state);
		expect(state).toEqual(frozen);
		expect(a).toEqual(b);
		expect(a.state).toEqual({
			version: 1,
			credits: { '*': { ana: 0, ben: 0 } },
			daily: { day: '2026-03-02', counts: { ana: 1, ben: 1 } },
			sticky: { 'email:person1@example.com': 'ana', 'email:person2@example.com': 'ben' },
			assigned: 2,
			updatedAt: MON_10AM_NY.toISOString(),
		});
	});

	it('prunes owners and teams that left the roster', () => {
		const before = assign(
			config([owner('ana', { teams: ['x'] }), owner('ben')], { defaultTeam: 'x' }),
		).state;
		const after = assign(config([owner('ben')]), { n: 2 }, MON_10AM_NY, before).state;
		expect(after).toMatchObject({
			credits: { '*': { ben: 0 } },
			daily: { counts: { ben: 1 } },
			sticky: { 'email:person2@example.com': 'ben' },
		});
	});

	it('reads broken stored state as fresh, and says so once', () => {
		expect(readRoutingState({ version: 99 })).toEqual({ state: emptyRoutingState(), reset: true });
		expect(readRoutingState(undefined).reset).toBe(false);
		const session = new AssignmentSession(config([owner('ana')]), emptyRoutingState(), {
			stateWasReset: true,
		});
		expect(session.assign(inquiry(), { now: MON_10AM_NY }).reasons[0].code).toBe('state_reset');
		expect(
			session.assign(inquiry({ n: 2 }), { now: MON_10AM_NY }).reasons.map((r) => r.code),
		).not.toContain('state_reset');
	});

	it('writes the result under `assignment` and appends one trigger trail entry', () => {
		const before = inquiry();
		const { result } = assignOwner(
			before,
			config([owner('ana', { email: 'ana@example.com', phone: '' })]),
			undefined,
			{ now: MON_10AM_NY, dryRun: true },
		);
		const after = withAssignment(before, result, 'Assign Owner');
		expect(Inquiry.safeParse(after).success).toBe(true);
		expect(after.assignment).toMatchObject({
			dryRun: true,
			owner: { id: 'ana', name: 'Ana', email: 'ana@example.com' },
		});
		expect(after.assignment.owner).not.toHaveProperty('phone');
		expect(after.continuity.trail).toEqual([
			{
				stage: 'trigger',
				node: 'Assign Owner',
				at: MON_10AM_NY.toISOString(),
				outcome: 'assigned',
				detail: 'ana (round_robin)',
			},
		]);
		expect(before.continuity.trail).toEqual([]);
	});
});

describe('settings errors', () => {
	const error = (cfg: unknown) => {
		try {
			assign(cfg as AssignConfigInput);
		} catch (e) {
			if (e instanceof InquiryError) return `${e.code}: ${e.message}`;
			throw e;
		}
		return 'ok';
	};

	it('names the owner and field, the rule, or the calendar at fault', () => {
		expect(
			error(config([owner('ana', { hours: { mon: [{ start: '9:00', end: '17:00' }] } })])),
		).toBe(
			"ROSTER_INVALID: The team roster has a problem: owner 'ana' (row 1): hours.mon[0].start must be HH:mm",
		);
		expect(
			error(
				config([owner('ana')], {
					rules: [{ conditions: [{ field: 'any' }], team: 'a', owner: 'b' }],
				}),
			),
		).toBe(
			'ROUTING_CONFIG_INVALID: The assignment settings have a problem: rules[0].team must route to exactly one team or one owner',
		);
		expect(error(config([owner('ana')], { deadlines: { normal: -5 } }))).toContain(
			'ROUTING_CONFIG_INVALID',
		);
		expect(error(config([owner('a'), owner('A')]))).toContain(
			"owner 'A' (row 2): id is used by more than one owner",
		);
		expect(
			error({ ...config([owner('ana')]), calendar: { timezone: 'Nowhere', hours: {} } }),
		).toContain('BUSINESS_HOURS_INVALID');
	});
});
