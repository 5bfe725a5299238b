import { InquiryError } from '../shared/errors';
import { readRoster } from './rosterRows';

const failure = (input: unknown) => {
	try {
		readRoster(input);
	} catch (error) {
		if (error instanceof InquiryError) return { code: error.code, message: error.message };
		throw error;
	}
	throw new Error('expected readRoster to fail');
};

describe('readRoster', () => {
	it('reads Google Sheet style rows: loose headers, comma lists, yes/no, numbers as text', () => {
		const roster = readRoster([
			{
				row_number: 2,
				'Owner ID': 'ana',
				Name: 'Ana Lopez',
				Email: 'ana@example.com',
				Phone: 14155550100,
				'Slack ID': 'U123',
				Active: 'Yes',
				Services: 'plumbing, heating',
				'Postal Codes': '941; 940',
				Language: 'English, Spanish',
				Channels: 'phone, text, Web Form, missed call',
				Team: 'Field',
				Weight: '5',
				'Cap Per Day': '8',
				'Time Zone': 'America/Los_Angeles',
				'Working Hours': 'Mon-Fri 08:00-12:00,13:00-17:00',
				Vacation: '2026-07-01..2026-07-14',
			},
		]);
		expect(roster.owners).toEqual([
			{
				id: 'ana',
				name: 'Ana Lopez',
				email: 'ana@example.com',
				phone: '14155550100',
				chat: 'U123',
				active: true,
				skills: ['plumbing', 'heating'],
				territories: ['941', '940'],
				languages: ['English', 'Spanish'],
				channels: ['call', 'sms', 'form', 'missed_call'],
				teams: ['Field'],
				weight: 5,
				capPerDay: 8,
				timezone: 'America/Los_Angeles',
				hours: {
					mon: [
						{ start: '08:00', end: '12:00' },
						{ start: '13:00', end: '17:00' },
					],
					tue: [
						{ start: '08:00', end: '12:00' },
						{ start: '13:00', end: '17:00' },
					],
					wed: [
						{ start: '08:00', end: '12:00' },
						{ start: '13:00', end: '17:00' },
					],
					thu: [
						{ start: '08:00', end: '12:00' },
						{ start: '13:00', end: '17:00' },
					],
					fri: [
						{ start: '08:00', end: '12:00' },
						{ start: '13:00', end: '17:00' },
					],
				},
				outOfOffice: [{ start: '2026-07-01', end: '2026-07-14' }],
			},
		]);
	});

	it('fills defaults, derives a missing id from the email, and unwraps n8n items and JSON text', () => {
		const fromItems = readRoster([{ json: { name: 'Ben', email: 'Ben@Example.com', hours: '' } }]);
		expect(fromItems.owners[0]).toEqual({
			id: 'ben@example.com',
			name: 'Ben',
			email: 'Ben@Example.com',
			active: true,
			skills: [],
			territories: [],
			languages: [],
			channels: [],
			teams: [],
			weight: 1,
			outOfOffice: [],
		});
		expect(
			readRoster(
				JSON.stringify({
					owners: [{ id: 'c', name: 'Cara' }],
					teams: [{ id: 'night', members: ['C'] }],
				}),
			),
		).toMatchObject({ owners: [{ id: 'c' }], teams: [{ id: 'night', members: ['C'] }] });
		expect(readRoster('').owners).toEqual([]);
		expect(readRoster([{ name: 'Dee', active: 'no' }]).owners[0]).toMatchObject({
			id: 'Dee',
			active: false,
		});
	});

	it('names the owner, the row and the field of every problem', () => {
		expect(
			failure([
				{ id: 'ok', name: 'Ok' },
				{ id: 'ana', name: 'Ana', hours: 'Mon-Fry 08:00-12:00' },
			]),
		).toEqual({
			code: 'ROSTER_INVALID',
			message:
				'The team roster has a problem: owner \'ana\' (row 2): hours "Mon-Fry 08:00-12:00": "Fry" is not a day — use Mon, Tue, Wed, Thu, Fri, Sat or Sun (ranges like Mon-Fri are fine)',
		});
		expect(
			failure([{ id: 'ana', name: 'Ana', hours: { mon: [{ start: '9:00', end: '17:00' }] } }])
				.message,
		).toContain("owner 'ana' (row 1): hours.mon[0].start must be HH:mm");
		expect(failure([{ id: 'ana', name: 'Ana', weight: 'lots' }]).message).toContain(
			'owner \'ana\' (row 1): weight "lots" must be a number',
		);
		expect(failure([{ id: 'ana', name: 'Ana', weight: 0 }]).message).toContain(
			'weight must be more than 0',
		);
		expect(failure([{ id: 'ana', name: 'Ana', timezone: 'Mars/Olympus' }]).message).toContain(
			'timezone must be a time zone name such as America/New_York',
		);
		expect(failure([{ id: 'ana', name: 'Ana', channels: 'fax' }]).message).toContain(
			'channels[0] "fax" is not one of form, chat, call',
		);
		expect(failure([{ id: 'ana', name: 'Ana', active: 'maybe' }]).message).toContain(
			'active "maybe" must be yes or no',
		);
		expect(failure([{ id: 'ana', name: 'Ana', ooo: '7/1/2026' }]).message).toContain(
			'outOfOffice (column "ooo") "7/1/2026" is not a date or date range',
		);
		expect(failure([{ email: '' }]).message).toContain('owner (row 1): id is required');
	});

	it('rejects duplicate ids (case-insensitive) and team members missing from the roster', () => {
		expect(
			failure([
				{ id: 'ana', name: 'Ana' },
				{ id: 'ANA', name: 'Ana B' },
			]).message,
		).toContain("owner 'ANA' (row 2): id 'ANA' is already used by row 1");
		expect(
			failure({ owners: [{ id: 'ana', name: 'Ana' }], teams: [{ id: 'x', members: ['zed'] }] })
				.message,
		).toContain("team 'x': member 'zed' is not in the roster");
	});

	it('lists at most five problems and counts the rest', () => {
		const rows = Array.from({ length: 8 }, (_, i) => ({ id: `o${i}`, name: `O${i}`, weight: 'x' }));
		expect(failure(rows).message).toMatch(/; and 3 more$/);
	});

	it('refuses text that is not JSON and values that are not lists', () => {
		expect(failure('{nope').message).toContain('not valid JSON');
		expect(failure(42).message).toContain('must be a list of owners');
	});

	it('reads inquiry_team Data table rows: the row number in "id" never becomes the owner id, and away from/until become one absence', () => {
		const created = new Date('2026-03-01T10:00:00.000Z');
		const roster = readRoster([
			{
				id: 1,
				createdAt: created,
				updatedAt: created,
				ownerId: 'ana',
				name: 'Ana',
				email: 'ana@team.test',
				awayFrom: '2026-07-01',
				awayUntil: new Date('2026-07-14T00:00:00.000Z'),
				capPerDay: 20,
			},
			{
				id: 2,
				createdAt: created,
				updatedAt: created,
				ownerId: 'ben',
				name: 'Ben',
				awayFrom: '',
				awayUntil: '2026-03-04',
			},
			{
				id: 3,
				createdAt: created,
				updatedAt: created,
				ownerId: 'cara',
				name: 'Cara',
				awayFrom: '2026-08-01',
				awayUntil: null,
			},
		]);
		expect(roster.owners.map((o) => [o.id, o.outOfOffice])).toEqual([
			['ana', [{ start: '2026-07-01', end: '2026-07-14' }]],
			['ben', [{ start: '1970-01-01', end: '2026-03-04' }]],
			['cara', [{ start: '2026-08-01', end: '9999-12-31' }]],
		]);
		expect(roster.owners[0].capPerDay).toBe(20);
	});

	it('names the row and the column as the table spells it', () => {
		expect(failure([{ ownerId: 'ana', name: 'Ana', 'Cap Per Day': 'lots' }]).message).toContain(
			'owner \'ana\' (row 1): capPerDay (column "Cap Per Day") "lots" must be a number',
		);
		expect(
			failure([
				{ ownerId: 'ana', name: 'Ana' },
				{ ownerId: 'ben', name: 'Ben', awayFrom: 'next week' },
			]).message,
		).toContain('owner \'ben\' (row 2): awayFrom "next week" must be a date like 2026-07-01');
		expect(
			failure([{ ownerId: 'ana', name: 'Ana', awayFrom: '2026-07-10', awayUntil: '2026-07-01' }])
				.message,
		).toContain("owner 'ana' (row 1): awayUntil 2026-07-01 is before awayFrom 2026-07-10");
	});
});
