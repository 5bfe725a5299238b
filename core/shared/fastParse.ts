import type { ZodTypeAny } from 'zod';

/**
 * A reader compiled from a zod schema: it returns exactly what `schema.safeParse(value).data`
 * would (same values, same keys in the same order, unknown keys stripped or passed through as
 * zod does), or UNDECIDED when it cannot vouch for the value, and the caller then asks zod,
 * which also words the error. Every later stage reads the inquiry at its edge, and zod's generic
 * walk was a quarter of the core's time (bench/, `node --cpu-prof`).
 *
 * Only the schema kinds below are compiled; a schema holding any other kind (effects, defaults,
 * unions, regex or e-mail checks...) gets no reader, and zod alone parses it.
 */
export const UNDECIDED: unique symbol = Symbol('undecided');
export type Reader = (value: unknown) => unknown;

interface Def {
	typeName?: string;
	coerce?: boolean;
	checks?: Array<{ kind: string; value?: number; inclusive?: boolean }>;
	shape?: () => Record<string, ZodTypeAny>;
	unknownKeys?: string;
	catchall?: ZodTypeAny;
	innerType?: ZodTypeAny;
	type?: ZodTypeAny;
	keyType?: ZodTypeAny;
	valueType?: ZodTypeAny;
	value?: unknown;
	values?: readonly string[];
	minLength?: { value: number } | null;
	maxLength?: { value: number } | null;
	exactLength?: { value: number } | null;
}

/** A reader for the schema, or undefined when it holds a kind this compiler does not know. */
export function compileReader(schema: ZodTypeAny): Reader | undefined {
	return compile(schema);
}

function defOf(schema: ZodTypeAny): Def {
	return (schema as unknown as { _def: Def })._def;
}

/** What zod calls an object: not an array, null, Date, Map, Set or promise. Only plain ones are read here. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value) as unknown;
	if (proto !== Object.prototype && proto !== null) return false;
	return typeof (value as { then?: unknown }).then !== 'function';
}

function compile(schema: ZodTypeAny): Reader | undefined {
	const def = defOf(schema);
	switch (def.typeName) {
		case 'ZodString':
			return stringReader(def);
		case 'ZodNumber':
			return numberReader(def);
		case 'ZodBoolean':
			if (def.coerce) return undefined;
			return (value) => (typeof value === 'boolean' ? value : UNDECIDED);
		case 'ZodLiteral': {
			const literal = def.value;
			return (value) => (value === literal ? value : UNDECIDED);
		}
		case 'ZodEnum': {
			const allowed = new Set(def.values);
			return (value) => (typeof value === 'string' && allowed.has(value) ? value : UNDECIDED);
		}
		case 'ZodUnknown':
		case 'ZodAny':
			return (value) => value;
		case 'ZodOptional': {
			const inner = compile(def.innerType as ZodTypeAny);
			return inner && ((value) => (value === undefined ? undefined : inner(value)));
		}
		case 'ZodNullable': {
			const inner = compile(def.innerType as ZodTypeAny);
			return inner && ((value) => (value === null ? null : inner(value)));
		}
		case 'ZodArray':
			return arrayReader(def);
		case 'ZodRecord':
			return recordReader(def);
		case 'ZodObject':
			return objectReader(def);
		default:
			return undefined;
	}
}

function stringReader(def: Def): Reader | undefined {
	if (def.coerce) return undefined;
	let min = 0;
	let max = Infinity;
	for (const check of def.checks ?? []) {
		if (check.kind === 'min') min = Math.max(min, check.value ?? 0);
		else if (check.kind === 'max') max = Math.min(max, check.value ?? Infinity);
		else if (check.kind === 'length') {
			min = Math.max(min, check.value ?? 0);
			max = Math.min(max, check.value ?? Infinity);
		} else return undefined;
	}
	return (value) =>
		typeof value === 'string' && value.length >= min && value.length <= max ? value : UNDECIDED;
}

function numberReader(def: Def): Reader | undefined {
	if (def.coerce) return undefined;
	const tests: Array<(n: number) => boolean> = [];
	for (const check of def.checks ?? []) {
		const bound = check.value ?? 0;
		if (check.kind === 'int') tests.push(Number.isInteger);
		else if (check.kind === 'finite') tests.push(Number.isFinite);
		else if (check.kind === 'min')
			tests.push(check.inclusive ? (n) => n >= bound : (n) => n > bound);
		else if (check.kind === 'max')
			tests.push(check.inclusive ? (n) => n <= bound : (n) => n < bound);
		else return undefined;
	}
	return (value) =>
		typeof value === 'number' && !Number.isNaN(value) && tests.every((test) => test(value))
			? value
			: UNDECIDED;
}

function arrayReader(def: Def): Reader | undefined {
	const element = compile(def.type as ZodTypeAny);
	const min = def.exactLength?.value ?? def.minLength?.value ?? 0;
	const max = def.exactLength?.value ?? def.maxLength?.value ?? Infinity;
	if (!element || (def.exactLength && (def.minLength || def.maxLength))) return undefined;
	return (value) => {
		if (!Array.isArray(value) || value.length < min || value.length > max) return UNDECIDED;
		const out = new Array<unknown>(value.length);
		for (let i = 0; i < value.length; i++) {
			const item = element(value[i]);
			if (item === UNDECIDED) return UNDECIDED;
			out[i] = item;
		}
		return out;
	};
}

function recordReader(def: Def): Reader | undefined {
	const key = defOf(def.keyType as ZodTypeAny);
	if (key.typeName !== 'ZodString' || key.coerce || (key.checks ?? []).length > 0) return undefined;
	const read = compile(def.valueType as ZodTypeAny);
	if (!read) return undefined;
	return (value) => {
		if (!isPlainObject(value)) return UNDECIDED;
		const out: Record<string, unknown> = {};
		for (const name in value) {
			const item = read(value[name]);
			if (item === UNDECIDED) return UNDECIDED;
			if (name !== '__proto__') out[name] = item;
		}
		return out;
	};
}

function objectReader(def: Def): Reader | undefined {
	const catchall = def.catchall ? defOf(def.catchall).typeName : 'ZodNever';
	if (catchall !== 'ZodNever' || (def.unknownKeys !== 'strip' && def.unknownKeys !== 'passthrough'))
		return undefined;
	const shape = (def.shape as () => Record<string, ZodTypeAny>)();
	const keys = Object.keys(shape);
	const known = new Set(keys);
	const compiled = keys.map((key) => compile(shape[key]));
	if (compiled.some((reader) => !reader)) return undefined;
	const readers = compiled as Reader[];
	const passthrough = def.unknownKeys === 'passthrough';
	return (value) => {
		if (!isPlainObject(value)) return UNDECIDED;
		const out: Record<string, unknown> = {};
		for (let i = 0; i < keys.length; i++) {
			const key = keys[i];
			const item = readers[i](value[key]);
			if (item === UNDECIDED) return UNDECIDED;
			if (item !== undefined || key in value) out[key] = item;
		}
		if (passthrough) {
			for (const key in value) {
				if (known.has(key) || key === '__proto__') continue;
				const item = value[key];
				if (item !== undefined) out[key] = item;
			}
		}
		return out;
	};
}
