import type { Router, SimRequest, SimResponse } from '../kit';
import type { ZohoSim } from '../server';

export interface CrmOptions {
	/** Simultaneous calls per user before 429 (Zoho: 10-25 by edition). */
	concurrencyLimit: number;
}

/** Zoho CRM v8 (placeholder: the CRM module is being written). */
export class Crm {
	options: CrmOptions;

	constructor(
		protected sim: ZohoSim,
		options: Partial<CrmOptions> = {},
	) {
		this.options = { concurrencyLimit: 15, ...options };
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
