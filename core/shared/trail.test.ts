import type { TrailEntryShape } from './trail';
import { appendTrail } from './trail';

describe('appendTrail', () => {
	const record: { id: string; continuity: { trail: TrailEntryShape[] } } = {
		id: 'r-1',
		continuity: {
			trail: [
				{ stage: 'entry', node: 'In', at: '2026-03-02T15:00:00.000Z', outcome: 'normalized' },
			],
		},
	};

	it('returns a copy with the entry appended, leaving the input as it was', () => {
		const next = appendTrail(record, {
			stage: 'ownership',
			node: 'Assign',
			at: '2026-03-02T15:01:00.000Z',
			outcome: 'assigned',
			detail: 'ana',
		});
		expect(next.continuity.trail.map((e) => [e.stage, e.outcome, e.detail])).toEqual([
			['entry', 'normalized', undefined],
			['ownership', 'assigned', 'ana'],
		]);
		expect(record.continuity.trail).toHaveLength(1);
		expect(next.id).toBe('r-1');
	});

	it('keeps only the entry’s own fields, and no empty detail key', () => {
		const entry = {
			stage: 'tracking',
			node: 'Verify',
			at: '2026-03-02T15:02:00.000Z',
			outcome: 'verified',
			detail: undefined,
			extra: 'x',
		};
		const [, added] = appendTrail(record, entry).continuity.trail;
		expect(added).toEqual({
			stage: 'tracking',
			node: 'Verify',
			at: '2026-03-02T15:02:00.000Z',
			outcome: 'verified',
		});
		expect(Object.keys(added)).not.toContain('detail');
	});
});
