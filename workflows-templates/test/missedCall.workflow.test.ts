import { entryTemplate, runEntry } from './hub';
import { TWILIO_TOKEN, twilioRequest, vendorBody, withCredential } from './requests';
import { templateTables } from './tables';

const template = withCredential(
	entryTemplate('02-missed-call-text-back.json'),
	'Normalize Inquiry',
	'inquiryWebhookSecretApi',
);
const credentials = { inquiryWebhookSecretApi: { secret: TWILIO_TOKEN, publicUrl: '' } };
const NOW = '2026-03-03T15:00:00.000Z';

/** An inbound call to the business that nobody answered. */
function missedCall(callSid: string) {
	const busy = vendorBody('twilio__voice_status_callback__busy__1.json');
	return {
		...busy,
		CallSid: callSid,
		Direction: 'inbound',
		CallStatus: 'no-answer',
		From: '+14155552671',
		Caller: '+14155552671',
		To: '+14155550100',
		Called: '+14155550100',
	};
}

describe('template 2: missed call → text back → owner', () => {
	it('makes three calls from one caller one inquiry: one text back, one record, the owner told twice it rang again', async () => {
		const tables = templateTables();
		for (const sid of ['CA1', 'CA2', 'CA3']) {
			const result = await runEntry(template, {
				now: NOW,
				mode: 'webhook',
				dataTables: tables,
				credentials,
				pinData: {
					'Call Webhook': [{ json: twilioRequest('inquiry-missed-call', missedCall(sid)) }],
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.responses[0]).toMatchObject({ statusCode: 200 });
		}
		const texts = tables.rows('inquiry_notifications').filter((row) => row.kind === 'text_back');
		expect(texts).toHaveLength(1);
		expect(texts[0]).toMatchObject({ recipient: '+14155552671', channel: 'sms' });
		expect(String(texts[0].body).length).toBeLessThanOrEqual(160);
		expect(
			tables.rows('inquiry_records').map((row) => [row.channel, row.phone, row.ownerId]),
		).toEqual([['missed_call', '+14155552671', 'owner-1']]);
		const [ledger] = tables.rows('inquiry_ledger');
		expect(tables.rows('inquiry_ledger')).toHaveLength(1);
		expect(ledger).toMatchObject({
			channel: 'missed_call',
			ownerId: 'owner-1',
			contactCount: 3,
			channels: 'missed_call',
			lastContactAt: NOW,
		});
		const told = tables
			.rows('inquiry_notifications')
			.filter((row) => row.kind !== 'text_back')
			.map((row) => [row.kind, row.inquiryId, row.recipient]);
		expect(told).toEqual([
			['owner_assigned', ledger.inquiryId, 'first.owner@team.invalid'],
			['contacted_again', ledger.inquiryId, 'first.owner@team.invalid'],
			['contacted_again', ledger.inquiryId, 'first.owner@team.invalid'],
		]);
		expect(
			tables.rows('inquiry_notifications').find((row) => row.kind === 'contacted_again')?.subject,
		).toBe(`Your customer called again — inquiry ${String(ledger.inquiryId)}`);
		// One turn of the shared owner memory: the repeats took none.
		expect(tables.rows('inquiry_owner_memory')[0]).toMatchObject({ version: 1 });
	});

	it('refuses a forged post: 401, an alert, and no record', async () => {
		const tables = templateTables();
		const result = await runEntry(template, {
			now: NOW,
			mode: 'webhook',
			dataTables: tables,
			credentials,
			pinData: {
				'Call Webhook': [
					{ json: twilioRequest('inquiry-missed-call', missedCall('CA9'), { forged: true }) },
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.responses[0]).toMatchObject({ statusCode: 401 });
		expect(tables.rows('inquiry_records')).toEqual([]);
		expect(tables.rows('inquiry_notifications').map((row) => row.kind)).toEqual(['alert']);
	});
});
