import { createServer } from 'http';
import type { AddressInfo } from 'net';

/**
 * A CRM over HTTP on 127.0.0.1, the system of record template 01c writes to and reads back from:
 * POST /contacts creates a contact (201), GET /contacts/:id or /contacts?id= reads it (404 when
 * absent), GET /contacts answers a credential test. A POST is a new contact unless it repeats an
 * Idempotency-Key header (the IETF draft many APIs follow); without one, a replayed write shows up
 * as a duplicate.
 *
 * Faults, for the simulated day and the end-to-end fault tests:
 * - `down()` … `up()`: an outage; every connection is dropped without an answer;
 * - by the contact email's local part: `refuse@…` answers the write with 500, `broken@…` answers
 *   reads with 500, `slow@…` answers reads after `slowMs`, `lossy@…` keeps the contact but loses
 *   its phone, `late@…` is readable only from the third read.
 */
export interface SimCrm {
	url: string;
	/** Every contact stored, in order. */
	contacts(): Array<Record<string, unknown>>;
	/** Requests answered and dropped, as "METHOD /path status" ("dropped" during an outage). */
	log: string[];
	down(): void;
	up(): void;
	readonly isDown: boolean;
	close(): Promise<void>;
}

const LATE_READS = 2;

export async function startSimCrm(options: { slowMs?: number } = {}): Promise<SimCrm> {
	const slowMs = options.slowMs ?? 5000;
	const stored: Array<Record<string, unknown>> = [];
	const byId = new Map<string, Record<string, unknown>>();
	const byKey = new Map<string, Record<string, unknown>>();
	const reads = new Map<string, number>();
	let isDown = false;
	const log: string[] = [];

	const server = createServer((request, response) => {
		const what = `${request.method} ${request.url}`;
		if (isDown) {
			log.push(`${what} dropped`);
			request.socket.destroy();
			return;
		}
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const send = (status: number, body: unknown) => {
				log.push(`${what} ${status}`);
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify(body));
			};
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			const path = url.pathname;
			if (request.method === 'POST' && path === '/contacts') {
				let posted: Record<string, unknown>;
				try {
					posted = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
						string,
						unknown
					>;
				} catch {
					return send(400, { message: 'Body is not JSON' });
				}
				if (localPart(posted) === 'refuse') return send(500, { message: 'Internal Server Error' });
				// A repeated Idempotency-Key gets the contact it created the first time, as such APIs answer.
				const key = request.headers['idempotency-key'];
				const earlier = typeof key === 'string' ? byKey.get(key) : undefined;
				if (earlier) return send(200, earlier);
				const contact: Record<string, unknown> = { id: `c-${stored.length + 1}`, ...posted };
				if (typeof key === 'string') byKey.set(key, contact);
				if (localPart(contact) === 'lossy') contact.phone = '';
				stored.push(contact);
				byId.set(String(contact.id), contact);
				return send(201, contact);
			}
			if (request.method !== 'GET') return send(405, { message: 'Method not allowed' });
			// One contact by /contacts/:id or /contacts?id= (template 01c reads the latter).
			const query = url.searchParams.get('id');
			if (path === '/contacts' && query === null) return send(200, { results: [] });
			const id = query ?? decodeURIComponent(path.replace(/^\/contacts\//, ''));
			const contact = byId.get(id);
			if (!contact) return send(404, { message: 'Not found' });
			const count = (reads.get(id) ?? 0) + 1;
			reads.set(id, count);
			switch (localPart(contact)) {
				case 'broken':
					return send(500, { message: 'Internal Server Error' });
				case 'late':
					return count <= LATE_READS ? send(404, { message: 'Not found' }) : send(200, contact);
				case 'slow': {
					const timer = setTimeout(() => send(200, contact), slowMs);
					response.on('close', () => clearTimeout(timer));
					return;
				}
				default:
					return send(200, contact);
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		contacts: () => stored.map((contact) => ({ ...contact })),
		log,
		down: () => void (isDown = true),
		up: () => void (isDown = false),
		get isDown() {
			return isDown;
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

function localPart(contact: Record<string, unknown>): string {
	return String(contact.email ?? '')
		.split('@')[0]
		.toLowerCase();
}
