import { createServer } from 'http';
import type { AddressInfo } from 'net';

export const CRM_TOKEN = 'test-token';

/**
 * How the local CRM treats a contact, chosen by the local part of its email, so one workflow run
 * meets every kind of destination: `delayed@…` shows up on the third read, `gone@…` is accepted
 * but never readable, `broken@…` answers 500, `slow@…` answers after 1.5 s, `lossy@…` loses the
 * phone. Writes can fail too: `rejected@…` is refused with 500 and `unlisted@…` with 404 (the list
 * it should join does not exist), and neither is stored. Anyone else is stored and served faithfully.
 */
type Behaviour = 'ok' | 'delayed' | 'gone' | 'broken' | 'slow' | 'lossy' | 'rejected' | 'unlisted';
const BEHAVIOURS: readonly Behaviour[] = [
	'delayed',
	'gone',
	'broken',
	'slow',
	'lossy',
	'rejected',
	'unlisted',
];
const SLOW_MS = 1500;
const DELAYED_READS = 2;

export interface LocalCrm {
	url: string;
	/** Every request as "METHOD /path", in order. */
	requests: string[];
	/** The Authorization header of the last request. */
	lastAuthorization?: string;
	close(): Promise<void>;
}

function behaviourOf(record: Record<string, unknown>): Behaviour {
	const local = String(record.email ?? '').split('@')[0];
	return BEHAVIOURS.find((b) => b === local) ?? 'ok';
}

/** A small CRM on 127.0.0.1 (a free port): POST /contacts stores, GET /contacts/:id and /contacts?email= read. */
export async function startLocalCrm(): Promise<LocalCrm> {
	const records = new Map<string, Record<string, unknown>>();
	const reads = new Map<string, number>();
	let nextId = 1;
	const crm: LocalCrm = { url: '', requests: [], close: async () => {} };

	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			crm.requests.push(`${request.method} ${url.pathname}${url.search}`);
			crm.lastAuthorization = request.headers.authorization;
			const send = (status: number, body: unknown) => {
				response.writeHead(status, {
					'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
				});
				response.end(typeof body === 'string' ? body : JSON.stringify(body));
			};
			if (request.headers.authorization !== `Bearer ${CRM_TOKEN}`)
				return send(401, { message: 'Unauthorized' });
			if (url.pathname === '/health') return send(200, { ok: true });

			if (request.method === 'POST' && url.pathname === '/contacts') {
				const posted = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
					string,
					unknown
				>;
				const refusal = behaviourOf(posted);
				if (refusal === 'rejected') return send(500, { message: 'Internal Server Error' });
				if (refusal === 'unlisted') return send(404, { message: 'List not found' });
				const id = `c-${nextId++}`;
				const stored: Record<string, unknown> = { id, ...posted };
				if (behaviourOf(stored) === 'lossy') stored.phone = '';
				records.set(id, stored);
				return send(201, stored);
			}

			const found =
				url.pathname === '/contacts' && url.searchParams.has('email')
					? [...records.values()].find((r) => r.email === url.searchParams.get('email'))
					: records.get(decodeURIComponent(url.pathname.replace(/^\/contacts\//, '')));
			if (request.method !== 'GET' || !found) return send(404, 'Not Found');
			const id = String(found.id);
			const count = (reads.get(id) ?? 0) + 1;
			reads.set(id, count);
			const answer = () =>
				url.searchParams.has('email') ? send(200, { results: [found] }) : send(200, found);
			switch (behaviourOf(found)) {
				case 'delayed':
					return count <= DELAYED_READS ? send(404, 'Not Found') : answer();
				case 'gone':
					return send(404, 'Not Found');
				case 'broken':
					return send(500, { message: 'Internal Server Error' });
				case 'slow': {
					const timer = setTimeout(answer, SLOW_MS);
					response.on('close', () => clearTimeout(timer));
					return;
				}
				default:
					return answer();
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	crm.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	crm.close = async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return crm;
}
