import { listDataTables } from '../e2e/harness/dataTables';
import type { OwnerAnswer, People } from './answers';
import { ownerAnswer } from './answers';
import type { SimN8n } from './n8n';
import type { Row } from './observed';
import { epochMs, text } from './observed';

/**
 * The business's people at work on a running n8n: they read the owner messages the templates
 * wrote (the notification rows the Outbox delivers), and at the moments the people model gives
 * them follow the message's own signed links with a real HTTP GET: "I've got it", then sometimes
 * "I've contacted them". What they did is counted by the answers n8n gave; the day's figures
 * come from the ledger, not from here.
 */
export interface OwnerLinks {
	claim?: string;
	pass?: string;
	contacted?: string;
}

const LABELS: Record<keyof OwnerLinks, string> = {
	claim: "I've got it",
	pass: 'Pass it on',
	contacted: "I've contacted them",
};

/** The labelled links of an owner message's text ("I've got it: https://…"). Pure. */
export function linksInMessage(body: string): OwnerLinks {
	const links: OwnerLinks = {};
	for (const [action, label] of Object.entries(LABELS) as Array<[keyof OwnerLinks, string]>) {
		const found = body.match(new RegExp(`${label}: (https?://\\S+)`));
		if (found) links[action] = found[1];
	}
	return links;
}

export interface PeopleActivity {
	/** Owner messages read (rows of an owner_… kind). */
	messagesRead: number;
	/** Of those, messages with no "I've got it" link: nothing to click. */
	withoutLinks: number;
	/** n8n's answers to the clicks, by HTTP status (0: no answer). */
	claims: Record<string, number>;
	contacts: Record<string, number>;
	/** Clicks still planned when the day ended. */
	notDone: number;
}

const POLL_MS = 3000;
const NOTIFICATIONS = 'inquiry_notifications';
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export class PeopleAtWork {
	readonly activity: PeopleActivity = {
		messagesRead: 0,
		withoutLinks: 0,
		claims: {},
		contacts: {},
		notDone: 0,
	};
	private lastRowId = 0;
	private lastStoreRowId = 0;
	private readonly decided = new Set<string>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly clicking = new Set<Promise<void>>();
	private polling?: Promise<void>;
	private stopped = false;

	/** `ownerOf`: an owner's id by the address their messages go to (e-mail, phone or chat). */
	constructor(
		private readonly sim: SimN8n,
		private readonly people: People,
		private readonly ownerOf: ReadonlyMap<string, string>,
	) {}

	start(): void {
		// The client retries a read through restarts and load; one that still fails ends the day.
		this.polling ??= (async () => {
			while (!this.stopped) {
				await this.readNewMessages();
				await sleep(POLL_MS);
			}
		})();
		void this.polling.catch(() => undefined); // reported by finish()
	}

	/**
	 * Stops reading; clicks due within `graceMs` still happen, later ones are dropped and counted.
	 * Throws when reading the owners' messages failed for good.
	 */
	async finish(graceMs: number): Promise<PeopleActivity> {
		this.stopped = true;
		await this.polling?.catch((error: Error) => {
			throw new Error(`reading owner messages: ${error.message}`, { cause: error });
		});
		await this.readNewMessages();
		const until = Date.now() + graceMs;
		while (this.timers.size > 0 && Date.now() < until) await sleep(250);
		this.activity.notDone += this.timers.size;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		while (this.clicking.size > 0) await Promise.all([...this.clicking]);
		return this.activity;
	}

	private async readNewMessages(): Promise<void> {
		for (const row of await this.newOwnerMessages()) {
			this.activity.messagesRead += 1;
			const links = linksInMessage(text(row.body) ?? '');
			const inquiryId = text(row.inquiryId);
			const ownerId = this.ownerOf.get((text(row.recipient) ?? '').toLowerCase());
			if (!links.claim || !inquiryId) {
				this.activity.withoutLinks += 1;
				continue;
			}
			// One decision per owner and inquiry: a second message about it (a reminder) is the same job.
			const job = `${inquiryId}|${ownerId ?? text(row.recipient)}`;
			if (this.decided.has(job) || !ownerId) continue;
			this.decided.add(job);
			const toldAt = epochMs(row.notifiedAt) ?? Date.now();
			this.act(toldAt, links, ownerAnswer(this.people, ownerId, text(row.dedupeKey) ?? job));
		}
	}

	private act(toldAt: number, links: OwnerLinks, answer: OwnerAnswer): void {
		if (answer.claimAfterMs === undefined || !links.claim) return;
		const claim = links.claim;
		this.at(toldAt + answer.claimAfterMs, async () => {
			const status = await this.click(claim, this.activity.claims);
			if (status === 200 && answer.contactAfterMs !== undefined && links.contacted) {
				const contacted = links.contacted;
				this.at(toldAt + answer.contactAfterMs, async () => {
					await this.click(contacted, this.activity.contacts);
				});
			}
		});
	}

	private at(whenMs: number, action: () => Promise<void>): void {
		const timer = setTimeout(
			() => {
				this.timers.delete(timer);
				const running = action().finally(() => this.clicking.delete(running));
				this.clicking.add(running);
			},
			Math.max(0, whenMs - Date.now()),
		);
		this.timers.add(timer);
	}

	/** A real GET of the link, as a browser would; the answer's status is counted. */
	private async click(url: string, answers: Record<string, number>): Promise<number> {
		const status = await fetch(url, { signal: AbortSignal.timeout(60_000) }).then(
			async (response) => {
				await response.text();
				return response.status;
			},
			() => 0,
		);
		answers[status] = (answers[status] ?? 0) + 1;
		return status;
	}

	/** Owner messages newer than the last read: the Data table's, and in queue mode the store's. */
	private async newOwnerMessages(): Promise<Row[]> {
		const rows = await this.newDataTableMessages();
		this.lastRowId = Math.max(this.lastRowId, ...rows.map((row) => Number(row.id) || 0));
		if (!this.sim.store) return rows;
		const stored = await this.sim.store.ownerMessagesAfter(this.lastStoreRowId);
		this.lastStoreRowId = Math.max(
			this.lastStoreRowId,
			...stored.map((row) => Number(row.id) || 0),
		);
		return [...rows, ...stored];
	}

	/** Through the Data table API's filter. */
	private async newDataTableMessages(): Promise<Row[]> {
		const table = (await listDataTables(this.sim.client)).find((t) => t.name === NOTIFICATIONS);
		if (!table) return [];
		const filter = JSON.stringify({
			type: 'and',
			filters: [
				{ columnName: 'kind', condition: 'like', value: 'owner_%' },
				{ columnName: 'id', condition: 'gt', value: this.lastRowId },
			],
		});
		const rows: Row[] = [];
		let cursor: string | undefined;
		do {
			const page = await this.sim.client.api<{ data: Row[]; nextCursor?: string | null }>(
				'GET',
				`/data-tables/${table.id}/rows?limit=250&filter=${encodeURIComponent(filter)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			rows.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		rows.sort((a, b) => Number(a.id) - Number(b.id));
		return rows;
	}
}
