/**
 * Zoho data centres. CRM's `api_domain` normally comes with the token; the table is the fallback
 * and the source of the Projects host, which the token never names.
 */
export interface DataCenter {
	label: string;
	accounts: string;
	crm: string;
	projects: string;
}

export const DATA_CENTERS: Record<string, DataCenter> = {
	us: {
		label: 'United States (zoho.com)',
		accounts: 'https://accounts.zoho.com',
		crm: 'https://www.zohoapis.com',
		projects: 'https://projectsapi.zoho.com',
	},
	eu: {
		label: 'Europe (zoho.eu)',
		accounts: 'https://accounts.zoho.eu',
		crm: 'https://www.zohoapis.eu',
		projects: 'https://projectsapi.zoho.eu',
	},
	in: {
		label: 'India (zoho.in)',
		accounts: 'https://accounts.zoho.in',
		crm: 'https://www.zohoapis.in',
		projects: 'https://projectsapi.zoho.in',
	},
	au: {
		label: 'Australia (zoho.com.au)',
		accounts: 'https://accounts.zoho.com.au',
		crm: 'https://www.zohoapis.com.au',
		projects: 'https://projectsapi.zoho.com.au',
	},
	jp: {
		label: 'Japan (zoho.jp)',
		accounts: 'https://accounts.zoho.jp',
		crm: 'https://www.zohoapis.jp',
		projects: 'https://projectsapi.zoho.jp',
	},
	cn: {
		label: 'China (zoho.com.cn)',
		accounts: 'https://accounts.zoho.com.cn',
		crm: 'https://www.zohoapis.com.cn',
		projects: 'https://projectsapi.zoho.com.cn',
	},
	// Canada: Accounts on zohocloud.ca (Zoho CRM v8 "Multi DC Support" page and Zoho Accounts' multi-DC
	// page), the API domain on zohoapis.ca, not zohocloud.ca (Zoho's multi-DC table for Bigin, which runs
	// on the CRM platform, and the CRM SDK's CA data centre [S4]). Projects: community maps only [P24].
	ca: {
		label: 'Canada (zohocloud.ca)',
		accounts: 'https://accounts.zohocloud.ca',
		crm: 'https://www.zohoapis.ca',
		projects: 'https://projectsapi.zohocloud.ca',
	},
	sa: {
		label: 'Saudi Arabia (zoho.sa)',
		accounts: 'https://accounts.zoho.sa',
		crm: 'https://www.zohoapis.sa',
		projects: 'https://projectsapi.zoho.sa',
	},
	custom: {
		label: 'Custom (Simulator or Proxy)',
		accounts: '',
		crm: '',
		projects: '',
	},
};

/** Everything the nodes touch; Zoho silently drops scope names it does not know, so keep them exact. */
export const ZOHO_SCOPES = [
	'ZohoCRM.modules.tasks.ALL',
	'ZohoCRM.modules.notes.ALL',
	'ZohoCRM.modules.accounts.ALL',
	'ZohoCRM.modules.deals.ALL',
	'ZohoCRM.modules.contacts.READ',
	'ZohoCRM.users.READ',
	'ZohoCRM.notifications.ALL',
	'ZohoCRM.settings.fields.READ',
	'ZohoProjects.portals.READ',
	'ZohoProjects.projects.ALL',
	'ZohoProjects.tasks.ALL',
	'ZohoProjects.tasklists.ALL',
	'ZohoProjects.users.ALL',
	'ZohoProjects.clients.ALL',
	'ZohoProjects.custom_fields.READ',
];
