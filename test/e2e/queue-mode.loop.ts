import { signLink } from '../../core/loop/token';
import type { MailMessage, QueueStack, TemplateFile } from './harness';
import {
	dataTableRows,
	deliverLikeAVendor,
	eventually,
	importTemplates,
	loadTemplates,
	runSql,
	scheduleAsWebhook,
	sqlRows,
	TEMPLATES_DIR,
	updateDataTableRows,
} from './harness';
import {
	entryOnPostgres,
	POSTGRES_FORM,
	POSTGRES_LINK_PATH,
	POSTGRES_LINK_SECRET,
	postgresSetup,
} from './queue-mode.postgres';
import { join } from 'path';
import { SWEEP_PATH, sweepOnCall } from '../sim/templateSetup';

/**
 * The loop around the Postgres hub, in queue mode (main + 2 workers), judged by what people
 * receive: the owner links (00d), the escalation ladder (06), the weekly report (07) and the
 * self-audit (08), each the Postgres variant from workflows-templates/postgres/, on the queue
 * suite's stack next to hub 00p and its Outbox (queue-mode.postgres.ts), e-mailing to its MailDev.
 *
 * On this one instance the Data table templates hold their own paths, so the Postgres ones are
 * imported on paths ending in -pg (the hub's owner links point there). The ladder's and the
 * report's schedules become webhooks whose request carries the clock (`?now=`, a body
 * `timestamp`): the ladder runs on a Monday in March 2026, never on today's date.
 */
export const POSTGRES_SWEEP_PATH = 'inquiry-leak-sweep-pg';
const REPORT_PATH = 'inquiry-weekly-report-pg';
const AUDIT_PATH = 'inquiry-self-audit-pg';
const SENDER = 'loop@store.example';
const MANAGER = 'manager@store.example';
const OWNERS = ['owner-1', 'owner-2', 'owner-3'];
/** The entries the self-audit posts to, each on its own path running the Postgres hub. */
const AUDITED_ENTRIES: Array<[string, string]> = [
	['03-', 'inquiry-chat'],
	['04-', 'inquiry-booking'],
	['05-', 'inquiry-ad-lead'],
];

type Row = Record<string, unknown>;

const renamed = (template: TemplateFile, pairs: Array<[string, string]>): TemplateFile => {
	let text = JSON.stringify(template.workflow);
	for (const [from, to] of pairs) text = text.split(from).join(to);
	return { ...template, workflow: JSON.parse(text) as TemplateFile['workflow'] };
};

function postgresTemplate(prefix: string): TemplateFile {
	const template = loadTemplates(join(TEMPLATES_DIR, 'postgres')).find((t) =>
		t.file.startsWith(prefix),
	)!;
	return { ...template, file: `postgres/${template.file}` };
}

/** A schedule trigger replaced by a POST webhook of the same name on `path`. */
function scheduleOnCall(template: TemplateFile, path: string): TemplateFile {
	return { ...template, workflow: scheduleAsWebhook(template.workflow, path, 'POST') };
}

/**
 * The ladder as the suite runs the Data table one (sweepOnCall: its schedule a POST webhook, stalls
 * after a minute on the wall clock), on its own path, its clock from the request (`?now=`) when given.
 */
function ladderOnCall(template: TemplateFile): TemplateFile {
	const sweep = renamed(sweepOnCall(template), [[`"${SWEEP_PATH}"`, `"${POSTGRES_SWEEP_PATH}"`]]);
	const nodes = sweep.workflow.nodes.map((node) =>
		node.name === 'Find Due Escalation Steps'
			? {
					...node,
					parameters: {
						...node.parameters,
						now: "={{ $('Sweep on Request').isExecuted ? $('Sweep on Request').first().json.query.now ?? '' : '' }}",
					},
				}
			: node,
	);
	return { ...sweep, workflow: { ...sweep.workflow, nodes } };
}

/**
 * The Postgres owner links (00d) on POSTGRES_LINK_PATH, where 00p's owner messages point, and the
 * Postgres ladder (06) on call at POSTGRES_SWEEP_PATH: beside the Data table ones on one instance.
 * The simulated day on queue mode imports these too.
 */
export function postgresLoopTemplates(): { links: TemplateFile; ladder: TemplateFile } {
	return {
		links: renamed(postgresTemplate('00d-'), [['"inquiry-link"', `"${POSTGRES_LINK_PATH}"`]]),
		ladder: ladderOnCall(postgresTemplate('06-')),
	};
}

/**
 * Imports and publishes the Postgres owner links, ladder, weekly report and self-audit, plus the
 * chat, booking and ad-lead entries on the Postgres hub (the self-audit posts to every entry),
 * with the credentials the Postgres hub was imported with. Call after importPostgresHub.
 */
export async function importPostgresLoop(stack: QueueStack): Promise<void> {
	const onPostgresPaths: Array<[string, string]> = [
		['"inquiry-link"', `"${POSTGRES_LINK_PATH}"`],
		['"inquiry-self-audit"', `"${AUDIT_PATH}"`],
		['inquiry-self-audit\\\\/', `${AUDIT_PATH}\\\\/`],
		...[
			['inquiry-form', POSTGRES_FORM],
			['inquiry-missed-call', 'inquiry-missed-call-pg'],
			...AUDITED_ENTRIES.map(([, path]) => [path, `${path}-pg`]),
		].map(([from, to]): [string, string] => [
			`\\"path\\": \\"${from}\\"`,
			`\\"path\\": \\"${to}\\"`,
		]),
	];
	const { links, ladder } = postgresLoopTemplates();
	const templates = [
		renamed(links, onPostgresPaths),
		ladder,
		renamed(scheduleOnCall(postgresTemplate('07-'), REPORT_PATH), [
			// The report's clock: the timestamp a schedule gives, here in the request body.
			['.first().json.timestamp', '.first().json.body.timestamp'],
		]),
		renamed(postgresTemplate('08-'), onPostgresPaths),
		...AUDITED_ENTRIES.map(([prefix, path]) => entryOnPostgres(prefix, path, `${path}-pg`)),
	];
	const imported = await importTemplates(stack.main, templates, postgresSetup().credentials);
	expect(imported.map((t) => [t.name, t.published, t.note ?? ''])).toEqual(
		imported.map((t) => [t.name, true, '']),
	);
}

/** The buttons of an owner e-mail: label → href. */
const buttonsOf = (message: MailMessage): Record<string, string> =>
	Object.fromEntries(
		[...(message.html ?? '').matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(
			([, href, label]) => [label.replace('&#39;', "'"), href.replace(/&amp;/g, '&')],
		),
	);

const get = async (url: string) => {
	const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
	return { status: response.status, html: await response.text() };
};

/** `getStack` is read once the suite's set-up ran (importPostgresHub, then importPostgresLoop). */
export function describePostgresLoop(getStack: () => QueueStack): void {
	describe('the loop on the Postgres store (00d, 06, 07, 08), main + 2 workers, as people receive it', () => {
		let stack: QueueStack;
		let team: Row[] = [];
		let settings: Row[] = [];
		const inbox = () => postgresSetup().inbox;
		const setTeam = async (ownerId: string, data: Row) =>
			await updateDataTableRows(stack.main, 'inquiry_team', { ownerId }, data);
		const setSetting = async (setting: string, value: unknown) =>
			await updateDataTableRows(stack.main, 'inquiry_settings', { setting }, { value });
		const ledgerRow = async (inquiryId: string) =>
			(
				await sqlRows(
					stack.postgres,
					`SELECT * FROM inquiry_ledger WHERE "inquiryId" = '${inquiryId.replace(/'/g, "''")}'`,
				)
			)[0];
		/** Who the Postgres claim gave the inquiry's turn for `hop` (inquiry_claim_owner's record). */
		const claimedTurn = async (inquiryId: string, hop: number) =>
			(
				await sqlRows(
					stack.postgres,
					`SELECT "ownerKey" FROM inquiry_owner_claims WHERE "inquiryId" = '${inquiryId}@hop${hop}'`,
				)
			).map((r) => r.ownerKey);
		const emailOf = (ownerId: unknown) => team.find((r) => r.ownerId === ownerId)?.email;
		const countsOf = async () =>
			Object.fromEntries(
				(
					await sqlRows(
						stack.postgres,
						`SELECT "ownerKey", sum(assigned)::int AS n FROM inquiry_owner_counts GROUP BY 1`,
					)
				).map((r) => [r.ownerKey, r.n]),
			) as Record<string, number>;
		let phone = 4700;
		const post = async (name: string) => {
			const answer = await deliverLikeAVendor(
				stack.main,
				POSTGRES_FORM,
				JSON.stringify({
					name,
					email: `${name.toLowerCase().replace(/\W+/g, '.')}@customers.test`,
					phone: `(415) 555-${phone++}`,
					service: 'Repair',
					message: `${name}'s boiler <b>leaks</b> & hisses`,
					postal_code: '94110',
				}),
				20,
			);
			expect(answer.status).toBe(200);
			return answer.inquiryId;
		};
		const ownerMail = async (subject: string) =>
			await inbox().waitForMessage((m) => m.subject.includes(subject), 120_000);

		beforeAll(async () => {
			stack = getStack();
			team = await dataTableRows(stack.main, 'inquiry_team');
			settings = await dataTableRows(stack.main, 'inquiry_settings');
			for (const ownerId of OWNERS) await setTeam(ownerId, { hours: '24/7', active: true });
			await setSetting('emailFrom', SENDER);
			await setSetting('managerEmail', MANAGER);
			await setSetting('timeZone', 'America/New_York');
			// One move, then the manager: the ladder's three rungs in three runs.
			await setSetting('maxHops', '1');
			// Earlier cases' inquiries are set aside: the ladder sees only this case's.
			await runSql(
				stack.postgres,
				`DO $$ BEGIN IF to_regclass('inquiry_ledger') IS NOT NULL THEN UPDATE inquiry_ledger SET open = '' WHERE open = 'yes'; END IF; END $$`,
			);
		});

		afterAll(async () => {
			for (const row of settings)
				if (['emailFrom', 'managerEmail', 'timeZone', 'maxHops'].includes(String(row.setting)))
					await setSetting(String(row.setting), row.value ?? '');
			for (const row of team)
				await setTeam(String(row.ownerId), {
					hours: row.hours,
					active: row.active,
					capPerDay: row.capPerDay,
					missedClaims: row.missedClaims,
				});
		});

		describe('a form post reaches its owner by e-mail, and the links in it work', () => {
			let inquiryId: string;
			let owner: MailMessage;

			beforeAll(async () => {
				inquiryId = await post('Cleo Claim');
				owner = await ownerMail('New inquiry for you: Cleo Claim');
			});

			test('form → hub 00p → Postgres Outbox → the owner on the Postgres ledger gets the e-mail, customer text escaped, with links to the Postgres owner links', async () => {
				const row = await ledgerRow(inquiryId);
				expect(owner.from[0].address).toBe(SENDER);
				expect(owner.to[0].address).toBe(emailOf(row.ownerId));
				expect(owner.html).toContain('boiler leaks &amp; hisses');
				expect(owner.html).not.toContain('<b>');
				const buttons = buttonsOf(owner);
				expect(Object.keys(buttons)).toEqual(["I've got it", 'Pass it on', "I've contacted them"]);
				expect(buttons["I've got it"]).toMatch(
					new RegExp(`^${stack.main.baseUrl}/webhook/${POSTGRES_LINK_PATH}\\?t=`),
				);
			});

			test.each([
				['a forged link', `${POSTGRES_LINK_SECRET}-guessed`, '2099-01-01T00:00:00Z', 403],
				['an expired link', POSTGRES_LINK_SECRET, '2020-01-01T00:00:00Z', 410],
			])('%s changes nothing on the Postgres ledger', async (_name, secret, expiresAt, status) => {
				const before = await ledgerRow(inquiryId);
				const token = signLink(
					{ action: 'claim', inquiryId, ownerId: String(before.ownerId), hop: 0, expiresAt },
					secret,
				);
				const answer = await get(`${stack.main.baseUrl}/webhook/${POSTGRES_LINK_PATH}?t=${token}`);
				expect(answer.status).toBe(status);
				expect(await ledgerRow(inquiryId)).toEqual(before);
			});

			test('"I\'ve got it", a real GET of the e-mail\'s link, writes acceptedAt on the Postgres ledger once', async () => {
				const before = await ledgerRow(inquiryId);
				expect(before.acceptedAt).toBeNull();
				const claim = buttonsOf(owner)["I've got it"];
				const answer = await get(claim);
				expect(answer.status).toBe(200);
				expect(answer.html).toContain('<title>It&#39;s yours</title>');
				const after = await ledgerRow(inquiryId);
				expect(after.ownerId).toBe(before.ownerId);
				expect(Date.parse(String(after.acceptedAt))).not.toBeNaN();
				expect((await get(claim)).status).toBe(409);
				expect(await ledgerRow(inquiryId)).toEqual(after);
			});
		});

		test('"Pass it on" moves the inquiry by one more turn of the Postgres claim, never back to who passed nor to an owner at their daily cap, and that owner gets the e-mail', async () => {
			const inquiryId = await post('Pia Pass');
			const first = await ownerMail('New inquiry for you: Pia Pass');
			const before = await ledgerRow(inquiryId);
			// One of the other two is at their daily cap by the Postgres counts: the turn goes to the third.
			const [full, next] = OWNERS.filter((o) => o !== before.ownerId);
			const [today] = await sqlRows(
				stack.postgres,
				`SELECT assigned FROM inquiry_owner_counts WHERE "ownerKey" = '${full}' AND day = (SELECT max(day) FROM inquiry_owner_counts)`,
			);
			await setTeam(full, { capPerDay: Number(today?.assigned ?? 0) });
			const counts = await countsOf();
			const pass = buttonsOf(first)['Pass it on'];
			const answer = await get(pass);
			await setTeam(full, { capPerDay: null });
			expect(answer.status).toBe(200);
			expect(answer.html).toContain('<title>Passed on</title>');
			const second = await ownerMail('Inquiry passed to you: Pia Pass');
			const after = await ledgerRow(inquiryId);
			expect(after).toMatchObject({ hops: 1, passedBy: before.ownerId, acceptedAt: null });
			expect(after.ownerId).toBe(next);
			expect(second.to[0].address).toBe(emailOf(after.ownerId));
			// The turn was claimed in Postgres, once for this hop, and counted for the new owner.
			expect(await claimedTurn(inquiryId, 1)).toEqual([after.ownerId]);
			const now = await countsOf();
			expect(now[String(after.ownerId)]).toBe((counts[String(after.ownerId)] ?? 0) + 1);
			// A second click of the old link changes nothing.
			expect((await get(pass)).status).toBe(409);
			expect(await ledgerRow(inquiryId)).toEqual(after);
		});

		describe('the escalation ladder (06) on a Monday in March 2026: remind, reassign, tell the manager', () => {
			let inquiryId: string;
			let firstOwner: string;
			const ladderAt = async (now: string) => {
				const answer = await stack.main.postWebhook(`${POSTGRES_SWEEP_PATH}?now=${now}`, {
					method: 'GET',
				});
				expect(answer.status).toBe(200);
			};

			beforeAll(async () => {
				inquiryId = await post('Lars Ladder');
				await ownerMail('New inquiry for you: Lars Ladder');
				firstOwner = String((await ledgerRow(inquiryId)).ownerId);
				// Received Monday 2 March 2026 at 09:00 in New York, to be claimed within the hour.
				await runSql(
					stack.postgres,
					`UPDATE inquiry_ledger SET "receivedAt" = '2026-03-02T14:00:00.000Z', "assignedAt" = '2026-03-02T14:00:00.000Z', "respondBy" = '2026-03-02T15:00:00.000Z' WHERE "inquiryId" = '${inquiryId}'`,
				);
			});

			test('10 minutes before the deadline the owner gets a reminder e-mail', async () => {
				await ladderAt('2026-03-02T14:52:00.000Z');
				const reminder = await ownerMail('Reminder: please claim the inquiry from Lars Ladder');
				expect(reminder.to[0].address).toBe(emailOf(firstOwner));
				expect(await ledgerRow(inquiryId)).toMatchObject({
					stepsRaised: 'reminder@0',
					remindedAt: '2026-03-02T14:52:00.000Z',
				});
			});

			test('past the deadline it moves to another owner by a turn of the Postgres claim, leaving out the owner who let it go; the new owner gets the e-mail', async () => {
				await ladderAt('2026-03-02T15:05:00.000Z');
				// The ladder answers its request at once and runs on: the move is read once it is written.
				const moved = await eventually(async () => {
					const row = await ledgerRow(inquiryId);
					expect([row.hops, Boolean(row.ownerId)]).toEqual([1, true]);
					return row;
				}, 120_000);
				expect(moved).toMatchObject({ hops: 1, passedBy: firstOwner });
				expect(moved.acceptedAt || null).toBeNull();
				expect(moved.ownerId).not.toBe(firstOwner);
				const passed = await ownerMail('Inquiry passed to you: Lars Ladder');
				expect(passed.to[0].address).toBe(emailOf(moved.ownerId));
				expect(await claimedTurn(inquiryId, 1)).toEqual([moved.ownerId]);
				// Running again at the same time raises nothing twice.
				await ladderAt('2026-03-02T15:06:00.000Z');
				expect((await ledgerRow(inquiryId)).hops).toBe(1);
			});

			test("past the new owner's deadline, with its one move used, the manager gets the escalation e-mail and the inquiry leaves the ladder", async () => {
				const { respondBy } = await ledgerRow(inquiryId);
				const after = new Date(Date.parse(String(respondBy)) + 60_000).toISOString();
				await ladderAt(after);
				const escalation = await ownerMail(
					'Escalation: nobody has claimed the inquiry from Lars Ladder',
				);
				expect(escalation.to[0].address).toBe(MANAGER);
				expect(await ledgerRow(inquiryId)).toMatchObject({ open: '', escalatedAt: after });
			});
		});

		test('a handoff cut off after its entry write (no owner, not verified) is found by the ladder on the wall clock, and the manager is told by e-mail', async () => {
			// The ledger row as the hub writes it on entry, 3 minutes ago, before an execution was cut off.
			const inquiryId = `stalled-${Date.now()}`;
			const receivedAt = new Date(Date.now() - 3 * 60_000).toISOString();
			await runSql(
				stack.postgres,
				`INSERT INTO inquiry_ledger ("inquiryId", "receivedAt", channel, "contactName", "entryCheck", stage, open) VALUES ('${inquiryId}', '${receivedAt}', 'web_form', 'Sid Stalled', 'pass', 'entry', 'yes')`,
			);
			const answer = await stack.main.postWebhook(POSTGRES_SWEEP_PATH, { method: 'GET' });
			expect(answer.status).toBe(200);
			const alert = await ownerMail('Check the handoff of the inquiry from Sid Stalled');
			expect(alert.to[0].address).toBe(MANAGER);
			expect(alert.text).toContain(inquiryId);
			const row = await eventually(async () => {
				const flagged = await ledgerRow(inquiryId);
				expect(flagged.sweepReason).toBe('not_assigned');
				return flagged;
			}, 120_000);
			expect(row.sweepAction).toBe('escalate');
		});

		test("the weekly report (07) for the week of 2 March 2026 reaches the manager with that week's inquiry", async () => {
			const answer = await stack.main.postWebhook(REPORT_PATH, {
				body: { timestamp: '2026-03-09T13:00:00.000Z' },
			});
			expect(answer.status).toBe(200);
			const report = await inbox().waitForMessage(
				(m) => m.to[0]?.address === MANAGER && /weekly/i.test(m.subject),
				120_000,
			);
			// The one inquiry of that week, whose owner let the deadline pass, as the ladder recorded it.
			expect(report.subject).toBe('Weekly inquiry continuity, 2–8 Mar 2026: score 3/5');
			expect(report.text).toContain('2–8 Mar 2026: 1 inquiry');
			expect(report.text).toContain('claims missed 1. SLA breaches 1, unassigned 0');

			const [row] = await sqlRows(
				stack.postgres,
				`SELECT status FROM inquiry_notifications WHERE "dedupeKey" LIKE 'report:2026-03-0%'`,
			);
			expect(row).toEqual({ status: 'sent' });
		});

		test('the self-audit (08) posts to every entry, finds each inquiry on the Postgres ledger, and e-mails its result to the manager', async () => {
			const answer = await get(`${stack.main.baseUrl}/webhook/${AUDIT_PATH}`);
			expect(answer.status).toBe(200);
			const result = await inbox().waitForMessage(
				(m) => m.to[0]?.address === MANAGER && m.subject.startsWith('Continuity self-audit'),
				120_000,
			);
			// Every entry on the Postgres hub passes each stage; the missed call is skipped until its
			// signature step gets a secret; the sample team and settings fail the setup check, as they should.
			const lines = String(result.text).split('\n');
			expect(lines.slice(1, 6)).toEqual([
				'Entry: pass (4 of 4)',
				'Transfer: pass (4 of 4)',
				'Context: pass (4 of 4)',
				'Trigger: pass (4 of 4)',
				expect.stringMatching(/^Visibility: pass \(4 of 4\)/),
			]);
			expect(lines).toEqual(
				expect.arrayContaining([
					'- Web form (webhook): answered 200, score 4/5',
					'- Chat (Intercom): answered 200, score 4/5',
					'- Booking (Calendly): answered 200, score 4/5',
					'- Ad lead (Google Ads): answered 200, score 4/5',
					expect.stringMatching(/^- Missed call \(Twilio\): skipped/),
				]),
			);
			expect(result.subject).toBe('Continuity self-audit: some stages FAIL');
			expect(lines).toContain(
				"- FAIL inquiry_team: owner-1 is active with a placeholder e-mail first.owner@team.invalid and phone +14155550101. Fix: In the inquiry_team table, replace owner-1's sample row with a real person's details, or uncheck active.",
			);
			// The synthetic inquiries are cleared from the Postgres ledger and records afterwards.
			expect(
				await sqlRows(
					stack.postgres,
					`SELECT "inquiryId" FROM inquiry_ledger WHERE "contactName" = 'Self Audit' UNION ALL SELECT "inquiryId" FROM inquiry_records WHERE name = 'Self Audit'`,
				),
			).toEqual([]);
		});
	});
}
