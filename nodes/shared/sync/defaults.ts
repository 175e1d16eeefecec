import type { SyncConfig } from './types';

/** DESIGN §5 defaults: every map and direction is a node parameter over these. */
export const DEFAULT_CONFIG: SyncConfig = {
	directions: { subject: 'both', description: 'both', dueDate: 'both', priority: 'both', status: 'both', owner: 'both' },
	crmPriorityToProjects: { Highest: 'high', High: 'high', Normal: 'medium', Low: 'low', Lowest: 'low' },
	projectsPriorityToCrm: { high: 'High', medium: 'Normal', low: 'Low', none: 'Normal' },
	crmClosedStatuses: ['Completed'],
	crmReopenStatus: 'Not Started',
	conflictPolicy: 'mostRecent',
	onRejection: 'keepSource',
	customFields: [],
	projectsNameMaxLength: 255,
};
