import type { Router, SimRequest, SimResponse } from '../kit';
import type { ZohoSim } from '../server';

export interface ProjectsOptions {
	/** Calls per route pattern and user in `windowMs` before the lock. */
	throttleLimit: number;
	windowMs: number;
	lockMs: number;
	/** Zoho answers its throttle with HTTP 400; some clients report 429. */
	throttleStatus: 400 | 429;
}

/** Zoho Projects V3 (placeholder: the Projects module is being written). */
export class Projects {
	options: ProjectsOptions;

	constructor(
		protected sim: ZohoSim,
		options: Partial<ProjectsOptions> = {},
	) {
		this.options = { throttleLimit: 100, windowMs: 120_000, lockMs: 30 * 60_000, throttleStatus: 400, ...options };
	}

	register(_router: Router): void {}

	gate(_req: SimRequest): SimResponse | undefined {
		return undefined;
	}

	seed(): void {}

	clear(): void {}

	snapshot(): unknown {
		return {};
	}
}
