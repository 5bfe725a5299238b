// Core benchmark: each pure stage as its node runs it per item (reading the inquiry at the edge,
// extending it, appending to the trail), against the physical floor of JSON.parse +
// JSON.stringify of the same input items, interleaved round by round.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fixed, formatRate, interleaved, note, printTable, ratios, summarize } from './measure.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
export const core = require(join(root, 'dist/core/index.js'));
/** The phone library as the package ships it (bundled into dist by scripts/build.mjs). */
const phoneLibrary = require(join(root, 'dist/core/vendor/libphonenumber.js'));

const fixtures = join(root, 'test/fixtures/vendor-payloads');
/** The body of every vendor sample (forms, calls, SMS, chat, email, bookings, ad leads, marketplaces). */
export const payloads = readdirSync(fixtures)
	.filter((f) => f.endsWith('.json'))
	.sort()
	.map((f) => JSON.parse(readFileSync(join(fixtures, f), 'utf8')).body);
export const NOW = new Date('2026-03-02T15:04:05.000Z');

/** A roster of `size` owners across four teams, with business hours and a holiday. */
export function assignConfig(size) {
	const owners = Array.from({ length: size }, (_, i) => ({
		id: `owner-${i}`,
		name: `Owner ${i}`,
		teams: [`team-${i % 4}`],
		skills: i % 3 === 0 ? ['repair'] : [],
		weight: 1 + (i % 3),
	}));
	const week = { start: '08:00', end: '18:00' };
	return {
		roster: { owners },
		calendar: {
			timezone: 'America/New_York',
			hours: { mon: [week], tue: [week], wed: [week], thu: [week], fri: [week] },
			holidays: ['2026-12-25'],
		},
		strategy: 'round_robin',
		holdUntilAvailable: true,
	};
}

/** The record the templates' "Save Record" Data table node writes for an inquiry. */
export function recordOf(inquiry) {
	return {
		id: 1,
		inquiryId: inquiry.id,
		name: inquiry.contact.name.full ?? '',
		email: inquiry.contact.email?.address ?? '',
		phone: inquiry.contact.phone?.e164 ?? inquiry.contact.phone?.raw ?? '',
		message: inquiry.request.message ?? '',
		service: inquiry.request.service ?? '',
		ownerId: inquiry.assignment?.owner?.id ?? '',
	};
}

/**
 * The five stages with the settings the templates use, each doing per item what its node does
 * (reading the inquiry at the edge, extending it, appending to the trail). `normalize` returns
 * the inquiries of one payload; the others take one item and return the next stage's item.
 */
export function createStages({ owners = 10, now = NOW, lib = core } = {}) {
	const core = lib;
	const wording = core.FollowUpWording.parse({ businessName: 'Acme Plumbing' });
	const profile = core.BUILT_IN_PROFILES.routeReady;
	const session = new core.AssignmentSession(assignConfig(owners));
	const fields = core.compileMappings(core.defaultMappings());
	return {
		normalize: (payload) =>
			core
				.normalizeInquiry(payload, { now, defaultCountry: 'US', nodeName: 'Normalize Inquiry' })
				.flatMap((r) => (r.status === 'invalid' ? [] : [r.inquiry])),
		context: (item) =>
			core.checkInquiryContext(item, profile, { wording, now, nodeName: 'Check Inquiry Context' })
				.inquiry,
		assign: (item) => {
			const inquiry = core.readInquiry(item);
			// The node's settings are compiled once per run (and remembered across runs).
			return core.withAssignment(inquiry, session.assign(inquiry, { now }), 'Assign Inquiry Owner');
		},
		verify: (item) => {
			const inquiry = core.readInquiry(item);
			return core.verifyInquiryHandoff(inquiry, recordOf(inquiry), fields, {
				destination: 'Data table',
				now,
				slaMinutes: 5,
				recordId: '1',
				nodeName: 'Verify Inquiry Handoff',
			}).inquiry;
		},
		score: (item) => core.withScorecard(core.readInquiry(item), now),
	};
}

/** The sample inquiries after each stage: the inputs of the next one. */
export function stageInputs() {
	const s = createStages();
	const normalize = payloads;
	const context = normalize.flatMap(s.normalize);
	const assign = context.map(s.context);
	const verify = assign.map(s.assign);
	const score = verify.map(s.verify);
	return { normalize, context, assign, verify, score };
}

const jsonFloor = (texts) => () => {
	for (const text of texts) JSON.stringify(JSON.parse(text));
};

export function runCoreBench({ quick }) {
	const options = quick
		? { warmupMs: 400, rounds: 7, sampleMs: 60 }
		: { warmupMs: 1500, rounds: 21, sampleMs: 100 };
	const inputs = stageInputs();
	const s10 = createStages({ owners: 10 });
	const s200 = createStages({ owners: 200 });
	const pipeline = (stages, names) => () => {
		for (const payload of payloads) {
			let items = stages.normalize(payload);
			for (const name of names) items = items.map(stages[name]);
		}
	};
	const each = (fn, items) => () => {
		for (const item of items) fn(item);
	};
	// What normalize spends in the phone library alone: the samples' numbers, parsed, typed and formatted.
	const phones = inputs.context.flatMap((inquiry) =>
		inquiry.contact.phone ? [inquiry.contact.phone.raw] : [],
	);
	const phoneWork = () => {
		for (const raw of phones) {
			const parsed = phoneLibrary.parsePhoneNumberFromString(raw, { defaultCountry: 'US' });
			if (parsed?.isPossible()) {
				parsed.getType();
				parsed.formatNational();
			}
		}
	};
	const texts = Object.fromEntries(
		Object.entries(inputs).map(([k, items]) => [k, items.map((item) => JSON.stringify(item))]),
	);
	// One floor per input set: the cheapest thing any stage could do with the same items.
	const measured = [
		{ key: 'floor:payloads', fn: jsonFloor(texts.normalize), ops: payloads.length },
		{ key: 'floor:normalized', fn: jsonFloor(texts.context), ops: inputs.context.length },
		{ key: 'floor:checked', fn: jsonFloor(texts.assign), ops: inputs.assign.length },
		{ key: 'floor:assigned', fn: jsonFloor(texts.verify), ops: inputs.verify.length },
		{ key: 'floor:verified', fn: jsonFloor(texts.score), ops: inputs.score.length },
		{
			key: 'normalize',
			label: 'normalize (26 vendor samples)',
			floor: 'floor:payloads',
			fn: each(s10.normalize, inputs.normalize),
			ops: payloads.length,
		},
		{
			key: 'phones',
			label: `  of which libphonenumber (${phones.length} numbers)`,
			floor: 'floor:payloads',
			fn: phoneWork,
			ops: payloads.length,
		},
		{
			key: 'context',
			label: 'check context (route-ready)',
			floor: 'floor:normalized',
			fn: each(s10.context, inputs.context),
			ops: inputs.context.length,
		},
		{
			key: 'assign10',
			label: 'assign (10 owners, round robin)',
			floor: 'floor:checked',
			fn: each(s10.assign, inputs.assign),
			ops: inputs.assign.length,
		},
		{
			key: 'assign200',
			label: 'assign (200 owners, round robin)',
			floor: 'floor:checked',
			fn: each(s200.assign, inputs.assign),
			ops: inputs.assign.length,
		},
		{
			key: 'verify',
			label: 'verify (6 fields, record mode)',
			floor: 'floor:assigned',
			fn: each(s10.verify, inputs.verify),
			ops: inputs.verify.length,
		},
		{
			key: 'score',
			label: 'score (5 checks + ledger row)',
			floor: 'floor:verified',
			fn: each(s10.score, inputs.score),
			ops: inputs.score.length,
		},
		{
			key: 'entryToOwner',
			label: 'normalize + context + assign (10)',
			floor: 'floor:payloads',
			fn: pipeline(s10, ['context', 'assign']),
			ops: payloads.length,
		},
		{
			key: 'wholeCore',
			label: 'whole core, normalize → score',
			floor: 'floor:payloads',
			fn: pipeline(s10, ['context', 'assign', 'verify', 'score']),
			ops: payloads.length,
		},
	];
	const costs = interleaved(measured, options);
	const byKey = Object.fromEntries(measured.map((m, i) => [m.key, costs[i]]));

	const results = {};
	const rows = [];
	for (const m of measured) {
		if (!m.label) continue;
		const cost = summarize(byKey[m.key]);
		const rate = summarize(byKey[m.key].map((us) => 1e6 / us));
		const vsFloor = ratios(byKey[m.key], byKey[m.floor]);
		results[m.key] = {
			label: m.label,
			floor: m.floor,
			items: m.ops,
			usPerOp: cost,
			opsPerCoreSecond: rate,
			costVsFloor: vsFloor,
		};
		rows.push({
			stage: m.label,
			'ops/s/core': formatRate(1e6 / cost.median),
			'µs/op median': fixed(1)(cost.median),
			p95: fixed(1)(cost.p95),
			max: fixed(1)(cost.max),
			'× floor median': fixed(2)(vsFloor.median),
			'× floor p95': fixed(2)(vsFloor.p95),
			floor: m.floor.replace('floor:', ''),
		});
	}
	const floors = Object.fromEntries(
		measured
			.filter((m) => !m.label)
			.map((m) => [m.key, { items: m.ops, usPerOp: summarize(byKey[m.key]) }]),
	);
	printTable(
		`Core, per stage: CPU time per item, ${options.rounds} interleaved rounds after warm-up; × floor = cost / JSON.parse+stringify of the same input items`,
		rows,
	);
	note(
		`floors (µs/item): ${Object.entries(floors)
			.map(([k, f]) => `${k.replace('floor:', '')} ${f.usPerOp.median.toFixed(2)}`)
			.join(', ')}`,
	);
	const e2o = results.entryToOwner;
	const meets = 1e6 / e2o.usPerOp.median >= 50_000 && e2o.costVsFloor.median <= 5;
	note(
		`target: normalize + context + assign ≥ 50k/s/core and ≤ 5× floor → ${formatRate(1e6 / e2o.usPerOp.median)}/s, ${e2o.costVsFloor.median.toFixed(2)}× — ${meets ? 'met' : 'MISSED'}`,
	);
	return {
		method: 'CPU time per item; interleaved rounds; ratios per round',
		options,
		floors,
		stages: results,
		target: {
			entryToOwnerOpsPerCoreSecond: 1e6 / e2o.usPerOp.median,
			costVsFloor: e2o.costVsFloor.median,
			met: meets,
		},
	};
}
