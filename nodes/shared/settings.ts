import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InquiryError } from '../../core/shared/errors';

/** n8n keeps an expression as a string starting with "=" (its own isExpression rule), at any depth. */
function holdsExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (Array.isArray(raw)) return raw.some(holdsExpression);
	if (raw !== null && typeof raw === 'object') return Object.values(raw).some(holdsExpression);
	return false;
}

/** Whether the parameter, as saved in the workflow (not evaluated), holds an expression anywhere. */
export function parameterHoldsExpression(
	ctx: IExecuteFunctions,
	name: string,
	fallback: unknown,
): boolean {
	return holdsExpression(ctx.getNodeParameter(name, 0, fallback, { rawExpressions: true }));
}

/**
 * Settings that hold for the whole run (a roster, thresholds, field mappings), read and compiled
 * once. A setting written as an expression is evaluated again for every later item and must give
 * the same value: otherwise the item fails with the setting's name, instead of silently taking
 * the first item's value. `hidden` gives each setting's value when its parameter is not shown.
 */
export function runSettingsReader<T extends object>(
	ctx: IExecuteFunctions,
	hidden: Record<keyof T & string, unknown>,
	properties: readonly INodeProperties[],
): (itemIndex: number) => T {
	let first: { settings: T; expressions: Map<string, string> } | undefined;
	const read = (name: string, itemIndex: number) =>
		ctx.getNodeParameter(name, itemIndex, hidden[name as keyof T & string]);
	return (itemIndex) => {
		if (!first) {
			const names = Object.keys(hidden);
			const settings = Object.fromEntries(names.map((name) => [name, read(name, itemIndex)])) as T;
			const expressions = new Map(
				names
					.filter((name) => parameterHoldsExpression(ctx, name, hidden[name as keyof T & string]))
					.map((name) => [name, JSON.stringify(settings[name as keyof T])]),
			);
			first = { settings, expressions };
			return settings;
		}
		for (const [name, firstValue] of first.expressions) {
			if (JSON.stringify(read(name, itemIndex)) !== firstValue) {
				const label = properties.find((property) => property.name === name)?.displayName ?? name;
				throw new InquiryError('SETTING_DIFFERS_PER_ITEM', `"${label}"`);
			}
		}
		return first.settings;
	};
}
