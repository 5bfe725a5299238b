import { compileMappings, defaultMappings } from './mapping';
import { handoffOutput, verifyInquiryHandoff, withHandoff } from './stage';
import { janeRecord, janeRoe } from './test/inquiry';
import { verifyHandoff } from './verifyHandoff';

const FIELDS = compileMappings(defaultMappings());
const options = {
	destination: 'HubSpot',
	now: new Date('2026-03-02T15:02:00.000Z'),
	slaMinutes: 5,
	nodeName: 'Verify Handoff',
};

describe('Verify Inquiry Handoff stage', () => {
	it('adds the receipt, a transfer "written" entry and the tracking entry for a verified record', () => {
		const original = janeRoe();
		const { output, receipt, inquiry } = verifyInquiryHandoff(original, janeRecord(), FIELDS, {
			...options,
			recordId: 'rec-42',
		});
		expect(output).toBe('verified');
		expect(inquiry.handoff).toBe(receipt);
		expect(inquiry.continuity.trail.slice(1)).toEqual([
			{
				stage: 'transfer',
				node: 'Verify Handoff',
				at: '2026-03-02T15:02:00.000Z',
				outcome: 'written',
				detail: 'HubSpot record rec-42',
			},
			{
				stage: 'tracking',
				node: 'Verify Handoff',
				at: '2026-03-02T15:02:00.000Z',
				outcome: 'verified',
				detail: 'HubSpot: 6 fields matched',
			},
		]);
		expect(original.continuity.trail).toHaveLength(1);
		expect((original as Record<string, unknown>).handoff).toBeUndefined();
	});

	it('records the transfer for a record that arrived damaged, but not for a missing one', () => {
		const damaged = verifyInquiryHandoff(janeRoe(), janeRecord({ phone: '' }), FIELDS, {
			...options,
			recordId: 'rec-42',
		});
		expect(damaged.output).toBe('failed');
		expect(
			damaged.inquiry.continuity.trail.slice(1).map((e) => [e.stage, e.outcome, e.detail]),
		).toEqual([
			['transfer', 'written', 'HubSpot record rec-42'],
			['tracking', 'mismatch', 'HubSpot: phone lost'],
		]);
		const missing = verifyInquiryHandoff(janeRoe(), undefined, FIELDS, {
			...options,
			recordId: 'rec-42',
			statusCode: 404,
		});
		expect(
			missing.inquiry.continuity.trail.slice(1).map((e) => [e.stage, e.outcome, e.detail]),
		).toEqual([['tracking', 'missing', 'HubSpot: no record after 1 attempt']]);
		const error = verifyInquiryHandoff(janeRoe(), undefined, FIELDS, {
			...options,
			statusCode: 502,
		});
		expect(error.inquiry.continuity.trail.at(-1)).toMatchObject({
			outcome: 'error',
			detail: 'HubSpot: the destination answered HTTP 502',
		});
	});

	it('replaces an earlier receipt and does not repeat the same transfer entry', () => {
		const first = verifyInquiryHandoff(janeRoe(), janeRecord(), FIELDS, {
			...options,
			recordId: 'rec-42',
		}).inquiry;
		const again = verifyInquiryHandoff(first, janeRecord(), FIELDS, {
			...options,
			recordId: 'rec-42',
			now: new Date('2026-03-02T15:10:00.000Z'),
		});
		expect(again.inquiry.handoff.status).toBe('late');
		expect(again.inquiry.continuity.trail.map((e) => e.outcome)).toEqual([
			'normalized',
			'written',
			'verified',
			'late',
		]);
		expect(again.inquiry.continuity.trail.at(-1)?.detail).toBe(
			'HubSpot: arrived after the deadline 2026-03-02T15:05:00.000Z',
		);
	});

	it('sends only verified receipts to Verified', () => {
		expect(handoffOutput('verified')).toBe('verified');
		for (const status of ['missing', 'mismatch', 'late', 'error'] as const)
			expect(handoffOutput(status)).toBe('failed');
	});

	it('writes no transfer entry without a record id', () => {
		const receipt = verifyHandoff(janeRoe(), janeRecord(), FIELDS, options);
		expect(withHandoff(janeRoe(), receipt, 'V').continuity.trail.map((e) => e.stage)).toEqual([
			'entry',
			'tracking',
		]);
	});
});
