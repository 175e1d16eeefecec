/**
 * Deviations from the OAS the simulator keeps on purpose, each with its entry in
 * test/zoho-sim/ASSUMPTIONS.md (CRM, "OpenAPI conformance"; `why` names the bullet). An excuse that stops matching fails its
 * test, so this list cannot outlive the deviation.
 */
import type { Excuse } from './conform';

const NULLS = 'OAS conformance: empty values are null';
/** `type` findings on values the simulator sends as null where the OAS gives no `nullable`. */
export const nullAt = (path: RegExp): Excuse => ({ why: NULLS, keyword: 'type', path });

export const PAGE_TOKENS_NULL = [nullAt(/^\/info\/(next_page_token|previous_page_token|page_token_expiry)$/)];

export const SCOPE_MESSAGE: Excuse = { why: 'OAS conformance: error codes and messages outside the enums', keyword: 'enum', path: /^\/message$/ };
export const RATE_LIMIT: Excuse[] = [
	{ why: 'OAS conformance: error codes and messages outside the enums', keyword: 'enum', path: /^\/code$/ },
	{ why: 'OAS conformance: error codes and messages outside the enums', keyword: 'enum', path: /^\/message$/ },
];
export const SEARCH_MESSAGE_CASE: Excuse = { why: 'OAS conformance: error codes and messages outside the enums', keyword: 'enum', path: /^\/message$/ };
export const MAX_LENGTH_INTEGER: Excuse = { why: 'OAS conformance: maximum_length is an integer', keyword: 'type', path: /\/details\/maximum_length$/ };

export const USER_SAMPLE_PATTERNS: Excuse[] = [
	{ why: 'OAS conformance: users time_zone and sample patterns', keyword: 'type', path: /^\/users\/\d+\/time_zone$/ },
	{ why: 'OAS conformance: users time_zone and sample patterns', keyword: 'pattern', path: /^\/users\/\d+\/(email|first_name|last_name)$/ },
];

/** settings/fields: the OAS marks its 75 keys required; the simulator sends these 13 and no others. */
export const FIELD_KEYS_NOT_SENT: Excuse[] = [
	{
		why: 'OAS conformance: settings/fields sends a subset of the keys',
		keyword: 'required',
		path: /^\/fields\/\d+$/,
		missing: [
			'associated_module', 'operation_type', 'webhook', 'blueprint_supported', 'virtual_field', 'field_read_only', 'customizable_properties',
			'businesscard_supported', 'filterable', 'visible', 'available_in_user_layout', 'display_field', 'pick_list_values_sorted_lexically',
			'sortable', 'layout_associations', 'separator', 'searchable', 'enable_colour_code', 'mass_update', 'created_source', 'type',
			'column_name', 'display_type', 'ui_type', 'colour_code_enabled_by_system', 'decimal_place', 'quick_sequence_number', 'email_parser',
			'rollup_summary', 'refer_from_field', 'created_time', 'modified_time', 'show_type', 'category', 'multi_module_lookup',
			'sharing_properties', 'currency', 'file_upolad_optionlist', 'profiles', 'view_type', 'unique', 'sub_module', 'subform', 'external',
			'formula', 'convert_mapping', 'multiselectlookup', 'multiuserlookup', 'autonumber', 'auto_number', 'crypt', 'tooltip',
			'history_tracking', 'association_details', 'allowed_modules', 'additional_column', 'common.picklist', 'hipaa_compliance_enabled',
			'hipaa_compliance', '_update_existing_records', 'number_separator', 'textarea', 'static_field',
		],
	},
	nullAt(/^\/fields\/\d+\/length$/),
];

export const NOTE_DELETE_DETAILS: Excuse = {
	why: 'OAS conformance: a delete answers only the id',
	keyword: 'required',
	path: /^\/data\/\d+\/details$/,
	missing: ['Modified_Time', 'Modified_By', 'Created_Time', 'Created_By'],
};

/** `nullAt(path)` when the body holds a null at a JSON pointer matching `path`, else nothing. */
export function nullsFound(body: unknown, path: RegExp): Excuse[] {
	const hit = (node: unknown, at: string): boolean => {
		if (node === null) return path.test(at);
		if (typeof node !== 'object') return false;
		return Object.entries(node).some(([k, v]) => hit(v, `${at}/${k}`));
	};
	return hit(body, '') ? [nullAt(path)] : [];
}

/** `info` page-token keys that are null in this reply (Zoho's samples print an absent token as null). */
export function nullTokens(body: unknown, keys = ['next_page_token', 'previous_page_token', 'page_token_expiry']): Excuse[] {
	const info = (body as { info?: Record<string, unknown> } | undefined)?.info ?? {};
	return keys.filter((k) => info[k] === null).map((k) => nullAt(new RegExp(`^/info/${k}$`)));
}

const ENUMS = 'OAS conformance: error codes and messages outside the enums';
/** A message the operation's enum does not list (the simulator keeps record.json's wording). */
export const MESSAGE_NOT_IN_ENUM: Excuse = { why: ENUMS, keyword: 'enum', path: /^\/message$/ };

/**
 * DELETE /Notes with an unknown id: the item says "the id given seems to be invalid" (record.json)
 * where notes.json lists "record not deleted"; ajv reports the item against each listed exception.
 */
export const NOTE_UNKNOWN_ID: Excuse[] = [
	{ why: ENUMS, keyword: 'enum', path: /^\/data\/\d+\/(code|message)$/ },
	{ why: `${ENUMS} (other alternatives)`, keyword: 'required', path: /^\/data\/\d+\/details$/, missing: ['api_name', 'expected_data_type', 'maximum_length'] },
];

const WATCH = 'OAS conformance: actions/watch listing';
/** A field selection echoed as sent, under `at` (the listing's entry or a result event). */
const criteriaAsSent = (at: string): Excuse => ({
	why: `${WATCH} (Criteria requires all five keys on every node)`,
	keyword: 'required',
	path: new RegExp(`^${at}/notification_condition/\\d+/field_selection(/group/\\d+(/field)?)?$`),
	missing: ['comparator', 'field', 'value', 'group_operator', 'group', 'id'],
});
export const WATCH_LISTING: Excuse[] = [
	{ why: `${WATCH} (channel_id typed object)`, keyword: 'type', path: /^\/watch\/\d+\/channel_id$/ },
	{ why: `${WATCH} (sample notify_url pattern)`, keyword: 'pattern', path: /^\/watch\/\d+\/notify_url$/ },
	criteriaAsSent('/watch/\\d+'),
];
/** Result events repeat the channel's field selection as the listing shows it. */
export const WATCH_EVENT_CRITERIA: Excuse = criteriaAsSent('/watch/\\d+/details/events/\\d+');
