import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import { createServer, request } from 'http';
import { createServer as createTlsServer } from 'https';
import type { AddressInfo, Socket } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * The one registry an unlicensed n8n 2.41.1 installs community packages from
 * (CommunityPackagesService.getNpmRegistry: any other needs feat:communityNodes:customRegistry).
 */
export const PUBLIC_REGISTRY_HOST = 'registry.npmjs.org';

export interface RegistryInterception {
	/** The proxy's address, e.g. http://127.0.0.1:40125 */
	url: string;
	/** The throwaway CA that signed the proxy's certificate for registry.npmjs.org (PEM). */
	caFile: string;
	/** What n8n and the npm it runs need to go through the proxy and trust its certificate. */
	env: Record<string, string>;
	/** Requests answered for registry.npmjs.org, in order, e.g. "GET /n8n-nodes-inquiry-continuity". */
	served: string[];
	/** Every other destination asked for, refused, e.g. "CONNECT api.n8n.io:443". */
	refused: string[];
	stop(): Promise<void>;
}

/**
 * A CA and a certificate for registry.npmjs.org signed by it, made with Debian's openssl for one
 * suite and deleted with it. openssl runs with this process's clock, the one n8n gets too.
 */
function throwawayCertificates(folder: string): { ca: string; key: string; cert: string } {
	const file = (name: string) => join(folder, name);
	const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
	const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	openssl(
		...['req', '-x509', ...ecKey, '-keyout', file('ca.key'), '-out', file('ca.pem')],
		...['-days', '2', '-subj', '/CN=n8n-nodes-inquiry-continuity e2e throwaway CA'],
		...['-addext', 'basicConstraints=critical,CA:TRUE'],
		...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
	);
	openssl(
		...['req', ...ecKey, '-keyout', file('host.key'), '-out', file('host.csr')],
		...['-subj', `/CN=${PUBLIC_REGISTRY_HOST}`],
	);
	writeFileSync(
		file('host.ext'),
		`subjectAltName=DNS:${PUBLIC_REGISTRY_HOST}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
	);
	openssl(
		...['x509', '-req', '-in', file('host.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key')],
		...['-CAcreateserial', '-days', '2', '-extfile', file('host.ext'), '-out', file('host.pem')],
	);
	return {
		ca: file('ca.pem'),
		key: readFileSync(file('host.key'), 'utf8'),
		cert: readFileSync(file('host.pem'), 'utf8'),
	};
}

/**
 * An intercepting HTTPS proxy on 127.0.0.1 for a test: a CONNECT to registry.npmjs.org:443 is
 * answered with the throwaway certificate, and each request in it is forwarded to the local
 * registry at `registryUrl`, as https://registry.npmjs.org (so the tarball addresses it gives
 * come back through here). Every other destination is refused, so nothing leaves the machine.
 */
export async function interceptPublicRegistry(registryUrl: string): Promise<RegistryInterception> {
	const folder = mkdtempSync(join(tmpdir(), 'inquiry-registry-interception-'));
	const { ca, key, cert } = throwawayCertificates(folder);
	const served: string[] = [];
	const refused: string[] = [];
	const sockets = new Set<Socket>();
	const track = (socket: Socket) => {
		sockets.add(socket);
		socket.on('error', () => socket.destroy()).once('close', () => sockets.delete(socket));
	};

	const forward = (incoming: IncomingMessage, answer: ServerResponse) => {
		served.push(`${incoming.method} ${incoming.url}`);
		const upstream = request(
			new URL(incoming.url ?? '/', registryUrl),
			{
				method: incoming.method,
				headers: { ...incoming.headers, host: PUBLIC_REGISTRY_HOST, 'x-forwarded-proto': 'https' },
			},
			(registryAnswer) => {
				answer.writeHead(registryAnswer.statusCode ?? 502, registryAnswer.headers);
				registryAnswer.pipe(answer);
			},
		);
		upstream.on('error', (error) => {
			if (answer.headersSent) answer.destroy(error);
			else answer.writeHead(502).end(error.message);
		});
		incoming.pipe(upstream);
	};
	const registryFront = createTlsServer({ key, cert }, forward);

	const proxy = createServer((incoming, answer) => {
		refused.push(`${incoming.method} ${incoming.url}`);
		answer.writeHead(403).end('Only https://registry.npmjs.org is answered here\n');
	});
	proxy.on('connection', track);
	proxy.on('connect', (incoming: IncomingMessage, socket: Socket, head: Buffer) => {
		if (incoming.url !== `${PUBLIC_REGISTRY_HOST}:443`) {
			refused.push(`CONNECT ${incoming.url}`);
			socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}
		socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		if (head.length > 0) socket.unshift(head);
		registryFront.emit('connection', socket);
	});
	await new Promise<void>((resolve, reject) => {
		proxy.once('error', reject).listen(0, '127.0.0.1', resolve);
	});
	const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

	let stopped: Promise<void> | undefined;
	const stop = async () => {
		stopped ??= (async () => {
			const closed = new Promise((resolve) => proxy.close(resolve));
			for (const socket of sockets) socket.destroy();
			registryFront.close();
			await closed;
			rmSync(folder, { recursive: true, force: true });
		})();
		await stopped;
	};

	return {
		url,
		caFile: ca,
		env: {
			// n8n's own HTTP client (backend-network's env proxy router) and npm both read these.
			HTTPS_PROXY: url,
			https_proxy: url,
			npm_config_https_proxy: url,
			NO_PROXY: '127.0.0.1,localhost',
			no_proxy: '127.0.0.1,localhost',
			// Node's TLS (n8n's version check) adds this CA; npm trusts only its cafile.
			NODE_EXTRA_CA_CERTS: ca,
			npm_config_cafile: ca,
			// A cache of this suite's own, so nothing cached from the real registry answers instead.
			npm_config_cache: join(folder, 'npm-cache'),
			npm_config_update_notifier: 'false',
		},
		served,
		refused,
		stop,
	};
}
