import { DEFAULT_CONFIG } from '../../nodes/shared/sync/defaults';
import type { CrmTask, ProjectsTask, SyncConfig } from '../../nodes/shared/sync/types';

export const config = (over: Partial<SyncConfig> = {}): SyncConfig => ({ ...DEFAULT_CONFIG, ...over });

export const crmTask = (over: Partial<CrmTask> = {}): CrmTask => ({
	id: 'c1',
	subject: '移行計画の作成',
	description: '対象テーブルを洗い出す\n担当: 鈴木',
	dueDate: '2026-12-10',
	priority: 'High',
	status: 'In Progress',
	owner: { id: 'u2', email: 'ichiro.suzuki@example.jp', name: '鈴木 一郎' },
	modifiedTime: '2026-11-25T10:00:00+09:00',
	modifiedBy: { id: 'u1', email: 'hanako.sato@example.jp', name: '佐藤 花子' },
	custom: {},
	...over,
});

export const projectsTask = (over: Partial<ProjectsTask> = {}): ProjectsTask => ({
	id: 'p1',
	portalId: '700',
	projectId: '41',
	name: '移行計画の作成',
	description: '<div>対象テーブルを洗い出す<br>担当: 鈴木</div>',
	startDate: '2026-12-01T00:00:00.000+09:00',
	endDate: '2026-12-10T00:00:00.000+09:00',
	priority: 'high',
	status: { id: 's2', name: 'In Progress', closed: false },
	owners: [{ zpuid: 'z2', email: 'Ichiro.Suzuki@example.jp', name: '鈴木 一郎' }],
	lastModified: '2026-11-25T09:00:00+09:00',
	updatedBy: { email: 'emily.clark@example.com', name: 'Emily Clark' },
	parentTaskId: null,
	custom: {},
	...over,
});
