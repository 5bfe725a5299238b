import { InquiryError } from '../shared/errors';
import { assignOwner } from './assignOwner';
import { compileAssignParameters, configFromParameters } from './parameters';
import { inquiry, MON_10AM_NY } from './test/fixtures';

const form = {
	rosterSource: 'form' as const,
	owners: {
		owner: [
			{
				id: '',
				name: 'Ana Lopez',
				email: 'Ana@Example.com',
				teams: 'plumbing, emergencies',
				capPerDay: 0,
				capOpen: 4,
				timezone: '',
				hours: 'Mon-Fri 8-17',
				outOfOffice: '',
				channels: ['form', 'call'],
			},
			{ id: 'ben', name: 'Ben', weight: 2, active: false },
		],
	},
	businessTimezone: '',
	businessHours: 'Mon-Fri 09:00-17:00',
	holidays: '2026-12-25',
	rules: {
		rule: [
			{
				name: 'Plumbing',
				field: 'service' as const,
				operator: 'is' as const,
				value: 'plumbing',
				routeTo: 'team' as const,
				target: 'plumbing',
			},
		],
	},
	deadlines: { normalMinutes: 30 },
};

describe('configFromParameters', () => {
	it('turns form rows into a roster: blanks unset, 0 caps mean no cap, ids derived from email', () => {
		const cfg = configFromParameters(form, 'America/New_York');
		expect(cfg.roster?.owners?.[0]).toMatchObject({
			id: 'ana@example.com',
			teams: ['plumbing', 'emergencies'],
			capOpen: 4,
			channels: ['form', 'call'],
			hours: { mon: [{ start: '08:00', end: '17:00' }] },
		});
		expect(cfg.roster?.owners?.[0]).not.toHaveProperty('capPerDay');
		expect(cfg.roster?.owners?.[0].timezone).toBeUndefined();
		expect(cfg.calendar).toEqual({
			timezone: 'America/New_York',
			hours: {
				mon: [{ start: '09:00', end: '17:00' }],
				tue: [{ start: '09:00', end: '17:00' }],
				wed: [{ start: '09:00', end: '17:00' }],
				thu: [{ start: '09:00', end: '17:00' }],
				fri: [{ start: '09:00', end: '17:00' }],
			},
			holidays: ['2026-12-25'],
		});
		expect(cfg.rules).toEqual([
			{
				name: 'Plumbing',
				conditions: [{ field: 'service', operator: 'is', value: 'plumbing' }],
				team: 'plumbing',
			},
		]);
	});

	it('produces settings the core accepts, with unset options taking their defaults', () => {
		const { result } = assignOwner(
			inquiry({ service: 'plumbing' }),
			configFromParameters(form, 'America/New_York'),
			undefined,
			{ now: MON_10AM_NY },
		);
		expect(result).toMatchObject({
			status: 'assigned',
			owner: { id: 'ana@example.com', name: 'Ana Lopez' },
			team: 'plumbing',
			deadlineMinutes: 30,
			escalateAt: '2026-03-02T16:30:00.000Z',
		});
	});

	it('reads the roster from JSON when chosen, e.g. rows of a sheet', () => {
		const cfg = configFromParameters(
			{
				rosterSource: 'json',
				rosterJson: '[{"Name":"Cara","Skills":"roofing"}]',
				businessTimezone: 'Europe/Berlin',
			},
			'America/New_York',
		);
		expect(cfg.roster?.owners?.[0]).toMatchObject({ id: 'Cara', skills: ['roofing'] });
		expect(cfg.calendar?.timezone).toBe('Europe/Berlin');
	});

	it('reports unreadable hours, holidays and rules without a target', () => {
		const fail = (changes: object) => {
			try {
				configFromParameters({ ...form, ...changes }, 'UTC');
			} catch (e) {
				return e instanceof InquiryError ? `${e.code}: ${e.message}` : 'other';
			}
			return 'ok';
		};
		expect(fail({ businessHours: 'Weekdays nine to five' })).toBe(
			'BUSINESS_HOURS_INVALID: The business hours or holidays could not be read: Business Hours "Weekdays nine to five": "Weekdays nine" is not a day — use Mon, Tue, Wed, Thu, Fri, Sat or Sun (ranges like Mon-Fri are fine)',
		);
		expect(fail({ businessHours: '' })).toContain('Business Hours is empty');
		expect(fail({ holidays: 'Christmas' })).toContain('Holidays: "Christmas" is not a date');
		expect(fail({ rules: { rule: [{ name: 'VIP', routeTo: 'owner', target: ' ' }] } })).toBe(
			'ROUTING_CONFIG_INVALID: The assignment settings have a problem: rule 1 ("VIP") has no owner id to route to',
		);
		expect(fail({ owners: { owner: [{ name: 'Ana', hours: 'Mon-Fry 9-5' }] } })).toContain(
			'owner \'Ana\' (row 1): hours "Mon-Fry 9-5"',
		);
	});
});

describe('compileAssignParameters', () => {
	it('compiles the same settings once and shares the result; other settings or time zones compile anew', () => {
		const first = compileAssignParameters(structuredClone(form), 'UTC');
		expect(compileAssignParameters(structuredClone(form), 'UTC')).toBe(first);
		expect(first.owners.map((owner) => owner.owner.id)).toEqual(['ana@example.com', 'ben']);
		expect(first.config.calendar.holidays).toEqual(['2026-12-25']);
		expect(compileAssignParameters(structuredClone(form), 'Europe/Berlin')).not.toBe(first);
		const other = compileAssignParameters(
			{ ...structuredClone(form), holidays: '2026-12-24' },
			'UTC',
		);
		expect(other).not.toBe(first);
		expect(other.config.calendar.holidays).toEqual(['2026-12-24']);
	});

	it('fails again, with the same error, for settings that cannot compile', () => {
		const broken = { ...form, businessHours: 'Weekdays nine to five' };
		for (let i = 0; i < 2; i++)
			expect(() => compileAssignParameters(broken, 'UTC')).toThrow('"Weekdays nine" is not a day');
	});
});
