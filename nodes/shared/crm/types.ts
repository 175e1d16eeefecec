/**
 * Wire shapes of Zoho CRM v8 as the nodes read and write them. Only what the code relies on is
 * typed; everything else passes through as `IDataObject`.
 */
import type { IDataObject } from 'n8n-workflow';

export const CRM_API = '/crm/v8';

export type CrmModule = 'Tasks' | 'Notes' | 'Accounts' | 'Deals' | 'Contacts';

/** A lookup value as Zoho returns it (`Owner`, `What_Id`, `Account_Name`, ...). */
export interface CrmLookup extends IDataObject {
	id: string;
	name?: string;
	email?: string;
}

export interface CrmRecord extends IDataObject {
	id: string;
	Modified_Time?: string;
	Created_Time?: string;
}

export interface CrmTask extends CrmRecord {
	Subject?: string;
	Description?: string | null;
	Due_Date?: string | null;
	Status?: string;
	Priority?: string;
	Owner?: CrmLookup;
	What_Id?: CrmLookup | null;
	$se_module?: string;
}

export interface CrmNote extends CrmRecord {
	Note_Title?: string | null;
	Note_Content?: string;
	Parent_Id?: CrmLookup & { module?: { api_name?: string; id?: string } };
}

/** `info` of a list answer: page numbers for the first 2,000 records, then page tokens. */
export interface CrmPageInfo {
	per_page?: number;
	count?: number;
	page?: number;
	more_records?: boolean;
	next_page_token?: string | null;
}

export interface CrmListBody {
	data?: IDataObject[];
	users?: IDataObject[];
	watch?: IDataObject[];
	__timeline?: IDataObject[];
	info?: CrmPageInfo;
}

/** One per-record result of a write (create, update, upsert, delete, watch). */
export interface CrmResultItem extends IDataObject {
	code: string;
	status: 'success' | 'error';
	message: string;
	details: IDataObject;
	action?: string;
	duplicate_field?: string;
}

/** A field of `settings/fields`. */
export interface CrmField {
	api_name: string;
	field_label?: string;
	display_label?: string;
	data_type: string;
	custom_field?: boolean;
	read_only?: boolean;
	system_mandatory?: boolean;
	length?: number | null;
	pick_list_values?: Array<{ display_value: string; actual_value: string }>;
}

/** The body of a user of `GET /users`. */
export interface CrmUser extends IDataObject {
	id: string;
	email?: string;
	full_name?: string;
	status?: string;
}
