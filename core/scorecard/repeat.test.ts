import { InquiryError } from '../shared/errors';
import {
	DEFAULT_REPEAT_WINDOW_HOURS,
	findOpenInquiry,
	isOpenRow,
	matchOpenInquiryItem,
	readEarlierRows,
	readRepeatWindow,
	saidAgain,
} from './repeat';

const NOW = new Date('2026-03-06T15:00:00.000Z');
const WINDOW = { now: NOW, windowHours: DEFAULT_REPEAT_WINDOW_HOURS };
const PHONE = '+14155550111';

/** The ledger row of the caller's first inquiry, as a Data table returns it. */
const callRow = (extra: Record<string, unknown> = {}) => ({
	id: 7,
	inquiryId: 'inq_call',
	receivedAt: '2026-03-05T15:00:00.000Z',
	channel: 'missed_call',
	identityKey: `phone:${PHONE}`,
	contactPhone: PHONE,
	contactEmail: '',
	ownerId: 'owner-2',
	ownerName: 'Second team member',
	contactedAt: null,
	channels: null,
	contactCount: null,
	...extra,
});

const form = {
	id: 'inq_form',
	channel: 'form' as const,
	identityKeys: ['email:jane@customers.test', `phone:${PHONE}`],
};

describe('findOpenInquiry: does a new contact join an open inquiry?', () => {
	it('a form with the phone of an open call joins it: same owner, two contacts, both channels', () => {
		expect(findOpenInquiry(form, [callRow()], WINDOW)).toEqual({
			status: 'repeat',
			open: {
				inquiryId: 'inq_call',
				ownerId: 'owner-2',
				ownerName: 'Second team member',
				receivedAt: '2026-03-05T15:00:00.000Z',
			},
			update: {
				contactCount: 2,
				channels: 'missed_call, form',
				lastContactAt: '2026-03-06T15:00:00.000Z',
			},
			said: 'wrote again',
		});
	});

	it('a third call counts on from the row and lists the channel once', () => {
		const call = {
			id: 'inq_call3',
			channel: 'missed_call' as const,
			identityKeys: [`phone:${PHONE}`],
		};
		const verdict = findOpenInquiry(
			call,
			[
				callRow({
					contactCount: 2,
					channels: 'missed_call',
					lastContactAt: '2026-03-05T16:00:00Z',
				}),
			],
			WINDOW,
		);
		expect(verdict).toMatchObject({
			status: 'repeat',
			update: { contactCount: 3, channels: 'missed_call' },
			said: 'called again',
		});
	});

	it('matches a row by e-mail whatever its case, and by its identity key', () => {
		const chat = {
			id: 'inq_chat',
			channel: 'chat' as const,
			identityKeys: ['email:jane@customers.test'],
		};
		const byEmail = callRow({
			identityKey: 'phone:+14155550999',
			contactEmail: 'Jane@Customers.test',
		});
		expect(findOpenInquiry(chat, [byEmail], WINDOW).status).toBe('repeat');
		const byKey = callRow({ identityKey: 'email:jane@customers.test', contactPhone: '' });
		expect(findOpenInquiry(chat, [byKey], WINDOW).status).toBe('repeat');
	});

	it('joins the newest of several open inquiries of the person', () => {
		const rows = [
			callRow({ inquiryId: 'inq_old', receivedAt: '2026-03-04T15:00:00.000Z' }),
			callRow({ inquiryId: 'inq_new', receivedAt: '2026-03-06T09:00:00.000Z' }),
			callRow({ inquiryId: 'inq_mid', receivedAt: new Date('2026-03-05T09:00:00.000Z') }),
		];
		expect(findOpenInquiry(form, rows, WINDOW)).toMatchObject({ open: { inquiryId: 'inq_new' } });
	});

	it('opens a new inquiry when the earlier one is older than the window', () => {
		const old = callRow({ receivedAt: '2026-03-03T14:59:59.000Z' });
		expect(findOpenInquiry(form, [old], WINDOW)).toEqual({ status: 'new', reason: 'none_open' });
		const edge = callRow({ receivedAt: '2026-03-03T15:00:00.000Z' });
		expect(findOpenInquiry(form, [edge], WINDOW).status).toBe('repeat');
	});

	it('does not join an inquiry someone has answered, one marked closed (the ladder clears open to empty), or one nobody owns', () => {
		for (const row of [
			callRow({ contactedAt: '2026-03-05T16:00:00.000Z' }),
			callRow({ open: false }),
			callRow({ open: 'false' }),
			callRow({ open: '' }),
			callRow({ ownerId: '' }),
		])
			expect(findOpenInquiry(form, [row], WINDOW)).toEqual({ status: 'new', reason: 'none_open' });
	});

	it("never joins another person's inquiry, nor the contact's own (a replay)", () => {
		const other = callRow({ identityKey: 'phone:+14155550999', contactPhone: '+14155550999' });
		const own = callRow({ inquiryId: 'inq_form' });
		expect(findOpenInquiry(form, [other, own, {}, null, 'row'], WINDOW)).toEqual({
			status: 'new',
			reason: 'none_open',
		});
	});

	it('without an identity, or with the window at 0, every contact is new', () => {
		const anonymous = { ...form, identityKeys: [] };
		expect(findOpenInquiry(anonymous, [callRow({ identityKey: '' })], WINDOW)).toEqual({
			status: 'new',
			reason: 'no_identity',
		});
		expect(findOpenInquiry(form, [callRow()], { now: NOW, windowHours: 0 })).toEqual({
			status: 'new',
			reason: 'window_off',
		});
	});
});

describe('isOpenRow', () => {
	it('is open while owned, not contacted and not closed', () => {
		expect(isOpenRow({ ownerId: 'a', contactedAt: '', open: undefined })).toBe(true);
		expect(isOpenRow({ ownerId: 'a', contactedAt: '', open: true })).toBe(true);
		expect(isOpenRow({ ownerId: 'a', contactedAt: '', open: 0 })).toBe(false);
	});
});

describe('saidAgain', () => {
	it('words the owner update after the channel', () => {
		expect(
			['call', 'missed_call', 'sms', 'form', 'chat'].map((c) => saidAgain(c as 'form')),
		).toEqual(['called again', 'called again', 'texted again', 'wrote again', 'wrote again']);
	});
});

describe('readRepeatWindow', () => {
	it('reads hours as a number or the text of one, 0 included', () => {
		expect([72, '24', ' 0 ', 1.5].map(readRepeatWindow)).toEqual([72, 24, 0, 1.5]);
	});

	it('refuses anything else, naming the value', () => {
		for (const bad of [-1, 'soon', '', null, Number.NaN])
			expect(() => readRepeatWindow(bad)).toThrow(InquiryError);
		expect(() => readRepeatWindow('soon')).toThrow('Repeat Contact Window is "soon"');
	});
});

describe('readEarlierRows', () => {
	it('takes a list or the JSON text of one', () => {
		expect(readEarlierRows([{ inquiryId: 'a' }])).toEqual([{ inquiryId: 'a' }]);
		expect(readEarlierRows('[{"inquiryId":"a"}]')).toEqual([{ inquiryId: 'a' }]);
	});

	it('refuses anything else with the parameter named', () => {
		for (const bad of [{}, '{"a":1}', 'rows', null])
			expect(() => readEarlierRows(bad)).toThrow('Earlier Inquiries is not a list of ledger rows');
	});
});

describe('matchOpenInquiryItem', () => {
	it('adds the verdict to a repeat contact and leaves a new one as it came', () => {
		const joined = matchOpenInquiryItem(form, [callRow()], WINDOW);
		expect(joined.repeat).toBe(true);
		expect(joined.json).toMatchObject({
			...form,
			repeat: { status: 'repeat', open: { inquiryId: 'inq_call' }, said: 'wrote again' },
		});
		expect(matchOpenInquiryItem(form, [], WINDOW)).toEqual({ repeat: false, json: form });
	});
});
