import type { Rule, RuleCondition, RuleField, RuleOperator } from './config';
import type { InquiryFacts, Territory } from './facts';
import {
	compileTerritory,
	inTerritory,
	normalizeLanguage,
	normalizePostal,
	normalizeText,
} from './facts';

/**
 * Ordered routing rules: the first rule whose conditions all hold chooses a team or a named
 * owner. Values are compared case-insensitively; "a, b" means "a or b".
 */

interface CompiledCondition {
	field: RuleField;
	operator: RuleOperator;
	values: string[];
	territories: Territory[];
	text: string;
}

export interface CompiledRule {
	/** The rule's name, or "rule N" when it has none. */
	name: string;
	conditions: CompiledCondition[];
	team?: string;
	owner?: string;
}

const FIELD_LABELS: Record<RuleField, string> = {
	any: 'any inquiry',
	service: 'service',
	territory: 'territory',
	postalCode: 'postal code',
	city: 'city',
	region: 'region',
	country: 'country',
	language: 'language',
	channel: 'channel',
	urgency: 'urgency',
	source: 'source',
};
const OPERATOR_LABELS: Record<RuleOperator, string> = {
	is: 'is',
	isNot: 'is not',
	contains: 'contains',
	startsWith: 'starts with',
};

function normalizeValue(field: RuleField, value: string): string {
	if (field === 'postalCode') return normalizePostal(value);
	if (field === 'language') return normalizeLanguage(value);
	if (field === 'channel') return normalizeText(value).replace(/[\s-]+/g, '_');
	return normalizeText(value);
}

function compileCondition(condition: RuleCondition): CompiledCondition {
	const values = condition.value
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean)
		.map((v) => normalizeValue(condition.field, v));
	const text =
		condition.field === 'any'
			? FIELD_LABELS.any
			: `${FIELD_LABELS[condition.field]} ${OPERATOR_LABELS[condition.operator]} "${condition.value.trim()}"`;
	const territories = condition.field === 'territory' ? values.map(compileTerritory) : [];
	return { field: condition.field, operator: condition.operator, values, territories, text };
}

export function compileRules(rules: Rule[]): CompiledRule[] {
	return rules.map((rule, index) => ({
		name: rule.name.trim() || `rule ${index + 1}`,
		conditions: rule.conditions.map(compileCondition),
		team: rule.team || undefined,
		owner: rule.owner || undefined,
	}));
}

function valuesOf(field: RuleField, facts: InquiryFacts): string[] {
	const present = (...values: (string | undefined)[]) =>
		values.filter((v): v is string => v !== undefined);
	switch (field) {
		case 'any':
			return [];
		case 'territory':
			return present(facts.postalCode, facts.city, facts.region, facts.country);
		case 'source':
			return facts.source;
		case 'channel':
		case 'urgency':
			return [facts[field]];
		default:
			return present(facts[field]);
	}
}

function holds(condition: CompiledCondition, facts: InquiryFacts): boolean {
	if (condition.field === 'any') return true;
	const actual = valuesOf(condition.field, facts);
	const wanted = condition.values;
	switch (condition.operator) {
		case 'is':
		case 'isNot': {
			const is =
				condition.field === 'territory'
					? condition.territories.some((t) => inTerritory(t, facts))
					: actual.some((a) => wanted.includes(a));
			return condition.operator === 'is' ? is : !is;
		}
		case 'contains':
			return actual.some((a) => wanted.some((w) => a.includes(w)));
		case 'startsWith':
			return actual.some((a) =>
				wanted.some((w) =>
					a.startsWith(condition.field === 'territory' ? normalizePostal(w) || w : w),
				),
			);
	}
}

/** The first rule that holds, with the sentence part explaining why. */
export function matchRule(
	rules: CompiledRule[],
	facts: InquiryFacts,
): { rule: CompiledRule; because: string } | undefined {
	for (const rule of rules) {
		if (rule.conditions.every((c) => holds(c, facts)))
			return { rule, because: rule.conditions.map((c) => c.text).join(' and ') };
	}
	return undefined;
}
