import { createServer } from 'http';
import type { AddressInfo } from 'net';

/**
 * A local stand-in for a Slack / Teams / ntfy incoming webhook on 127.0.0.1: it keeps every
 * posted body, so a test can see that an alert went out by a path that is not e-mail.
 */
export interface AlertReceiver {
	url: string;
	posts: unknown[];
	stop(): Promise<void>;
}

export async function startAlertReceiver(): Promise<AlertReceiver> {
	const posts: unknown[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			try {
				posts.push(JSON.parse(text));
			} catch {
				posts.push(text);
			}
			response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/alert`,
		posts,
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
