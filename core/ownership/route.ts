import type { CompiledAssignConfig } from './compile';
import type { PoolView, Trace } from './explain';
import type { InquiryFacts } from './facts';
import { matchRule } from './rules';
import { WHOLE_ROSTER } from './state';

/**
 * The chain of pools to try, in order: the rule's team or named owner (else the default team,
 * else the whole roster), then the fallback team, then the fallback owner. Never a black hole:
 * an unknown team or owner is an empty pool with a reason, and the chain goes on.
 */

export interface Pool extends PoolView {
	/** Key of the fairness credits for this pool. */
	key: string;
	/** The team id as written, when the pool is a team. */
	team?: string;
	/** The pool is one owner named by a rule. */
	named?: boolean;
}

export interface Route {
	pools: Pool[];
	rule?: { name: string; because: string };
}

function teamPool(
	compiled: CompiledAssignConfig,
	teamId: string,
	kind: Pool['kind'],
	trace: Trace,
): Pool {
	const key = teamId.toLowerCase();
	const team = compiled.teams.get(key);
	if (!team) {
		trace.add(
			'unknown_team',
			`no owner belongs to team "${teamId}"; check the team name in the rule and in the roster`,
		);
		return { kind, key, team: teamId, label: `team "${teamId}"`, members: [] };
	}
	return { kind, key, team: team.id, label: `team "${team.id}"`, members: team.members };
}

function ownerPool(
	compiled: CompiledAssignConfig,
	ownerId: string,
	kind: Pool['kind'],
	trace: Trace,
	named: boolean,
): Pool {
	const owner = compiled.byKey.get(ownerId.toLowerCase());
	if (!owner)
		trace.add(
			'unknown_owner',
			`owner "${ownerId}" is not in the roster; check the id in the settings and in the roster`,
		);
	return {
		kind,
		key: `owner:${ownerId.toLowerCase()}`,
		label: `owner "${owner?.owner.name ?? ownerId}"`,
		members: owner ? [owner] : [],
		named,
	};
}

export function routeOf(compiled: CompiledAssignConfig, facts: InquiryFacts, trace: Trace): Route {
	const { config } = compiled;
	const match = matchRule(compiled.rules, facts);
	let primary: Pool;
	if (match) {
		const target = match.rule.team ? `team "${match.rule.team}"` : `owner "${match.rule.owner}"`;
		trace.add('rule_matched', `rule "${match.rule.name}" (${match.because}) routes to ${target}`);
		primary = match.rule.team
			? teamPool(compiled, match.rule.team, 'primary', trace)
			: ownerPool(compiled, match.rule.owner as string, 'primary', trace, true);
	} else {
		if (compiled.rules.length)
			trace.add(
				'no_rule_matched',
				`no rule matched, so ${config.defaultTeam ? `the default team "${config.defaultTeam}"` : 'the whole roster'} is used`,
			);
		primary = config.defaultTeam
			? teamPool(compiled, config.defaultTeam, 'primary', trace)
			: { kind: 'primary', key: WHOLE_ROSTER, label: 'the whole roster', members: compiled.owners };
	}
	if (primary.members.length === 0 && compiled.owners.length)
		trace.add('empty_team', `${primary.label} has nobody in it`);
	const pools = [primary];
	if (config.fallbackTeam && config.fallbackTeam.toLowerCase() !== primary.key)
		pools.push(teamPool(compiled, config.fallbackTeam, 'fallback_team', trace));
	if (config.fallbackOwner && `owner:${config.fallbackOwner.toLowerCase()}` !== primary.key) {
		pools.push(ownerPool(compiled, config.fallbackOwner, 'fallback_owner', trace, false));
	}
	return { pools, rule: match ? { name: match.rule.name, because: match.because } : undefined };
}
