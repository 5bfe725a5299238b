// A minimal SMTP server on 127.0.0.1 that accepts every message and notes, to the millisecond,
// when it accepted it (MailDev's API only has the message's Date header, to the second). Plain
// SMTP without TLS or login, as n8n's SMTP credential sends with "disable STARTTLS" and no user.
import { createServer } from 'node:net';

export async function startSmtpSink() {
	const messages = [];
	const server = createServer((socket) => {
		socket.setEncoding('utf8');
		let buffer = '';
		let inData = false;
		let data = '';
		const reply = (line) => socket.write(`${line}\r\n`);
		reply('220 bench-sink ESMTP');
		socket.on('data', (chunk) => {
			buffer += chunk;
			for (;;) {
				if (inData) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end < 0) break;
					data += buffer.slice(0, end);
					buffer = buffer.slice(end + 5);
					inData = false;
					messages.push({ at: Date.now(), data });
					data = '';
					reply('250 OK queued');
					continue;
				}
				const eol = buffer.indexOf('\r\n');
				if (eol < 0) break;
				const line = buffer.slice(0, eol);
				buffer = buffer.slice(eol + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') reply('250-bench-sink\r\n250 8BITMIME');
				else if (verb === 'HELO') reply('250 bench-sink');
				else if (verb === 'DATA') {
					inData = true;
					// A message whose first line is the terminator's tail.
					buffer = `\r\n${buffer}`;
					reply('354 End data with <CR><LF>.<CR><LF>');
				} else if (verb === 'QUIT') {
					reply('221 Bye');
					socket.end();
				} else reply('250 OK');
			}
		});
		socket.on('error', () => {});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		smtpPort: server.address().port,
		/** Every accepted message: when (epoch ms) and its raw text (headers and body). */
		messages: () => messages,
		stop: async () => await new Promise((resolve) => server.close(() => resolve())),
	};
}
