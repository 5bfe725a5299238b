/** One entry of a record's trail: which stage did what, where and when. */
export interface TrailEntryShape {
	stage: string;
	node: string;
	at: string;
	outcome: string;
	detail?: string;
}

/** A record that keeps a trail; the inquiry's own entry types come from the schema in core/inquiry. */
export interface WithTrail {
	continuity: { trail: TrailEntryShape[] };
}

type EntryOf<T extends WithTrail> = T['continuity']['trail'][number];

/**
 * Returns a copy of the record with one trail entry appended; the input is never mutated,
 * so an item that n8n also holds elsewhere (pinned data, another branch) stays unchanged.
 */
export function appendTrail<T extends WithTrail>(record: T, entry: EntryOf<T>): T {
	const clean = {
		stage: entry.stage,
		node: entry.node,
		at: entry.at,
		outcome: entry.outcome,
	} as EntryOf<T>;
	if (entry.detail !== undefined) clean.detail = entry.detail;
	return {
		...record,
		continuity: { ...record.continuity, trail: [...record.continuity.trail, clean] },
	};
}
