import type { EligibilityFilters, OwnersWithoutHours } from './config';
import type { InquiryFacts, Territory } from './facts';
import {
	compileTerritory,
	hasPlace,
	inTerritory,
	normalizeLanguage,
	normalizeText,
	serviceMatchesSkill,
} from './facts';
import type { Availability, LocalTime, WeeklySchedule, ZoneClock } from './hours';
import { ALWAYS_OPEN, compileWeekly, dayOfIsoDate, isOpenAt, zoneClock } from './hours';
import type { Owner } from './roster';
import type { Candidate } from './strategies';
import { fnv1a } from './strategies';

/**
 * Who may take an inquiry right now. Each check that fails names one reason code; checks run
 * from the permanent (inactive, lacks the skill) to the momentary (off hours, at a cap), so an
 * owner excluded only for a time reason can be "held" until they are next available.
 */

export const EXCLUSION_CODES = [
	'inactive',
	'lacks_skill',
	'lacks_language',
	'outside_territory',
	'wrong_channel',
	'out_of_office',
	'holiday',
	'off_hours',
	'at_daily_cap',
	'at_open_cap',
] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

/** Exclusions that pass with time: the owner becomes available at their next opening. */
export const TIME_EXCLUSIONS: ReadonlySet<ExclusionCode> = new Set([
	'out_of_office',
	'holiday',
	'off_hours',
]);

export interface CompiledOwner extends Candidate {
	owner: Owner;
	/** Position in the roster: round robin's order. */
	index: number;
	availability: Availability;
	/** Whether the owner works the business's default hours for lack of their own. */
	usesDefaultHours: boolean;
	skills: string[];
	languages: string[];
	territories: Territory[];
	channels: ReadonlySet<string>;
	outOfOffice: [number, number][];
	holidays: ReadonlySet<number>;
}

export interface OwnerDefaults {
	timezone: string;
	schedule: WeeklySchedule;
	holidays: ReadonlySet<number>;
	ownersWithoutHours: OwnersWithoutHours;
}

export function compileOwner(owner: Owner, index: number, defaults: OwnerDefaults): CompiledOwner {
	const key = owner.id.toLowerCase();
	const outOfOffice = owner.outOfOffice.map(
		(r) => [dayOfIsoDate(r.start), dayOfIsoDate(r.end)] as [number, number],
	);
	const holidays = defaults.holidays;
	const usesDefaultHours = !owner.hours;
	const schedule = owner.hours
		? compileWeekly(owner.hours)
		: defaults.ownersWithoutHours === 'alwaysAvailable'
			? ALWAYS_OPEN
			: defaults.schedule;
	return {
		key,
		weight: owner.weight,
		seed: fnv1a(key),
		owner,
		index,
		usesDefaultHours,
		availability: {
			schedule,
			// Default hours are worked in the owner's own time zone: 9-5 is local 9-5.
			clock: zoneClock(owner.timezone ?? defaults.timezone),
			isClosedDay: (day) =>
				holidays.has(day) || outOfOffice.some(([start, end]) => day >= start && day <= end),
		},
		skills: owner.skills.map(normalizeText).filter(Boolean),
		languages: owner.languages.map(normalizeLanguage).filter(Boolean),
		territories: owner.territories.filter((t) => t.trim()).map(compileTerritory),
		channels: new Set(owner.channels),
		outOfOffice,
		holidays,
	};
}

/** What eligibility needs to know about this moment; local times are computed once per zone. */
export class EligibilityContext {
	private readonly locals = new Map<ZoneClock, LocalTime>();

	constructor(
		readonly nowMs: number,
		readonly facts: InquiryFacts,
		readonly filters: EligibilityFilters,
		readonly dailyCount: (owner: CompiledOwner) => number,
		/** Open inquiries per owner, or undefined when no counts were given for this owner. */
		readonly openLoad: (owner: CompiledOwner) => number | undefined,
	) {}

	localTime(clock: ZoneClock): LocalTime {
		let local = this.locals.get(clock);
		if (!local) {
			local = clock.toLocal(this.nowMs);
			this.locals.set(clock, local);
		}
		return local;
	}
}

/** The first reason this owner cannot take the inquiry now, or undefined when they can. */
export function exclusionOf(
	owner: CompiledOwner,
	ctx: EligibilityContext,
): ExclusionCode | undefined {
	const { facts, filters } = ctx;
	if (!owner.owner.active) return 'inactive';
	if (
		filters.skills &&
		facts.service &&
		owner.skills.length &&
		!owner.skills.some((s) => serviceMatchesSkill(facts.service as string, s))
	)
		return 'lacks_skill';
	if (
		filters.languages &&
		facts.language &&
		owner.languages.length &&
		!owner.languages.includes(facts.language)
	)
		return 'lacks_language';
	if (
		filters.territories &&
		owner.territories.length &&
		hasPlace(facts) &&
		!owner.territories.some((t) => inTerritory(t, facts))
	)
		return 'outside_territory';
	if (filters.channels && owner.channels.size && !owner.channels.has(facts.channel))
		return 'wrong_channel';
	const local = ctx.localTime(owner.availability.clock);
	if (owner.outOfOffice.some(([start, end]) => local.day >= start && local.day <= end))
		return 'out_of_office';
	if (owner.holidays.has(local.day)) return 'holiday';
	if (!isOpenAt(owner.availability.schedule, local)) return 'off_hours';
	const cap = owner.owner.capPerDay;
	if (cap !== undefined && ctx.dailyCount(owner) >= cap) return 'at_daily_cap';
	const capOpen = owner.owner.capOpen;
	const load = capOpen === undefined ? undefined : ctx.openLoad(owner);
	if (capOpen !== undefined && load !== undefined && load >= capOpen) return 'at_open_cap';
	return undefined;
}
