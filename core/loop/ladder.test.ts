import type { LadderRow, LadderSettings } from './ladder';
import { ladderSteps, readLadderRow } from './ladder';

/** Mon–Fri 09:00–17:00 in New York; 2026-03-02 is a Monday in EST (UTC−5), so 09:00 is 14:00Z. */
const calendar = {
	timezone: 'America/New_York',
	hours: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] },
	holidays: [],
};
const settings: LadderSettings = {
	calendar,
	remindBeforeMinutes: 10,
	maxHops: 2,
	awayAfterMisses: 0,
};
const row = (cells: Partial<Record<keyof LadderRow, unknown>> = {}): LadderRow =>
	readLadderRow({
		inquiryId: 'inq-1',
		ownerId: 'ana',
		assignedAt: '2026-03-02T15:00:00.000Z',
		respondBy: '2026-03-02T15:30:00.000Z',
		...cells,
	});
const at = (iso: string) => new Date(iso);
/** The row as the workflow's compare-and-set leaves it. */
const applied = (before: LadderRow, set: Record<string, string | number>) =>
	readLadderRow({ ...before, ...set });

describe('ladderSteps', () => {
	test('nothing is due while the deadline is further away than the reminder', () => {
		expect(ladderSteps([row()], settings, at('2026-03-02T15:19:59.000Z'))).toEqual({
			steps: [],
			owners: [],
		});
	});

	test('the reminder is due 10 business minutes before the deadline, and raised once', () => {
		const [reminder] = ladderSteps([row()], settings, at('2026-03-02T15:20:00.000Z')).steps;
		expect(reminder).toEqual({
			rowIndex: 0,
			inquiryId: 'inq-1',
			step: 'reminder',
			key: 'reminder@0',
			ownerId: 'ana',
			dueAt: '2026-03-02T15:20:00.000Z',
			exclude: [],
			reason: 'ana has not claimed it, and the deadline is 2026-03-02T15:30:00.000Z',
			where: { inquiryId: 'inq-1', stepsRaised: '' },
			set: { stepsRaised: 'reminder@0', remindedAt: '2026-03-02T15:20:00.000Z' },
		});
		expect(
			ladderSteps([applied(row(), reminder.set)], settings, at('2026-03-02T15:25:00.000Z')).steps,
		).toEqual([]);
	});

	test('the reminder counts business minutes: assigned at 16:55 with the deadline at 09:25 next day, 28 before is 16:57', () => {
		const late = row({
			assignedAt: '2026-03-02T21:55:00.000Z',
			respondBy: '2026-03-03T14:25:00.000Z',
		});
		const remind = { ...settings, remindBeforeMinutes: 28 };
		expect(ladderSteps([late], remind, at('2026-03-02T21:56:59.000Z')).steps).toEqual([]);
		expect(
			ladderSteps([late], remind, at('2026-03-02T21:57:00.000Z')).steps.map((s) => [
				s.key,
				s.dueAt,
			]),
		).toEqual([['reminder@0', '2026-03-02T21:57:00.000Z']]);
	});

	test('at the deadline it moves to the next person, never back to one who let it go, and the miss is counted', () => {
		const { steps, owners } = ladderSteps(
			[row({ stepsRaised: 'reminder@0', passedBy: 'ben' })],
			{ ...settings, missedInARow: { ana: 1 } },
			at('2026-03-02T15:31:00.000Z'),
		);
		expect(steps).toEqual([
			expect.objectContaining({
				step: 'reassign',
				key: 'reassign@0',
				ownerId: 'ana',
				dueAt: '2026-03-02T15:30:00.000Z',
				exclude: ['ben', 'ana'],
				where: { inquiryId: 'inq-1', stepsRaised: 'reminder@0' },
				set: {
					stepsRaised: 'reminder@0,reassign@0',
					reassignedAt: '2026-03-02T15:31:00.000Z',
					ownerId: '',
					acceptedAt: '',
					remindedAt: '',
					hops: 1,
					passedBy: 'ben,ana',
				},
			}),
		]);
		expect(owners).toEqual([{ ownerId: 'ana', missedInARow: 2, setAway: false }]);
	});

	test('an owner who misses N claims in a row is set away when that is turned on', () => {
		const rows = [row(), row({ inquiryId: 'inq-2' })];
		expect(
			ladderSteps(rows, { ...settings, awayAfterMisses: 2 }, at('2026-03-02T16:00:00.000Z')).owners,
		).toEqual([{ ownerId: 'ana', missedInARow: 2, setAway: true }]);
	});

	test('when the hops run out the manager is told, once per inquiry', () => {
		const tired = row({ hops: '2', stepsRaised: 'reassign@0,reassign@1' });
		const [manager] = ladderSteps([tired], settings, at('2026-03-02T15:31:00.000Z')).steps;
		expect(manager).toMatchObject({
			step: 'manager',
			key: 'manager',
			ownerId: '',
			reason:
				'ana did not claim it by the deadline; it already moved 2 times, so the manager must step in',
		});
		expect(
			ladderSteps([applied(tired, manager.set)], settings, at('2026-03-02T17:00:00.000Z')).steps,
		).toEqual([]);
	});

	test('each step is written on the ledger row when raised, and the manager step takes the row out of the open read', () => {
		const first = row();
		const [reminder] = ladderSteps([first], settings, at('2026-03-02T15:20:00.000Z')).steps;
		const reminded = applied(first, reminder.set);
		const [reassign] = ladderSteps([reminded], settings, at('2026-03-02T15:30:00.000Z')).steps;
		const moved = applied(reminded, {
			...reassign.set,
			ownerId: 'ben',
			respondBy: '2026-03-02T16:30:00.000Z',
		});
		const [manager] = ladderSteps(
			[moved],
			{ ...settings, maxHops: 1 },
			at('2026-03-02T16:30:00.000Z'),
		).steps;
		expect([reminder.set, reassign.set, manager.set]).toEqual([
			expect.objectContaining({ remindedAt: '2026-03-02T15:20:00.000Z' }),
			expect.objectContaining({ reassignedAt: '2026-03-02T15:30:00.000Z', remindedAt: '' }),
			{
				stepsRaised: 'reminder@0,reassign@0,manager',
				escalatedAt: '2026-03-02T16:30:00.000Z',
				open: '',
			},
		]);
	});

	test('when nobody else on the team is eligible the manager is told at once', () => {
		const [step] = ladderSteps(
			[row({ passedBy: 'ben' })],
			{ ...settings, team: ['ana', 'ben'] },
			at('2026-03-02T15:31:00.000Z'),
		).steps;
		expect(step).toMatchObject({
			step: 'manager',
			reason:
				'ana did not claim it by the deadline; nobody else is eligible, so the manager must step in',
		});
	});

	test('a row without an owner (passed on, not yet reassigned) is reassigned at its next hop', () => {
		const [step] = ladderSteps(
			[row({ ownerId: '', hops: 1, passedBy: 'ana' })],
			settings,
			at('2026-03-02T15:10:00.000Z'),
		).steps;
		expect(step).toMatchObject({
			step: 'reassign',
			key: 'reassign@1',
			exclude: ['ana'],
			set: { hops: 2 },
		});
	});

	test('a contacted or closed inquiry is never escalated, however late', () => {
		const rows = [
			row({ contactedAt: '2026-03-02T15:45:00.000Z' }),
			row({ inquiryId: 'inq-2', closedAt: '2026-03-02T16:00:00.000Z' }),
		];
		expect(ladderSteps(rows, settings, at('2026-03-09T15:00:00.000Z'))).toEqual({
			steps: [],
			owners: [],
		});
	});

	test('claimed but not contacted by the deadline: the owner is nudged once', () => {
		const claimed = row({ acceptedAt: '2026-03-02T15:05:00.000Z' });
		expect(ladderSteps([claimed], settings, at('2026-03-02T15:29:00.000Z')).steps).toEqual([]);
		const [step] = ladderSteps([claimed], settings, at('2026-03-02T15:30:00.000Z')).steps;
		expect(step).toMatchObject({ step: 'contact', key: 'contact@0', ownerId: 'ana' });
		expect(
			ladderSteps([applied(claimed, step.set)], settings, at('2026-03-02T18:00:00.000Z')).steps,
		).toEqual([]);
	});

	test('bad settings and rows are refused with the field named', () => {
		expect(() =>
			ladderSteps([], { ...settings, maxHops: -1 }, at('2026-03-02T15:00:00.000Z')),
		).toThrow('The escalation ladder settings have a problem: maxHops is -1');
		expect(() => readLadderRow({ ownerId: 'ana' })).toThrow(
			'This item is not an open row of the inquiry ledger: inquiryId: Required',
		);
		expect(() => row({ respondBy: 'soon' })).toThrow(
			'This item is not an open row of the inquiry ledger: respondBy "soon" of inquiry inq-1 is not a date',
		);
	});

	test('Data table cells read as the ladder expects: null as empty, numbers from text', () => {
		expect(
			readLadderRow({
				inquiryId: 'inq-1',
				ownerId: null,
				hops: '3',
				acceptedAt: null,
				passedBy: ' ana ',
			}),
		).toMatchObject({ ownerId: '', hops: 3, acceptedAt: '', passedBy: 'ana' });
	});
});
