export interface ProjectsOptions {
	/** Calls per route pattern and user in `windowMs` before the lock. */
	throttleLimit: number;
	windowMs: number;
	lockMs: number;
	/** Zoho answers its throttle with HTTP 400; some clients report 429. */
	throttleStatus: 400 | 429;
	/** The portal's UTC offset: dates read back as midnight in it (Asia/Tokyo for the seed portal). */
	timeZoneOffset: string;
	/** Longest task name accepted, in characters (assumed; Zoho's limit is not documented in the reference). */
	nameMaxLength: number;
	closeParentWithOpenSubtasks: 'allow' | 'block';
	/**
	 * Further portal ids answered with the seed portal's data (a test fixture, not Zoho behaviour):
	 * for tests that need a second portal, such as the client's rate budget kept per portal. The
	 * throttle counts per user and URL pattern, so calls to these portals count with the seed portal's.
	 */
	extraPortalIds: string[];
	/**
	 * Routes whose missing OAuth scope is answered 400 `URL_RULE_NOT_CONFIGURED` ("Given URL is
	 * wrong", as for an unknown URL) instead of 401 `INVALID_OAUTHSCOPE`: some live V3 routes do so
	 * [P27], but which ones is unknown, so none by default. Entries are `METHOD pattern` as the routes
	 * are registered (e.g. `POST /api/v3/portal/:portal/projects/:project/tasks`), or `*` for all.
	 */
	scopeAsUrlRule: string[];
}

export const DEFAULT_PROJECTS_OPTIONS: ProjectsOptions = {
	throttleLimit: 100,
	windowMs: 120_000,
	lockMs: 30 * 60_000,
	throttleStatus: 400,
	timeZoneOffset: '+09:00',
	nameMaxLength: 255,
	closeParentWithOpenSubtasks: 'allow',
	extraPortalIds: [],
	scopeAsUrlRule: [],
};

/** Does this route answer a missing scope as an unknown URL (option `scopeAsUrlRule`)? */
export function scopeAsUrlRule(options: ProjectsOptions, method: string, pattern: string): boolean {
	return options.scopeAsUrlRule.some((route) => route === '*' || route === `${method} ${pattern}`);
}
