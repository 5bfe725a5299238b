import type { CompiledOwner, EligibilityContext, ExclusionCode } from './eligibility';
import type { ZoneClock } from './hours';
import { isoDateOfDay } from './hours';
import { minutesToHHmm } from './hoursText';
import type { AssignmentReason, ReasonCode, StrategyUsed, UnassignedReason } from './result';

/** The human sentence and the structured reasons[] behind every assignment. */

/** Per-owner exclusion reasons kept per inquiry; the rest are counted in one "more_excluded" entry. */
export const MAX_OWNER_REASONS = 25;

export interface Exclusion {
	owner: CompiledOwner;
	code: ExclusionCode;
}

export interface PoolView {
	kind: 'primary' | 'fallback_team' | 'fallback_owner';
	/** 'team "plumbing"', 'the whole roster', 'owner "ana"'. */
	label: string;
	members: CompiledOwner[];
}

export class Trace {
	private readonly list: AssignmentReason[] = [];
	private ownerEntries = 0;
	private hidden = 0;

	add(code: ReasonCode, detail: string, ownerId?: string): void {
		this.list.push(ownerId === undefined ? { code, detail } : { code, ownerId, detail });
	}

	exclude(exclusion: Exclusion, ctx: EligibilityContext): void {
		if (this.ownerEntries >= MAX_OWNER_REASONS) {
			this.hidden++;
			return;
		}
		this.ownerEntries++;
		this.add(exclusion.code, exclusionDetail(exclusion, ctx), exclusion.owner.owner.id);
	}

	reasons(): AssignmentReason[] {
		if (this.hidden)
			this.add(
				'more_excluded',
				`${this.hidden} more owners were excluded; see the counts in the reason sentence`,
			);
		return this.list;
	}
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_NAMES = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec',
];

/** "Mon 9 Mar 10:00" in the clock's zone. */
/** "Mon 9 Mar 09:00", or "Thu 1 Apr 2027 09:00" with the year (for dates that may be far off). */
export function formatLocal(ms: number, clock: ZoneClock, withYear = false): string {
	const local = clock.toLocal(ms);
	const date = isoDateOfDay(local.day);
	const year = withYear ? ` ${date.slice(0, 4)}` : '';
	return `${WEEKDAY_NAMES[local.weekday]} ${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]}${year} ${minutesToHHmm(local.minute)}`;
}

const CODE_TEXT: Record<ExclusionCode, string> = {
	inactive: 'inactive',
	lacks_skill: 'without the skill',
	lacks_language: 'not speaking the language',
	outside_territory: 'outside the territory',
	wrong_channel: 'not taking this channel',
	out_of_office: 'out of office',
	holiday: 'on holiday',
	off_hours: 'off hours',
	at_daily_cap: 'at their daily cap',
	at_open_cap: 'at their open-inquiry cap',
};

function exclusionDetail({ owner, code }: Exclusion, ctx: EligibilityContext): string {
	const o = owner.owner;
	const local = () => ctx.localTime(owner.availability.clock);
	const when = () =>
		`${WEEKDAY_NAMES[local().weekday]} ${minutesToHHmm(local().minute)} in ${owner.availability.clock.name}`;
	switch (code) {
		case 'lacks_skill':
			return `${o.name} handles ${o.skills.join(', ')}, not "${ctx.facts.service}"`;
		case 'lacks_language':
			return `${o.name} speaks ${o.languages.join(', ')}, not "${ctx.facts.language}"`;
		case 'outside_territory':
			return `${o.name} covers ${o.territories.join(', ')}`;
		case 'wrong_channel':
			return `${o.name} takes ${o.channels.join(', ')}, not ${ctx.facts.channel}`;
		case 'out_of_office': {
			const day = local().day;
			const range =
				o.outOfOffice[owner.outOfOffice.findIndex(([start, end]) => day >= start && day <= end)];
			return `${o.name} is out of office${range ? ` ${range.start} to ${range.end}` : ''}`;
		}
		case 'holiday':
			return `${o.name}: ${isoDateOfDay(local().day)} is a holiday`;
		case 'off_hours':
			return `${o.name} is off hours (${when()}${owner.usesDefaultHours ? ', business hours' : ''})`;
		case 'at_daily_cap':
			return `${o.name} has ${ctx.dailyCount(owner)} of ${o.capPerDay} inquiries today`;
		case 'at_open_cap':
			return `${o.name} has ${ctx.openLoad(owner)} open inquiries, cap ${o.capOpen}`;
		default:
			return `${o.name} is ${CODE_TEXT[code]}`;
	}
}

/** "2 off hours, 1 out of office". */
export function summarizeExclusions(excluded: Exclusion[]): string {
	const counts = new Map<ExclusionCode, number>();
	for (const e of excluded) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
	return [...counts].map(([code, n]) => `${n} ${CODE_TEXT[code]}`).join(', ');
}

const ALL_REASON: Record<ExclusionCode, UnassignedReason> = {
	inactive: 'all_inactive',
	lacks_skill: 'all_lacking_skill',
	lacks_language: 'all_lacking_language',
	outside_territory: 'all_outside_territory',
	wrong_channel: 'all_wrong_channel',
	out_of_office: 'all_out_of_office',
	holiday: 'all_off_hours',
	off_hours: 'all_off_hours',
	at_daily_cap: 'all_at_cap',
	at_open_cap: 'all_at_cap',
};

/** One reason for the whole chain: shared by every owner considered, else "nobody_eligible". */
export function unassignedReasonOf(excluded: Exclusion[]): UnassignedReason {
	if (!excluded.length) return 'empty_team';
	const reasons = new Set(excluded.map((e) => ALL_REASON[e.code]));
	return reasons.size === 1 ? [...reasons][0] : 'nobody_eligible';
}

const STRATEGY_TEXT: Record<StrategyUsed, string> = {
	round_robin: 'is next in the round robin of',
	weighted: 'is next in the weighted rotation of',
	least_loaded: 'has the fewest open inquiries in',
	hash: "is this contact's stable pick (contact hash) in",
	sticky: 'handled this contact before and is available in',
	rule_owner: 'is named by the rule',
	fallback_owner: 'is the fallback owner',
	next_available: 'is next available in',
	none: '',
};

export interface AssignedStory {
	name: string;
	strategy: StrategyUsed;
	pool: PoolView;
	available: number;
	excluded: Exclusion[];
	/** Pools tried before the one that gave the owner. */
	skipped: { pool: PoolView; excluded: Exclusion[] }[];
	rule?: { name: string; because: string };
	heldUntil?: string;
	respondBy: string;
}

function poolSummary(pool: PoolView, excluded: Exclusion[]): string {
	if (!pool.members.length) return `${pool.label} has nobody in it`;
	return `${pool.label}: ${summarizeExclusions(excluded)}`;
}

export function assignedSentence(story: AssignedStory): string {
	const { name, strategy, pool } = story;
	const skipped = story.skipped.length
		? `Nobody was available in ${story.skipped.map((s) => poolSummary(s.pool, s.excluded)).join('; ')}. `
		: '';
	let core: string;
	if (strategy === 'rule_owner')
		core = `${name} is named by rule "${story.rule?.name}" (${story.rule?.because}).`;
	else if (strategy === 'fallback_owner') core = `${name} is the fallback owner.`;
	else if (strategy === 'next_available')
		core = `Nobody is available now, so it is held for ${name}, who is next available ${story.heldUntil} (${pool.label}).`;
	else {
		const excluded = story.excluded.length ? `; ${summarizeExclusions(story.excluded)}` : '';
		core = `${name} ${STRATEGY_TEXT[strategy]} ${pool.label} (${story.available} of ${pool.members.length} available${excluded}).`;
	}
	const rule =
		story.rule && strategy !== 'rule_owner'
			? ` Rule "${story.rule.name}" matched: ${story.rule.because}.`
			: '';
	return `${skipped}${core}${rule} Respond by ${story.respondBy}.`;
}

/** `firstBack`: who returns first and when, when that is later than the inquiry may be held. */
export function unassignedSentence(
	tried: { pool: PoolView; excluded: Exclusion[] }[],
	respondBy: string,
	firstBack?: string,
): string {
	const what = tried.length
		? tried.map((t) => poolSummary(t.pool, t.excluded)).join('; ')
		: 'the roster is empty';
	const back = firstBack
		? ` The first person back is ${firstBack}, later than an inquiry may be held.`
		: '';
	return `Nobody could take this inquiry (${what}).${back} It needs a person to pick it up; respond by ${respondBy}.`;
}
