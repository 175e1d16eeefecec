/**
 * A real SMTP server on 127.0.0.1 that keeps every message it receives in memory: the place n8n's
 * Send Email node delivers to in the end-to-end run and the demo. No TLS (STARTTLS is not offered,
 * so nodemailer never tries it) and no authentication required; if a client does authenticate,
 * any user name and password is accepted, so an SMTP credential with or without a user works.
 *
 *   const sink = await startSmtpSink();            // ephemeral port; or { port: 2525 }
 *   // SMTP credential: host 127.0.0.1, port sink.port, SSL/TLS off, user/password anything
 *   const mail = await sink.waitFor((m) => m.to.includes('ichiro.suzuki@example.jp'));
 *   await sink.stop();
 */
import type { AddressInfo } from 'node:net';

import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One received message, JSON-safe (the demo serves these as-is at `/_sim/inbox`). */
export interface SinkMessage {
	/** Arrival order, from 1. */
	id: number;
	/** The sender's e-mail address (header From, else the envelope sender). */
	from: string;
	/** Recipients' e-mail addresses, lower-case (header To, else the envelope recipients). */
	to: string[];
	subject: string;
	/** The plain-text body (mailparser derives it from the HTML part when there is none). */
	text: string;
	html?: string;
	/** ISO 8601: the Date header, else the arrival time. */
	date: string;
}

export interface SmtpSink {
	/** The port it listens on (127.0.0.1). */
	readonly port: number;
	/** Every message so far, oldest first. The array is live: it grows as mail arrives. */
	readonly messages: readonly SinkMessage[];
	/** Resolves with the first message (already received or yet to come) that matches. */
	waitFor(match: (message: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
	/** Forget every message received so far (ids keep counting up). */
	clear(): void;
	stop(): Promise<void>;
}

export interface SmtpSinkOptions {
	/** 0 or absent: an ephemeral port. */
	port?: number;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
	const messages: SinkMessage[] = [];
	const waiters = new Set<(message: SinkMessage) => void>();
	let nextId = 1;

	const server = new SMTPServer({
		authOptional: true,
		allowInsecureAuth: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		banner: 'zoho-task-sync SMTP sink',
		// stop() waits this long for clients that keep a connection open (nodemailer pools) before cutting it.
		closeTimeout: 1000,
		onAuth: (_auth, _session, callback) => callback(null, { user: 'sink' }),
		onData: (stream, session, callback) => {
			simpleParser(stream)
				.then((mail) => {
					const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
					const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
					const message: SinkMessage = {
						id: nextId++,
						from: addresses(mail.from)[0] ?? envelopeFrom,
						to: addresses(mail.to).length ? addresses(mail.to) : envelopeTo,
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						...(mail.html ? { html: mail.html } : {}),
						date: (mail.date ?? new Date()).toISOString(),
					};
					messages.push(message);
					for (const notify of waiters) notify(message);
					callback();
				})
				// A message we cannot parse is refused, so the sender sees an error instead of a silent loss.
				.catch((error: Error) => callback(error));
		},
	});

	await new Promise<void>((resolve, reject) => {
		server.server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (server.server.address() as AddressInfo).port;

	return {
		port,
		messages,
		waitFor(match, timeoutMs = 30_000) {
			const found = messages.find(match);
			if (found) return Promise.resolve(found);
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => {
					waiters.delete(notify);
					reject(new Error(`SMTP sink: no matching message within ${timeoutMs} ms (${messages.length} received)`));
				}, timeoutMs);
				const notify = (message: SinkMessage): void => {
					if (!match(message)) return;
					clearTimeout(timer);
					waiters.delete(notify);
					resolve(message);
				};
				waiters.add(notify);
			});
		},
		clear() {
			messages.length = 0;
		},
		stop() {
			return new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
	const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
	// A group ("Team: a@x, b@y;") nests its members one level down.
	return list
		.flatMap((o) => o.value)
		.flatMap((a) => (a.group ?? [a]))
		.flatMap((a) => (a.address ? [a.address.toLowerCase()] : []));
}
