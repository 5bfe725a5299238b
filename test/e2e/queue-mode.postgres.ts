import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { CredentialRefs, MailDev, QueueStack, TemplateFile } from './harness';
import {
	dataTableRows,
	deliverLikeAVendor,
	importTemplates,
	loadTemplates,
	mailDevSmtpCredential,
	missedCallFields,
	runSql,
	signedTwilioPost,
	startMailDev,
	sqlRows,
	TEMPLATES_DIR,
	updateDataTableRows,
} from './harness';
import { SECRET_CREDENTIAL } from '../sim/templateSetup';

/**
 * The hub on its Postgres store (template 00p) in queue mode: records, ledger, notifications and
 * owner counts in Postgres tables the hub creates on its first run, the owner claimed in one
 * locked transaction. Runs on the queue-mode suite's stack (main + 2 workers), through a copy of
 * the form entry that calls this hub.
 */
const HUB = 'Inquiry Continuity Hub (Postgres)';
/** The Outbox built on the same store (workflows-templates/postgres/), which the hub hands its rows to. */
const OUTBOX_FILE = 'postgres/00c-inquiry-outbox.json';
const SENDER = 'inquiries@store.example';
/** The form entry (01b) on its own path, running the Postgres hub. */
export const POSTGRES_FORM = 'inquiry-form-pg';
const FORM = POSTGRES_FORM;
const CALL = 'inquiry-missed-call-pg';
const TWILIO_TOKEN = 'postgres-store-token';
const CONCURRENCY = 16;
const DISTINCT = 300;
const AWAY_BURST = 40;
const CAP = 40;
const CAP_BURST = 60;
const REPLAY_PAIRS = 60;
const OWNERS = ['owner-1', 'owner-2', 'owner-3'];
/**
 * How long one phase may take. On the 2-core machine these were measured on, shared with other
 * work, an inquiry took 0.3–1.6 s end to end at concurrency 16 (the suite logs each phase's time).
 */
const PHASE_MS = 20 * 60_000;

type Row = Record<string, unknown>;
type CredentialRef = CredentialRefs[string];

/** An entry template (by file prefix), renamed, on its own path, with Run the Hub naming the Postgres hub. */
export function entryOnPostgres(prefix: string, from: string, to: string): TemplateFile {
	const entry = loadTemplates().find((t) => t.file.startsWith(prefix))!;
	const text = JSON.stringify(entry.workflow)
		.split(`"${from}"`)
		.join(`"${to}"`)
		.split('"cachedResultName":"Inquiry Continuity Hub"')
		.join(`"cachedResultName":"${HUB}"`);
	const workflow = JSON.parse(text) as TemplateFile['workflow'];
	return {
		file: `queue-mode-${to}`,
		workflow: { ...workflow, name: `${workflow.name} (Postgres store)` },
	};
}

/** Each phase's people have their own phones: one number shared by all would make later posts repeat contacts of the first. */
const PHONE_BASE: Record<string, number> = { spread: 3000, away: 3400, cap: 3500, replay: 3600 };
const formBody = (n: number, tag: string) =>
	JSON.stringify({
		name: `Store Caller ${tag} ${n}`,
		email: `store.${tag}.${n}@example.com`,
		phone: `(415) 555-${PHONE_BASE[tag] + n}`,
		service: 'Repair',
		message: `Boiler ${tag} ${n} leaks`,
		postal_code: '94110',
	});

/** Sends `count` posts, `size` at a time; each slot sends the next as soon as it is answered. */
async function atConcurrency<T>(count: number, size: number, send: (n: number) => Promise<T>) {
	const results: T[] = new Array<T>(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: size }, async () => {
			while (next < count) {
				const n = next++;
				results[n] = await send(n);
			}
		}),
	);
	return results;
}

export const countBy = (values: unknown[]) =>
	values.reduce<Record<string, number>>(
		(acc, value) => ({ ...acc, [String(value)]: (acc[String(value)] ?? 0) + 1 }),
		{},
	);

/** Per inquiry: its ledger rows, the first one's handoff status, its records and its owner notices. */
export function perInquiry(ids: string[], ledger: Row[], records: Row[], notifications: Row[]) {
	const recordCount = countBy(records.map((r) => r.inquiryId));
	const told = countBy(
		notifications.filter((r) => r.kind === 'owner_assigned').map((r) => r.inquiryId),
	);
	return ids.map((id) => {
		const mine = ledger.filter((r) => r.inquiryId === id);
		return [mine.length, mine[0]?.handoffStatus, recordCount[id] ?? 0, told[id] ?? 0];
	});
}
/** A signed Twilio status callback to the stack's Postgres call entry: a call nobody answered. */
const missedCallFrom = (stack: QueueStack, phone: string) =>
	signedTwilioPost(
		`${stack.main.baseUrl}/webhook/${CALL}`,
		missedCallFields(phone, `CApg${phone.slice(-4)}`),
		TWILIO_TOKEN,
	);

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const spread = (counts: number[]) => Math.max(...counts) - Math.min(...counts);
const idList = (ids: string[]) => ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ');

/** The local inbox the Postgres Outbox sends to; started by importPostgresHub. */
let postgresInbox: MailDev | undefined;
/** The credentials the Postgres hub was imported with, for the templates that work with it. */
let postgresCredentials: CredentialRefs = {};
/** The secret of the hub's owner links: a test signs its own forged and expired links with it. */
export const POSTGRES_LINK_SECRET = 'postgres-store-link-secret-0123456789abcdef';
/**
 * The Data table owner links (00d) hold /webhook/inquiry-link on this instance: the Postgres hub's
 * owner messages link to the Postgres owner links on their own path.
 */
export const POSTGRES_LINK_PATH = 'inquiry-link-pg';
export const withLinkPath = (template: TemplateFile): TemplateFile => ({
	...template,
	workflow: JSON.parse(
		JSON.stringify(template.workflow).split('"inquiry-link"').join(`"${POSTGRES_LINK_PATH}"`),
	) as TemplateFile['workflow'],
});

/** The inbox, credentials and store the Postgres templates of this stack use. */
export const postgresSetup = () => ({ inbox: postgresInbox!, credentials: postgresCredentials });
export const stopPostgresInbox = async () => await postgresInbox?.stop();

/**
 * Imports and publishes, on the Postgres store: the Outbox, the hub, and the form and missed-call
 * entries on their own paths that run it; the Outbox sends to a local MailDev started here.
 */
export async function importPostgresHub(stack: QueueStack, store: CredentialRef): Promise<void> {
	postgresInbox = await startMailDev({
		node: stack.main.runtime.node,
		folder: mkdtempSync(join(tmpdir(), 'inquiry-maildev-')),
		scratchFolder: true,
	});
	const smtp = 'Local inbox (Postgres store)';
	const hub = withLinkPath(loadTemplates().find((t) => t.workflow.name === HUB)!);
	const outbox = {
		file: OUTBOX_FILE,
		workflow: loadTemplates(join(TEMPLATES_DIR, 'postgres')).find((t) =>
			OUTBOX_FILE.endsWith(t.file),
		)!.workflow,
	};
	const secret = 'Webhook secret (Postgres store)';
	const link = 'Inquiry Link Secret (Postgres store)';
	const entries = [
		entryOnPostgres('01b-', 'inquiry-form', FORM),
		entryOnPostgres('02-', 'inquiry-missed-call', CALL),
	];
	postgresCredentials = {
		postgres: store,
		smtp: {
			id: await stack.main.createCredential('smtp', smtp, mailDevSmtpCredential(postgresInbox)),
			name: smtp,
		},
		[SECRET_CREDENTIAL]: {
			id: await stack.main.createCredential(SECRET_CREDENTIAL, secret, {
				secret: TWILIO_TOKEN,
				publicUrl: '',
			}),
			name: secret,
		},
		inquiryLinkSecretApi: {
			id: await stack.main.createCredential('inquiryLinkSecretApi', link, {
				secret: POSTGRES_LINK_SECRET,
				baseUrl: stack.main.baseUrl,
			}),
			name: link,
		},
	};
	const imported = await importTemplates(
		stack.main,
		[outbox, hub, ...entries],
		postgresCredentials,
	);
	expect(imported.map((t) => [t.name, t.published, t.note ?? ''])).toEqual(
		imported.map((t) => [t.name, true, '']),
	);
}

/**
 * Where each inquiry stands in the Postgres store: "completed" (one ledger row, verified, one
 * record, one owner notice), "found by the sweep" (one ledger row the Postgres ladder, template 06,
 * flagged with its sweepReason, and an alert for it), "silent" otherwise, or the duplicate counts.
 */
export async function postgresOutcomes(stack: QueueStack, ids: string[]): Promise<string[]> {
	const rowsFor = async (table: string) =>
		await sqlRows(stack.postgres, `SELECT * FROM ${table} WHERE "inquiryId" IN (${idList(ids)})`);
	const ledger = await rowsFor('inquiry_ledger');
	const notifications = await rowsFor('inquiry_notifications');
	const raised = new Set(
		notifications
			.filter((r) => ['alert', 'escalation'].includes(String(r.kind)))
			.map((r) => r.inquiryId),
	);
	const counts = perInquiry(ids, ledger, await rowsFor('inquiry_records'), notifications);
	return ids.map((id, i) => {
		const [rows, , records, told] = counts[i];
		if (rows !== 1 || Number(records) > 1 || Number(told) > 1)
			return `${rows} ledger rows, ${records} records, ${told} owner notices`;
		const row = ledger.find((r) => r.inquiryId === id)!;
		if (row.verifiedAt) return records === 1 && told === 1 ? 'completed' : 'verified, no notice';
		return row.sweepReason && raised.has(id) ? 'found by the sweep' : 'silent';
	});
}

/** The given inquiries whose Postgres ledger row is neither verified nor alerted. */
export async function postgresOpen(stack: QueueStack, ids: string[]) {
	return await sqlRows(
		stack.postgres,
		`SELECT "inquiryId", "receivedAt" FROM inquiry_ledger WHERE coalesce("verifiedAt", '') || coalesce("alertedAt", '') = '' AND "inquiryId" IN (${idList(ids)})`,
	);
}

/** Waits until every given inquiry's Postgres ledger row meets `where` (SQL), or `waitMs` passed. */
async function postgresUntil(stack: QueueStack, ids: string[], where: string, waitMs: number) {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const done = await sqlRows(
			stack.postgres,
			`SELECT "inquiryId" FROM inquiry_ledger WHERE ${where} AND "inquiryId" IN (${idList(ids)})`,
		);
		if (done.length >= ids.length || Date.now() > deadline) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** Waits until every given inquiry's Postgres ledger row is verified or alerted, or `waitMs` passed. */
export const postgresClosed = async (stack: QueueStack, ids: string[], waitMs: number) =>
	await postgresUntil(
		stack,
		ids,
		`coalesce("verifiedAt", '') || coalesce("alertedAt", '') <> ''`,
		waitMs,
	);

/** Waits until the Postgres ladder flagged every given inquiry (its sweepReason), or `waitMs` passed. */
export const postgresSwept = async (stack: QueueStack, ids: string[], waitMs: number) =>
	ids.length === 0
		? undefined
		: await postgresUntil(stack, ids, `coalesce("sweepReason", '') <> ''`, waitMs);

/** `getStack` is read once the suite's set-up ran (and imported the hub with importPostgresHub). */
export function describePostgresStore(getStack: () => QueueStack): void {
	describe('the hub on its Postgres store (template 00p), main + 2 workers', () => {
		let stack: QueueStack;
		const timings: Record<string, number> = {};
		const setTeam = async (ownerId: string, data: Row) =>
			await updateDataTableRows(stack.main, 'inquiry_team', { ownerId }, data);
		const setSetting = async (setting: string, value: unknown) =>
			await updateDataTableRows(stack.main, 'inquiry_settings', { setting }, { value });
		const rowsFor = async (table: string, ids: string[]) =>
			await sqlRows(stack.postgres, `SELECT * FROM ${table} WHERE "inquiryId" IN (${idList(ids)})`);
		const post = async (n: number, tag: string) =>
			await deliverLikeAVendor(stack.main, FORM, formBody(n, tag), 20);
		const timed = async <T>(label: string, run: () => Promise<T>) => {
			const started = Date.now();
			const result = await run();
			timings[label] = Math.round((Date.now() - started) / 100) / 10;
			return result;
		};
		let team: Row[] = [];
		let mail: MailDev;
		let emailFrom: unknown;

		beforeAll(async () => {
			stack = getStack();
			mail = postgresInbox!;
			// Always available: open around the clock, nobody away or capped.
			team = await dataTableRows(stack.main, 'inquiry_team');
			for (const ownerId of OWNERS) await setTeam(ownerId, { hours: '24/7' });
			emailFrom = (await dataTableRows(stack.main, 'inquiry_settings')).find(
				(r) => r.setting === 'emailFrom',
			)?.value;
			await setSetting('emailFrom', SENDER);
		});

		afterAll(async () => {
			await setSetting('emailFrom', emailFrom ?? '');
			for (const row of team)
				await setTeam(String(row.ownerId), {
					hours: row.hours,
					awayFrom: row.awayFrom,
					awayUntil: row.awayUntil,
					capPerDay: row.capPerDay,
				});
			console.log(JSON.stringify({ measured: 'Postgres store, seconds per phase', ...timings }));
		});

		describe(`${DISTINCT} distinct inquiries, ${CONCURRENCY} at a time, 3 owners always available`, () => {
			let ids: string[] = [];
			beforeAll(async () => {
				const answers = await timed(
					`${DISTINCT} distinct`,
					async () =>
						await atConcurrency(DISTINCT, CONCURRENCY, async (n) => await post(n, 'spread')),
				);
				expect(answers.filter((a) => a.status !== 200)).toEqual([]);
				ids = answers.map((a) => a.inquiryId);
			}, PHASE_MS);

			test('the first run created the tables, with UNIQUE keys on inquiry id and dedupe key', async () => {
				const unique = await sqlRows(
					stack.postgres,
					`SELECT tablename, indexdef FROM pg_indexes WHERE indexdef LIKE 'CREATE UNIQUE INDEX%' AND tablename LIKE 'inquiry_%' AND indexname NOT LIKE '%pkey' ORDER BY tablename`,
				);
				expect(unique.map((r) => [r.tablename, String(r.indexdef).replace(/.*\(/, '(')])).toEqual([
					['inquiry_ledger', '("inquiryId")'],
					['inquiry_notifications', '("dedupeKey")'],
					['inquiry_records', '("inquiryId")'],
				]);
			});

			test('each inquiry has one record, one verified ledger row and one owner notice', async () => {
				expect(new Set(ids).size).toBe(DISTINCT);
				const outcomes = perInquiry(
					ids,
					await rowsFor('inquiry_ledger', ids),
					await rowsFor('inquiry_records', ids),
					await rowsFor('inquiry_notifications', ids),
				);
				expect(outcomes).toEqual(ids.map(() => [1, 'verified', 1, 1]));
			});

			test('each owner gets within 1 of 100, across both workers', async () => {
				const owners = countBy((await rowsFor('inquiry_records', ids)).map((r) => r.ownerId));
				console.log(
					JSON.stringify({ measured: `${DISTINCT} at ${CONCURRENCY}, Postgres store`, owners }),
				);
				expect(Object.keys(owners).sort()).toEqual(OWNERS);
				expect(Object.values(owners).every((n) => Math.abs(n - DISTINCT / 3) <= 1)).toBe(true);
			});
		});

		test(
			`with one owner away, the other two take ${AWAY_BURST} inquiries within 1 of each other`,
			async () => {
				const day = 24 * 3600_000;
				const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
				await setTeam('owner-3', {
					awayFrom: iso(Date.now() - day),
					awayUntil: iso(Date.now() + day),
				});
				const answers = await timed(
					'one away',
					async () =>
						await atConcurrency(AWAY_BURST, CONCURRENCY, async (n) => await post(n, 'away')),
				);
				await setTeam('owner-3', { awayFrom: '', awayUntil: '' });
				const owners = countBy(
					(
						await rowsFor(
							'inquiry_records',
							answers.map((a) => a.inquiryId),
						)
					).map((r) => r.ownerId),
				);
				console.log(JSON.stringify({ measured: 'one owner away', owners }));
				expect(Object.keys(owners).sort()).toEqual(['owner-1', 'owner-2']);
				expect(spread(Object.values(owners))).toBeLessThanOrEqual(1);
			},
			PHASE_MS,
		);

		test(
			`a daily cap of ${CAP} is never exceeded: ${CAP_BURST} at once for the one owner on duty`,
			async () => {
				// A new day of counts; owner-1 alone on duty, capped.
				await runSql(stack.postgres, 'DELETE FROM inquiry_owner_counts');
				await setTeam('owner-1', { capPerDay: CAP });
				await setTeam('owner-2', { active: false });
				await setTeam('owner-3', { active: false });
				const answers = await timed(
					'cap',
					async () =>
						await atConcurrency(CAP_BURST, CONCURRENCY, async (n) => await post(n, 'cap')),
				);
				await setTeam('owner-1', { capPerDay: null });
				await setTeam('owner-2', { active: true });
				await setTeam('owner-3', { active: true });
				const ids = answers.map((a) => a.inquiryId);
				const records = await rowsFor('inquiry_records', ids);
				const ledger = await rowsFor('inquiry_ledger', ids);
				const alerts = (await rowsFor('inquiry_notifications', ids)).filter(
					(r) => r.kind === 'alert',
				);
				const counts = await sqlRows(
					stack.postgres,
					'SELECT "ownerKey", assigned FROM inquiry_owner_counts',
				);
				console.log(
					JSON.stringify({
						measured: 'cap 40',
						assigned: records.length,
						alerted: alerts.length,
						counts,
					}),
				);
				expect(counts).toEqual([{ ownerKey: 'owner-1', assigned: CAP }]);
				expect(countBy(records.map((r) => r.ownerId))).toEqual({ 'owner-1': CAP });
				// Every other inquiry is on the ledger as alerted, with its alert: none silent.
				const alerted = new Set(alerts.map((r) => r.inquiryId));
				expect(
					ledger.filter((r) => !r.verifiedAt && !(r.alertedAt && alerted.has(r.inquiryId))),
				).toEqual([]);
				expect(ledger).toHaveLength(CAP_BURST);
			},
			PHASE_MS,
		);

		test('a caller who then fills in the form with the same phone is one inquiry: one record, one owner, told they wrote again', async () => {
			const phone = '+14155553900';
			const called = await stack.main.postWebhook(CALL, missedCallFrom(stack, phone));
			expect(called.status).toBe(200);
			const filled = await deliverLikeAVendor(
				stack.main,
				FORM,
				JSON.stringify({
					name: 'Rosa Diaz',
					email: 'rosa.diaz@customers.test',
					phone: '(415) 555-3900',
					service: 'Repair',
					message: 'I called earlier about the boiler',
					postal_code: '94110',
				}),
				20,
			);
			expect(filled.status).toBe(200);
			const records = await sqlRows(
				stack.postgres,
				`SELECT "inquiryId", "ownerId", channel FROM inquiry_records WHERE phone = '${phone}'`,
			);
			expect(records.map((r) => r.channel)).toEqual(['missed_call']);
			const [{ inquiryId, ownerId }] = records;
			const ledger = await sqlRows(
				stack.postgres,
				`SELECT "inquiryId", "ownerId", "contactCount", channels FROM inquiry_ledger WHERE "contactPhone" = '${phone}' OR "contactEmail" = 'rosa.diaz@customers.test'`,
			);
			expect(ledger).toEqual([
				{ inquiryId, ownerId, contactCount: 2, channels: 'missed_call, other' },
			]);
			const told = (await rowsFor('inquiry_notifications', [String(inquiryId)]))
				.filter((r) => r.kind !== 'text_back')
				.sort((a, b) => Number(a.id) - Number(b.id));
			expect(told.map((r) => [r.kind, r.subject])).toEqual([
				['owner_assigned', expect.stringContaining('New inquiry for you')],
				['contacted_again', `Rosa Diaz wrote again — inquiry ${String(inquiryId)}`],
			]);
			expect(told[0].recipient).toBe(told[1].recipient);
		});

		test('a person who comes back after their inquiry was handled gets the same owner again (sticky), not the next turn', async () => {
			const person = (message: string, name = 'Sam Sticky', phone = '(415) 555-3950') =>
				JSON.stringify({
					name,
					email: `${name.toLowerCase().replace(' ', '.')}@customers.test`,
					phone,
					service: 'Repair',
					message,
					postal_code: '94110',
				});
			const ownerOf = async (inquiryId: string) =>
				(
					await sqlRows(
						stack.postgres,
						`SELECT "ownerId" FROM inquiry_records WHERE "inquiryId" = '${inquiryId}'`,
					)
				)[0]?.ownerId;
			const first = await deliverLikeAVendor(stack.main, FORM, person('The tap drips'), 20);
			// Handled: the owner contacted them, so the next contact is a new inquiry, not a repeat.
			await runSql(
				stack.postgres,
				`UPDATE inquiry_ledger SET "contactedAt" = now()::text WHERE "inquiryId" = '${first.inquiryId}'`,
			);
			// Someone else takes the next turn in between, so the rotation alone would pick another owner.
			const other = await deliverLikeAVendor(
				stack.main,
				FORM,
				person('The roof leaks', 'Olga Other', '(415) 555-3951'),
				20,
			);
			const again = await deliverLikeAVendor(stack.main, FORM, person('Now the tap leaks'), 20);
			expect(new Set([first.inquiryId, other.inquiryId, again.inquiryId]).size).toBe(3);
			const owners = [
				await ownerOf(first.inquiryId),
				await ownerOf(other.inquiryId),
				await ownerOf(again.inquiryId),
			];
			expect(owners[0]).toBeTruthy();
			expect(owners[1]).not.toBe(owners[0]);
			expect(owners[2]).toBe(owners[0]);
			const [{ assignment }] = await sqlRows(
				stack.postgres,
				`SELECT assignment FROM inquiry_owner_claims WHERE "inquiryId" = '${again.inquiryId}'`,
			);
			expect((assignment as { strategy: string }).strategy).toBe('sticky');
		});

		test(
			`${REPLAY_PAIRS} same-instant replay pairs: 0 duplicate records, ledger rows or notifications`,
			async () => {
				const pairs = await timed(
					'replay pairs',
					async () =>
						await atConcurrency(REPLAY_PAIRS, CONCURRENCY / 2, async (n) => {
							const body = formBody(n, 'replay');
							return await Promise.all([
								deliverLikeAVendor(stack.main, FORM, body, 20),
								deliverLikeAVendor(stack.main, FORM, body, 20),
							]);
						}),
				);
				expect(
					pairs.filter(
						([a, b]) => a.status !== 200 || b.status !== 200 || a.inquiryId !== b.inquiryId,
					),
				).toEqual([]);
				const ids = pairs.map(([a]) => a.inquiryId);
				const duplicates = (rows: Row[], key: string) =>
					Object.values(countBy(rows.map((r) => r[key]))).filter((n) => n > 1).length;
				const records = await rowsFor('inquiry_records', ids);
				const ledger = await rowsFor('inquiry_ledger', ids);
				const notes = await rowsFor('inquiry_notifications', ids);
				const told = notes.filter((r) => r.kind === 'owner_assigned');
				const claims = await sqlRows(
					stack.postgres,
					`SELECT "inquiryId", "ownerKey" FROM inquiry_owner_claims WHERE "inquiryId" IN (${idList(ids)})`,
				);
				console.log(
					JSON.stringify({
						measured: `${REPLAY_PAIRS} replay pairs, Postgres store`,
						records: records.length,
						ledgerRows: ledger.length,
						ownerNotices: told.length,
					}),
				);
				expect([
					duplicates(records, 'inquiryId'),
					duplicates(ledger, 'inquiryId'),
					duplicates(notes, 'dedupeKey'),
					duplicates(told, 'inquiryId'),
				]).toEqual([0, 0, 0, 0]);
				expect([records.length, ledger.length, told.length, claims.length]).toEqual([
					REPLAY_PAIRS,
					REPLAY_PAIRS,
					REPLAY_PAIRS,
					REPLAY_PAIRS,
				]);
				// Both executions of a pair agree on the owner: the record's owner is the one told.
				const recordOwner = new Map(records.map((r) => [r.inquiryId, r.ownerId]));
				const toldOwner = (r: Row) =>
					team.find((t) => t.email === r.recipient)?.ownerId ?? `unknown ${String(r.recipient)}`;
				expect(told.filter((r) => recordOwner.get(r.inquiryId) !== toldOwner(r))).toEqual([]);

				// The Outbox (on the same store) claimed each owner notice once: one e-mail each, receipt sent.
				const deadline = Date.now() + 120_000;
				let receipts = told;
				while (receipts.some((r) => !r.status || r.status === 'sending') && Date.now() < deadline) {
					await sleep(1000);
					receipts = (await rowsFor('inquiry_notifications', ids)).filter(
						(r) => r.kind === 'owner_assigned',
					);
				}
				const inbox = await mail.messages();
				const mailsOf = (r: Row) =>
					inbox.filter((m) => m.subject === r.subject && m.to[0]?.address === r.recipient).length;
				expect(receipts.map((r) => [r.status, mailsOf(r)])).toEqual(
					receipts.map(() => ['sent', 1]),
				);
			},
			PHASE_MS,
		);
	});
}
