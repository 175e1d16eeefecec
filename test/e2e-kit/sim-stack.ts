/**
 * The simulator half of the demo (and of the console tests): the Zoho simulator with the seed data,
 * its console page, and an SMTP sink whose mail the console shows at `/_sim/inbox` — all in this
 * process, so the inbox route reads the sink's memory directly.
 */
import { type ConsoleLink, CONSOLE_PATH, registerConsole, registerInbox } from '../zoho-sim/console';
import { ZohoSim } from '../zoho-sim/server';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

export interface SimStackOptions {
	/** 0: an ephemeral port. */
	simPort?: number;
	smtpPort?: number;
	/** Let the simulator clock follow real time (a person watching expects it); tests may freeze it. */
	liveClock?: boolean;
	/** Header links of the console; the array is read on every refresh, so links may be pushed later. */
	links?: ConsoleLink[];
}

export interface SimStack {
	sim: ZohoSim;
	sink: SmtpSink;
	simUrl: string;
	consoleUrl: string;
	stop(): Promise<void>;
}

export async function startSimStack(options: SimStackOptions = {}): Promise<SimStack> {
	const sim = new ZohoSim({ seed: true });
	if (options.liveClock ?? true) sim.clock.freeze(false);
	registerConsole(sim, { links: options.links });
	const sink = await startSmtpSink({ port: options.smtpPort });
	registerInbox(sim.router, sink);
	let simUrl: string;
	try {
		simUrl = await sim.start(options.simPort ?? 0);
	} catch (error) {
		await sink.stop();
		throw error;
	}
	return {
		sim,
		sink,
		simUrl,
		consoleUrl: simUrl + CONSOLE_PATH,
		async stop() {
			await Promise.allSettled([sim.stop(), sink.stop()]);
		},
	};
}
