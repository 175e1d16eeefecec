/**
 * Identities shared by the CRM and Projects seed data (and by tests, the e2e run and the demo).
 * The stories: 株式会社サクラ商事 runs a data migration in a strict (期間固定) project — the help
 * page's 利用例1; its verification task is closed with a closed subtask — 利用例2.
 */
export const PORTAL_ID = '700000001';
export const PORTAL_NAME = 'sakura-demo';

export const OAUTH_CLIENT = {
	clientId: '1000.SIMCLIENT0000000000000000000000',
	clientSecret: 'sim-client-secret-0000000000000000000000',
};

/** CRM user id, Projects zpuid, e-mail; `crmOnly` users exist only in CRM, `projectsOnly` only in Projects. */
export const USERS = {
	hanako: { crmId: '4876876000000011001', zpuid: '2000000011001', zuid: '80011001', name: '佐藤 花子', first: '花子', last: '佐藤', email: 'hanako.sato@example.jp', role: 'admin' },
	ichiro: { crmId: '4876876000000011002', zpuid: '2000000011002', zuid: '80011002', name: '鈴木 一郎', first: '一郎', last: '鈴木', email: 'ichiro.suzuki@example.jp', role: 'member' },
	emily: { crmId: '4876876000000011003', zpuid: '2000000011003', zuid: '80011003', name: 'Emily Clark', first: 'Emily', last: 'Clark', email: 'emily.clark@example.com', role: 'member' },
	ken: { crmId: '4876876000000011004', zpuid: '', zuid: '80011004', name: '田中 健', first: '健', last: '田中', email: 'ken.tanaka@example.jp', role: 'member', crmOnly: true },
	maria: { crmId: '', zpuid: '2000000011005', zuid: '80011005', name: 'Maria Lopez', first: 'Maria', last: 'Lopez', email: 'maria.lopez@example.com', role: 'member', projectsOnly: true },
} as const;

/** The API user the seeded OAuth client acts as. */
export const API_USER = USERS.hanako;

/** CRM Account ⇄ Projects client company; `mapped` = the Account's client field holds the company id. */
export const COMPANIES = {
	sakura: { accountId: '4876876000000021001', clientId: '2000000021001', crmName: '株式会社サクラ商事', projectsName: '株式会社サクラ商事', mapped: true },
	acme: { accountId: '4876876000000021002', clientId: '2000000021002', crmName: 'Acme Corporation', projectsName: 'Acme Corporation', mapped: false },
	// Differs only in full-width vs half-width letters: a name match must normalise it.
	abc: { accountId: '4876876000000021003', clientId: '2000000021003', crmName: 'ＡＢＣ株式会社', projectsName: 'ABC株式会社', mapped: false },
	northwind: { accountId: '4876876000000021004', clientId: '', crmName: 'Northwind Traders', projectsName: '', mapped: false },
} as const;

export const CONTACTS = {
	yamada: { id: '4876876000000031001', first: '太郎', last: '山田', email: 'taro.yamada@sakura-shoji.example.jp', account: 'sakura' },
	kimura: { id: '4876876000000031002', first: '直子', last: '木村', email: 'naoko.kimura@sakura-shoji.example.jp', account: 'sakura' },
	john: { id: '4876876000000031003', first: 'John', last: 'Smith', email: 'john.smith@acme.example.com', account: 'acme' },
} as const;

export const PROJECTS = {
	// 利用例1: strict project; task end dates must stay inside 2026-12-01..2026-12-25.
	migration: { id: '2000000041001', name: 'データ移行プロジェクト', strict: true, start: '2026-12-01', end: '2026-12-25', company: 'sakura' },
	website: { id: '2000000041002', name: 'Website Renewal', strict: false, start: '2026-11-01', end: '2027-03-31', company: 'acme' },
} as const;

export const TASKLISTS = {
	migrationGeneral: { id: '2000000051001', name: 'General', project: 'migration' },
	migrationVerify: { id: '2000000051002', name: '検証', project: 'migration' },
	websiteGeneral: { id: '2000000051003', name: 'General', project: 'website' },
} as const;

export const DEALS = {
	migration: { id: '4876876000000061001', name: 'サクラ商事 データ移行', account: 'sakura', project: 'migration', stage: 'Closed Won' },
	website: { id: '4876876000000061002', name: 'Acme Website Renewal', account: 'acme', project: 'website', stage: 'Negotiation/Review' },
	support: { id: '4876876000000061003', name: 'サクラ商事 保守契約', account: 'sakura', project: '', stage: 'Qualification' },
} as const;

/** Projects task statuses (portal-wide); `closed` = is_closed_type. */
export const STATUSES = {
	open: { id: '2000000071001', name: 'Open', closed: false },
	inProgress: { id: '2000000071002', name: 'In Progress', closed: false },
	onHold: { id: '2000000071003', name: 'On Hold', closed: false },
	closed: { id: '2000000071004', name: 'Closed', closed: true },
	cancelled: { id: '2000000071005', name: 'Cancelled', closed: true },
} as const;

/**
 * Linked task pairs and unlinked tasks. `crmId` empty = no CRM task; `zpId` empty = no Projects task.
 * Descriptions are the plain text a CRM user sees; the Projects seed stores them as HTML.
 */
export const TASKS = {
	plan: { crmId: '4876876000000081001', zpId: '2000000081001', name: '移行計画の作成', project: 'migration', tasklist: 'migrationGeneral', owner: 'ichiro', start: '2026-12-01', end: '2026-12-10', crmStatus: 'In Progress', zpStatus: 'inProgress', crmPriority: 'High', zpPriority: 'high', description: '移行対象のテーブルを洗い出す。\n担当: 鈴木', parent: '', what: { deal: 'migration' } },
	verify: { crmId: '4876876000000081002', zpId: '2000000081002', name: 'データ検証', project: 'migration', tasklist: 'migrationVerify', owner: 'hanako', start: '2026-12-11', end: '2026-12-20', crmStatus: 'Completed', zpStatus: 'closed', crmPriority: 'Normal', zpPriority: 'medium', description: '', parent: '', what: { deal: 'migration' } },
	// 利用例2: a closed subtask of the closed parent above; reopening it from CRM must be refused.
	verifyReport: { crmId: '4876876000000081003', zpId: '2000000081003', name: '検証レポートの提出', project: 'migration', tasklist: 'migrationVerify', owner: 'ichiro', start: '2026-12-15', end: '2026-12-18', crmStatus: 'Completed', zpStatus: 'closed', crmPriority: 'Low', zpPriority: 'low', description: 'レポートを PDF で提出 & 共有 <必須>', parent: 'verify', what: { deal: 'migration' } },
	design: { crmId: '4876876000000081004', zpId: '2000000081004', name: 'Design mock-ups', project: 'website', tasklist: 'websiteGeneral', owner: 'emily', start: '2026-11-10', end: '2026-11-30', crmStatus: 'Not Started', zpStatus: 'open', crmPriority: 'Normal', zpPriority: 'medium', description: 'Home page & product pages', parent: '', what: { account: 'acme' } },
	// Only in Projects: candidates for "add to CRM".
	contentPlan: { crmId: '', zpId: '2000000081005', name: 'Content plan', project: 'website', tasklist: 'websiteGeneral', owner: 'maria', start: '2026-11-15', end: '2026-12-05', crmStatus: '', zpStatus: 'open', crmPriority: '', zpPriority: 'none', description: '', parent: '', what: {} },
	// Only in CRM: a candidate for "add to Projects".
	kickoff: { crmId: '4876876000000081006', zpId: '', name: 'キックオフ会議の準備', project: '', tasklist: '', owner: 'hanako', start: '', end: '2026-11-28', crmStatus: 'Not Started', zpStatus: '', crmPriority: 'Highest', zpPriority: '', description: '議題と参加者を確定する', parent: '', what: { deal: 'support' } },
} as const;

/** Link-field API names (DESIGN §4 defaults). */
export const FIELDS = {
	taskLink: 'Zoho_Projects_Task',
	taskLinkUrl: 'Zoho_Projects_Task_URL',
	syncState: 'Zoho_Projects_Sync_State',
	accountClient: 'Zoho_Projects_Client',
	dealProject: 'Zoho_Projects_Project',
	projectsCrmTaskId: 'CRM_Task_ID',
	projectsCrmTaskIdLabel: 'CRM Task ID',
} as const;

/** The value stored in the CRM task's link field: `portal:project:task`. */
export const taskLinkValue = (projectId: string, taskId: string): string => `${PORTAL_ID}:${projectId}:${taskId}`;
/** The value stored in a Deal's project field: `portal:project`. */
export const projectLinkValue = (projectId: string): string => `${PORTAL_ID}:${projectId}`;
