/**
 * Child processes for the e2e run and the demo: run a command to completion (its output to a log
 * file, with a heartbeat so a long install visibly moves), or start a long-lived one in its own
 * process group so that stopping it also stops what it started (n8n's task runner). Every
 * long-lived child is tracked, and `stopAllChildren()` ends them — call it from SIGINT/SIGTERM
 * handlers and `finally` blocks; `installExitHandlers()` does that for a script.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, readdirSync, type WriteStream } from 'node:fs';

export type Log = (line: string) => void;

export const defaultLog: Log = (line) => console.log(line);

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Append stdout and stderr here (the command's output is not printed). */
	logFile?: string;
	/** Print "… still <what>, <n>s" every this many ms (0: never). */
	heartbeatMs?: number;
	/** Extra words for the heartbeat, e.g. how many packages are in node_modules so far. */
	progress?: () => string;
	what?: string;
	log?: Log;
	timeoutMs?: number;
}

/** Run a command to completion; rejects (naming the log file) when it exits non-zero. */
export async function run(command: string, args: string[], options: RunOptions): Promise<{ stdout: string }> {
	const log = options.log ?? defaultLog;
	const out: WriteStream | undefined = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	out?.write(`\n$ ${command} ${args.join(' ')}  (in ${options.cwd})\n`);
	const started = Date.now();
	const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	track(child);
	let stdout = '';
	let tail = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
		out?.write(chunk);
		tail = (tail + chunk.toString()).slice(-4000);
	});
	child.stderr!.on('data', (chunk: Buffer) => {
		out?.write(chunk);
		tail = (tail + chunk.toString()).slice(-4000);
	});
	const beat =
		options.heartbeatMs && options.heartbeatMs > 0
			? setInterval(() => {
					const extra = options.progress ? `, ${options.progress()}` : '';
					log(`      … still ${options.what ?? command} (${Math.round((Date.now() - started) / 1000)} s${extra})`);
				}, options.heartbeatMs)
			: undefined;
	const timer = options.timeoutMs ? setTimeout(() => killGroup(child, 'SIGKILL'), options.timeoutMs) : undefined;
	const code = await new Promise<number | null>((resolve) => {
		child.on('error', (error) => {
			tail += `\n${error.message}`;
			resolve(-1);
		});
		child.on('close', (c) => resolve(c));
	});
	if (beat) clearInterval(beat);
	if (timer) clearTimeout(timer);
	untrack(child);
	await new Promise<void>((resolve) => (out ? out.end(resolve) : resolve()));
	if (code !== 0) {
		const where = options.logFile ? ` (full output: ${options.logFile})` : '';
		throw new Error(`${command} ${args.join(' ')} failed with exit code ${code}${where}\n${lastLines(tail, 25)}`);
	}
	return { stdout };
}

export interface Started {
	child: ChildProcess;
	/** SIGTERM to the whole process group, SIGKILL after graceMs; resolves when it has exited. */
	stop(graceMs?: number): Promise<void>;
	/** SIGKILL the whole process group now. */
	kill(): void;
	exited(): boolean;
}

/** Start a long-lived process in its own process group, output appended to a log file. */
export function startProcess(command: string, args: string[], options: SpawnOptions & { logFile: string }): Started {
	const out = createWriteStream(options.logFile, { flags: 'a' });
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	child.stdout!.pipe(out);
	child.stderr!.pipe(out);
	track(child);
	let done = false;
	const exit = new Promise<void>((resolve) => {
		child.on('error', () => {
			done = true;
			resolve();
		});
		child.on('exit', () => {
			done = true;
			untrack(child);
			resolve();
		});
	});
	return {
		child,
		exited: () => done,
		kill: () => killGroup(child, 'SIGKILL'),
		async stop(graceMs = 15_000) {
			if (done) return;
			killGroup(child, 'SIGTERM');
			const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
			await exit;
			clearTimeout(timer);
			// Anything the process left in its group (a task runner) goes too.
			killGroup(child, 'SIGKILL');
		},
	};
}

const children = new Set<ChildProcess>();

function track(child: ChildProcess): void {
	children.add(child);
}

function untrack(child: ChildProcess): void {
	children.delete(child);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

/** SIGKILL every child process group started through this module that is still running. */
export function killAllChildren(): void {
	for (const child of children) killGroup(child, 'SIGKILL');
	children.clear();
}

/**
 * For a script: on Ctrl-C, SIGTERM or an uncaught error, run `cleanup` (stop what the script
 * started, gracefully), then kill whatever child is left, and exit. A second Ctrl-C kills at once.
 */
export function installExitHandlers(cleanup: () => Promise<void>, log: Log = defaultLog): void {
	let stopping = false;
	const stop = (code: number, why: string) => {
		if (stopping) {
			killAllChildren();
			process.exit(code);
		}
		stopping = true;
		log(`\n${why}: stopping everything this run started …`);
		const hard = setTimeout(() => {
			killAllChildren();
			process.exit(code);
		}, 30_000);
		hard.unref();
		void cleanup()
			.catch(() => undefined)
			.finally(() => {
				killAllChildren();
				process.exit(code);
			});
	};
	process.on('SIGINT', () => stop(130, 'Interrupted'));
	process.on('SIGTERM', () => stop(143, 'Terminated'));
	process.on('SIGHUP', () => stop(129, 'Hung up'));
	process.on('uncaughtException', (error) => {
		log(`Uncaught error: ${error.stack ?? error.message}`);
		stop(1, 'Uncaught error');
	});
	process.on('unhandledRejection', (error) => {
		log(`Unhandled rejection: ${(error as Error)?.stack ?? String(error)}`);
		stop(1, 'Unhandled rejection');
	});
	// Last resort on a plain exit: no child outlives this process.
	process.on('exit', () => killAllChildren());
}

export function lastLines(text: string, n: number): string {
	return text.split('\n').slice(-n).join('\n');
}

/** How many packages a node_modules folder holds so far (top level, scopes expanded). */
export function countPackages(nodeModules: string): number {
	try {
		let n = 0;
		for (const entry of readdirSync(nodeModules)) {
			if (entry.startsWith('.')) continue;
			if (entry.startsWith('@')) n += readdirSync(`${nodeModules}/${entry}`).length;
			else n++;
		}
		return n;
	} catch {
		return 0;
	}
}
