/**
 * The parts of Zoho's CRM v8 OpenAPI description (github.com/zoho/crm-oas, folder v8.0, commit
 * 45dff2cc9c69403c85b8a3642e7056528dc668d5) that the conformance tests check the simulator against.
 *
 * That repository carries no licence, so its files are not copied here. This is an encoding of the
 * checked shapes only: for each operation the simulator serves, the listed responses; for each schema
 * reached from them, its structural keywords (type, nullable, enum, format, pattern, required,
 * oneOf, items, $ref) and those properties that are required or that the simulator sends. Prose
 * (descriptions, examples) is left out. Properties the simulator never sends cannot change a
 * validation result (no schema here closes additionalProperties), so the check is as strict as one
 * against the full files. `check-transcription.ts` compares this encoding with a checkout of the
 * repository when CRM_OAS_DIR points at one (README.md says how to refresh it).
 */
export const OAS = {
	"users.json": {
		"components": {
			"schemas": {
				"profile": {
					"type": "object",
					"properties": {
						"name": {
							"type": "string"
						},
						"id": {
							"type": "string"
						}
					},
					"required": [
						"name",
						"id"
					]
				},
				"role": {
					"type": "object",
					"properties": {
						"name": {
							"type": "string"
						},
						"id": {
							"type": "string"
						}
					},
					"required": [
						"name",
						"id"
					]
				},
				"Minified_User": {
					"type": "object",
					"properties": {
						"name": {
							"type": "string"
						},
						"id": {
							"type": "string",
							"nullable": true
						},
						"email": {
							"type": "string"
						}
					},
					"required": [
						"name",
						"id"
					]
				},
				"owner": {
					"type": "object",
					"properties": {
						"name": {
							"type": "string",
							"nullable": true
						},
						"id": {
							"type": "string",
							"nullable": true
						},
						"last_name": {
							"type": "string",
							"nullable": true
						},
						"first_name": {
							"type": "string",
							"nullable": true
						}
					},
					"required": [
						"name",
						"id",
						"last_name",
						"first_name"
					]
				},
				"users": {
					"type": "object",
					"properties": {
						"id": {
							"type": "string",
							"nullable": true
						},
						"profile": {
							"$ref": "#/components/schemas/profile"
						},
						"role": {
							"$ref": "#/components/schemas/role"
						},
						"created_by": {
							"$ref": "#/components/schemas/Minified_User"
						},
						"full_name": {
							"type": "string"
						},
						"zuid": {
							"type": "string",
							"nullable": true
						},
						"status": {
							"type": "string"
						},
						"confirm": {
							"type": "boolean"
						},
						"time_zone": {
							"type": "object",
							"nullable": true
						},
						"last_name": {
							"type": "string",
							"pattern": "[A-Za-z0-9]",
							"nullable": true,
							"maxLength": 50
						},
						"Modified_Time": {
							"type": "string",
							"format": "date-time"
						},
						"email": {
							"type": "string",
							"pattern": "[a-z0-9]{9}[@][a-z0-9]{5}[.]com"
						},
						"first_name": {
							"type": "string",
							"pattern": "[A-Za-z0-9]",
							"maxLength": 50
						},
						"Modified_By": {
							"$ref": "#/components/schemas/owner"
						}
					}
				},
				"info": {
					"type": "object",
					"properties": {
						"per_page": {
							"type": "integer",
							"format": "int32",
							"nullable": true
						},
						"count": {
							"type": "integer",
							"format": "int32",
							"nullable": true
						},
						"page": {
							"type": "integer",
							"format": "int32",
							"nullable": true
						},
						"more_records": {
							"type": "boolean",
							"nullable": true
						}
					},
					"required": [
						"per_page",
						"count",
						"page",
						"more_records"
					]
				},
				"Response_Wrapper": {
					"type": "object",
					"properties": {
						"users": {
							"items": {
								"$ref": "#/components/schemas/users"
							},
							"type": "array"
						},
						"info": {
							"$ref": "#/components/schemas/info"
						}
					},
					"required": [
						"users",
						"info"
					]
				},
				"InvalidUrlDetails": {
					"type": "object",
					"properties": {
						"resource_path_index": {
							"type": "integer",
							"format": "int32"
						}
					},
					"required": [
						"resource_path_index"
					]
				},
				"InvalidUrlError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							]
						},
						"details": {
							"$ref": "#/components/schemas/InvalidUrlDetails"
						},
						"message": {
							"type": "string"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						}
					},
					"required": [
						"code",
						"details",
						"message",
						"status"
					]
				},
				"InvalidTypeDetais": {
					"type": "object",
					"properties": {
						"expected_data_type": {
							"type": "string"
						},
						"regex": {
							"type": "string"
						},
						"api_name": {
							"type": "string"
						},
						"json_path": {
							"type": "string"
						}
					},
					"required": [
						"expected_data_type",
						"regex",
						"api_name",
						"json_path"
					]
				},
				"InvalidTypeError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							]
						},
						"details": {
							"$ref": "#/components/schemas/InvalidTypeDetais"
						},
						"message": {
							"type": "string"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						}
					},
					"required": [
						"code",
						"details",
						"message",
						"status"
					]
				},
				"ErrorDetails1": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string"
						},
						"json_path": {
							"type": "string"
						}
					}
				},
				"ErrorDetails": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string"
						},
						"json_path": {
							"type": "string"
						}
					},
					"required": [
						"api_name",
						"json_path"
					]
				},
				"ExpectedFieldDetails": {
					"type": "object",
					"properties": {
						"expected_fields": {
							"items": {
								"$ref": "#/components/schemas/ErrorDetails"
							},
							"type": "array"
						}
					},
					"required": [
						"expected_fields"
					]
				},
				"MandatoryError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"MANDATORY_NOT_FOUND",
								"EXPECTED_FIELD_MISSING"
							]
						},
						"details": {
							"oneOf": [
								{
									"$ref": "#/components/schemas/ErrorDetails1"
								},
								{
									"$ref": "#/components/schemas/ExpectedFieldDetails"
								}
							]
						},
						"message": {
							"type": "string"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						}
					},
					"required": [
						"code",
						"details",
						"message",
						"status"
					]
				},
				"InvalidError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							]
						},
						"details": {
							"$ref": "#/components/schemas/ErrorDetails1"
						},
						"message": {
							"type": "string"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						}
					},
					"required": [
						"code",
						"details",
						"message",
						"status"
					]
				},
				"InvalidParamDetails": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string"
						}
					},
					"required": [
						"api_name"
					]
				},
				"InvalidParamError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"PATTERN_NOT_MATCHED"
							]
						},
						"message": {
							"type": "string"
						},
						"details": {
							"$ref": "#/components/schemas/InvalidParamDetails"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						}
					},
					"required": [
						"code",
						"message",
						"details",
						"status"
					]
				},
				"InternalError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"INTERNAL_SERVER_ERROR"
							]
						},
						"details": {
							"type": "object"
						},
						"message": {
							"type": "string"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						}
					},
					"required": [
						"code",
						"details",
						"message",
						"status"
					]
				}
			},
			"responses": {
				"Users": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/Response_Wrapper"
									}
								]
							}
						}
					}
				},
				"RErrorResponse": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/InvalidUrlError"
									},
									{
										"$ref": "#/components/schemas/InvalidTypeError"
									},
									{
										"$ref": "#/components/schemas/MandatoryError"
									},
									{
										"$ref": "#/components/schemas/InvalidError"
									},
									{
										"$ref": "#/components/schemas/InvalidParamError"
									}
								]
							}
						}
					}
				},
				"RInternalErrorResponse": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/InternalError"
									}
								]
							}
						}
					}
				}
			}
		},
		"paths": {
			"/crm/v8/users": {
				"get": {
					"responses": {
						"204": {},
						"200": {
							"$ref": "#/components/responses/Users"
						},
						"400": {
							"$ref": "#/components/responses/RErrorResponse"
						},
						"500": {
							"$ref": "#/components/responses/RInternalErrorResponse"
						}
					}
				}
			},
			"/crm/v8/users/{user}": {
				"get": {
					"responses": {
						"204": {},
						"200": {
							"$ref": "#/components/responses/Users"
						},
						"500": {
							"$ref": "#/components/responses/RInternalErrorResponse"
						}
					}
				}
			}
		}
	},
	"modules.json": {
		"components": {
			"schemas": {
				"Minified_Module": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string",
							"nullable": true
						},
						"id": {
							"type": "string",
							"nullable": true
						},
						"module": {
							"type": "string"
						}
					},
					"required": [
						"api_name",
						"id"
					]
				},
				"sharing_properties": {
					"type": "object",
					"properties": {}
				}
			}
		}
	},
	"fields.json": {
		"components": {
			"schemas": {
				"operation_type": {
					"type": "object",
					"properties": {
						"web_update": {
							"type": "boolean"
						},
						"api_create": {
							"type": "boolean"
						},
						"web_create": {
							"type": "boolean"
						},
						"api_update": {
							"type": "boolean"
						}
					},
					"required": [
						"web_update",
						"api_create",
						"web_create",
						"api_update"
					]
				},
				"layout_association": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string"
						},
						"name": {
							"type": "string"
						},
						"id": {
							"type": "string"
						}
					},
					"required": [
						"api_name",
						"name",
						"id"
					]
				},
				"email_parser": {
					"type": "object",
					"properties": {
						"fields_update_supported": {
							"type": "boolean",
							"nullable": true
						},
						"record_operations_supported": {
							"type": "boolean",
							"nullable": true
						}
					},
					"required": [
						"fields_update_supported",
						"record_operations_supported"
					]
				},
				"refer_from_field": {
					"type": "object",
					"properties": {
						"id": {
							"type": "string",
							"nullable": true
						},
						"api_name": {
							"type": "string",
							"nullable": true
						}
					},
					"required": [
						"id",
						"api_name"
					]
				},
				"file_upolad_option": {
					"type": "object",
					"properties": {
						"actual_value": {
							"type": "string",
							"nullable": true
						},
						"display_value": {
							"type": "string",
							"nullable": true
						}
					},
					"required": [
						"actual_value",
						"display_value"
					]
				},
				"profile": {
					"type": "object",
					"properties": {
						"name": {
							"type": "string",
							"nullable": true
						},
						"id": {
							"type": "string",
							"nullable": true
						},
						"permission_type": {
							"type": "string",
							"nullable": true
						}
					},
					"required": [
						"name",
						"id",
						"permission_type"
					]
				},
				"view_type": {
					"type": "object",
					"properties": {
						"view": {
							"type": "boolean",
							"nullable": true
						},
						"edit": {
							"type": "boolean",
							"nullable": true
						},
						"quick_create": {
							"type": "boolean",
							"nullable": true
						},
						"create": {
							"type": "boolean",
							"nullable": true
						}
					},
					"required": [
						"view",
						"edit",
						"quick_create",
						"create"
					]
				},
				"external": {
					"type": "object",
					"properties": {
						"show": {
							"type": "boolean",
							"nullable": true
						},
						"type": {
							"type": "string",
							"nullable": true
						}
					},
					"required": [
						"show",
						"type"
					]
				},
				"Convert_Mapping": {
					"type": "object",
					"properties": {}
				},
				"multiselectlookup": {
					"type": "object",
					"properties": {
						"display_label": {
							"type": "string",
							"nullable": true
						},
						"linking_module": {
							"$ref": "modules.json#/components/schemas/Minified_Module"
						},
						"connected_module": {
							"$ref": "modules.json#/components/schemas/Minified_Module"
						},
						"lookup_apiname": {
							"type": "string",
							"nullable": true
						},
						"api_name": {
							"type": "string",
							"nullable": true
						},
						"connectedfield_apiname": {
							"type": "string",
							"nullable": true
						},
						"connectedlookup_apiname": {
							"type": "string",
							"nullable": true
						},
						"id": {
							"type": "string",
							"nullable": true
						},
						"record_access": {
							"type": "boolean",
							"nullable": true
						}
					},
					"required": [
						"display_label",
						"linking_module",
						"connected_module",
						"lookup_apiname",
						"api_name",
						"connectedfield_apiname",
						"connectedlookup_apiname",
						"id",
						"record_access"
					]
				},
				"auto_number": {
					"type": "object",
					"properties": {
						"starting_number_length": {
							"type": "integer",
							"format": "int32"
						},
						"prefix": {
							"type": "string",
							"nullable": true
						},
						"suffix": {
							"type": "string",
							"nullable": true
						},
						"start_number": {
							"type": "integer",
							"format": "int32",
							"nullable": true
						}
					},
					"required": [
						"starting_number_length",
						"prefix",
						"suffix",
						"start_number"
					]
				},
				"pick_list_values": {
					"type": "object",
					"properties": {
						"colour_code": {
							"type": "string",
							"nullable": true
						},
						"actual_value": {
							"type": "string"
						},
						"type": {
							"type": "string",
							"enum": [
								"unused",
								"used"
							]
						},
						"id": {
							"type": "string"
						},
						"sequence_number": {
							"type": "integer",
							"format": "int32"
						},
						"display_value": {
							"type": "string"
						},
						"expected_data_type": {
							"type": "string"
						}
					},
					"required": [
						"colour_code",
						"actual_value",
						"type",
						"id",
						"sequence_number",
						"display_value"
					]
				},
				"crypt": {
					"type": "object",
					"properties": {
						"mode": {
							"type": "string",
							"nullable": true
						},
						"status": {
							"type": "integer",
							"format": "int32",
							"nullable": true
						}
					},
					"required": [
						"mode",
						"status"
					]
				},
				"tooltip": {
					"type": "object",
					"properties": {
						"name": {
							"type": "string"
						},
						"value": {
							"type": "string"
						}
					},
					"required": [
						"name",
						"value"
					]
				},
				"HistoryTrackingModule": {
					"type": "object",
					"properties": {
						"display_label": {
							"type": "string"
						},
						"api_name": {
							"type": "string"
						},
						"module": {
							"$ref": "#/components/schemas/HistoryTrackingModule"
						},
						"id": {
							"type": "string"
						}
					}
				},
				"history_tracking": {
					"type": "object",
					"properties": {
						"module": {
							"$ref": "#/components/schemas/HistoryTrackingModule"
						},
						"duration_configured_field": {
							"$ref": "modules.json#/components/schemas/Minified_Module"
						}
					},
					"required": [
						"module",
						"duration_configured_field"
					]
				},
				"association_details": {
					"type": "object",
					"properties": {
						"related_field": {
							"$ref": "modules.json#/components/schemas/Minified_Module"
						},
						"lookup_field": {
							"$ref": "modules.json#/components/schemas/Minified_Module"
						}
					},
					"required": [
						"related_field",
						"lookup_field"
					]
				},
				"hipaa_compliance": {
					"type": "object",
					"properties": {
						"restricted_in_export": {
							"type": "boolean",
							"nullable": true
						},
						"restricted": {
							"type": "boolean",
							"nullable": true
						}
					},
					"required": [
						"restricted_in_export",
						"restricted"
					]
				},
				"textarea": {
					"type": "object",
					"properties": {
						"type": {
							"type": "string"
						}
					}
				},
				"fields": {
					"type": "object",
					"properties": {
						"associated_module": {
							"$ref": "modules.json#/components/schemas/Minified_Module"
						},
						"data_type": {
							"type": "string"
						},
						"operation_type": {
							"$ref": "#/components/schemas/operation_type"
						},
						"system_mandatory": {
							"type": "boolean"
						},
						"webhook": {
							"type": "boolean"
						},
						"sequence_number": {
							"type": "integer",
							"format": "int32"
						},
						"blueprint_supported": {
							"type": "boolean"
						},
						"virtual_field": {
							"type": "boolean"
						},
						"field_read_only": {
							"type": "boolean"
						},
						"customizable_properties": {
							"type": "array",
							"items": {
								"type": "string"
							}
						},
						"read_only": {
							"type": "boolean"
						},
						"custom_field": {
							"type": "boolean"
						},
						"businesscard_supported": {
							"type": "boolean"
						},
						"filterable": {
							"type": "boolean"
						},
						"visible": {
							"type": "boolean"
						},
						"available_in_user_layout": {
							"type": "boolean"
						},
						"display_field": {
							"type": "boolean"
						},
						"pick_list_values_sorted_lexically": {
							"type": "boolean"
						},
						"sortable": {
							"type": "boolean"
						},
						"layout_associations": {
							"items": {
								"$ref": "#/components/schemas/layout_association"
							},
							"type": "array"
						},
						"separator": {
							"type": "boolean"
						},
						"searchable": {
							"type": "boolean"
						},
						"enable_colour_code": {
							"type": "boolean",
							"default": true
						},
						"mass_update": {
							"type": "boolean"
						},
						"json_type": {
							"type": "string"
						},
						"created_source": {
							"type": "string"
						},
						"type": {
							"type": "string"
						},
						"display_label": {
							"type": "string"
						},
						"column_name": {
							"type": "string"
						},
						"api_name": {
							"type": "string"
						},
						"display_type": {
							"type": "integer",
							"format": "int32"
						},
						"ui_type": {
							"type": "integer",
							"format": "int32"
						},
						"colour_code_enabled_by_system": {
							"type": "boolean",
							"nullable": true
						},
						"length": {
							"type": "integer",
							"format": "int32"
						},
						"decimal_place": {
							"type": "integer",
							"format": "int32",
							"nullable": true
						},
						"quick_sequence_number": {
							"type": "string"
						},
						"email_parser": {
							"$ref": "#/components/schemas/email_parser"
						},
						"rollup_summary": {
							"type": "object",
							"nullable": true
						},
						"refer_from_field": {
							"$ref": "#/components/schemas/refer_from_field"
						},
						"created_time": {
							"type": "string",
							"format": "date-time",
							"nullable": true
						},
						"modified_time": {
							"type": "string",
							"format": "date-time",
							"nullable": true
						},
						"show_type": {
							"type": "integer",
							"format": "int32"
						},
						"category": {
							"type": "integer",
							"format": "int32"
						},
						"id": {
							"type": "string"
						},
						"multi_module_lookup": {
							"type": "object",
							"nullable": true
						},
						"sharing_properties": {
							"$ref": "modules.json#/components/schemas/sharing_properties"
						},
						"currency": {
							"type": "object",
							"nullable": true
						},
						"file_upolad_optionlist": {
							"type": "array",
							"items": {
								"$ref": "#/components/schemas/file_upolad_option"
							}
						},
						"lookup": {
							"type": "object",
							"nullable": true
						},
						"profiles": {
							"type": "array",
							"items": {
								"$ref": "#/components/schemas/profile"
							}
						},
						"view_type": {
							"$ref": "#/components/schemas/view_type"
						},
						"unique": {
							"type": "object",
							"nullable": true
						},
						"sub_module": {
							"$ref": "modules.json#/components/schemas/Minified_Module"
						},
						"subform": {
							"type": "object",
							"nullable": true
						},
						"external": {
							"$ref": "#/components/schemas/external"
						},
						"formula": {
							"type": "object",
							"nullable": true
						},
						"convert_mapping": {
							"$ref": "#/components/schemas/Convert_Mapping"
						},
						"multiselectlookup": {
							"type": "object",
							"nullable": true
						},
						"multiuserlookup": {
							"$ref": "#/components/schemas/multiselectlookup"
						},
						"autonumber": {
							"$ref": "#/components/schemas/auto_number"
						},
						"auto_number": {
							"type": "object",
							"nullable": true
						},
						"pick_list_values": {
							"type": "array",
							"items": {
								"$ref": "#/components/schemas/pick_list_values"
							}
						},
						"crypt": {
							"$ref": "#/components/schemas/crypt"
						},
						"tooltip": {
							"$ref": "#/components/schemas/tooltip"
						},
						"history_tracking": {
							"$ref": "#/components/schemas/history_tracking"
						},
						"association_details": {
							"$ref": "#/components/schemas/association_details"
						},
						"allowed_modules": {
							"type": "array",
							"items": {
								"$ref": "modules.json#/components/schemas/Minified_Module"
							}
						},
						"additional_column": {
							"type": "string",
							"nullable": true
						},
						"field_label": {
							"type": "string"
						},
						"common.picklist": {
							"type": "object",
							"nullable": true
						},
						"hipaa_compliance_enabled": {
							"type": "boolean",
							"nullable": true
						},
						"hipaa_compliance": {
							"$ref": "#/components/schemas/hipaa_compliance"
						},
						"_update_existing_records": {
							"type": "boolean"
						},
						"number_separator": {
							"type": "boolean"
						},
						"textarea": {
							"$ref": "#/components/schemas/textarea"
						},
						"static_field": {
							"type": "boolean"
						}
					},
					"required": [
						"associated_module",
						"data_type",
						"operation_type",
						"system_mandatory",
						"webhook",
						"blueprint_supported",
						"virtual_field",
						"field_read_only",
						"customizable_properties",
						"read_only",
						"custom_field",
						"businesscard_supported",
						"filterable",
						"visible",
						"available_in_user_layout",
						"display_field",
						"pick_list_values_sorted_lexically",
						"sortable",
						"layout_associations",
						"separator",
						"searchable",
						"enable_colour_code",
						"mass_update",
						"json_type",
						"created_source",
						"type",
						"display_label",
						"column_name",
						"api_name",
						"display_type",
						"ui_type",
						"colour_code_enabled_by_system",
						"length",
						"decimal_place",
						"quick_sequence_number",
						"email_parser",
						"rollup_summary",
						"refer_from_field",
						"created_time",
						"modified_time",
						"show_type",
						"category",
						"id",
						"multi_module_lookup",
						"sharing_properties",
						"currency",
						"file_upolad_optionlist",
						"lookup",
						"profiles",
						"view_type",
						"unique",
						"sub_module",
						"subform",
						"external",
						"formula",
						"convert_mapping",
						"multiselectlookup",
						"multiuserlookup",
						"autonumber",
						"auto_number",
						"pick_list_values",
						"crypt",
						"tooltip",
						"history_tracking",
						"association_details",
						"allowed_modules",
						"additional_column",
						"field_label",
						"common.picklist",
						"hipaa_compliance_enabled",
						"hipaa_compliance",
						"_update_existing_records",
						"number_separator",
						"textarea",
						"static_field"
					]
				},
				"Response_Wrapper": {
					"type": "object",
					"properties": {
						"fields": {
							"items": {
								"$ref": "#/components/schemas/fields"
							},
							"type": "array"
						}
					},
					"required": [
						"fields"
					]
				},
				"MandatoryError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"MANDATORY_NOT_FOUND"
							]
						},
						"message": {
							"type": "string"
						},
						"details": {
							"type": "object",
							"properties": {
								"api_name": {
									"type": "string"
								},
								"json_path": {
									"type": "string"
								}
							},
							"required": [
								"api_name",
								"json_path"
							]
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						}
					},
					"required": [
						"code",
						"message",
						"details",
						"status"
					]
				},
				"InvalidParamDetails": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string"
						}
					},
					"required": [
						"api_name"
					]
				},
				"empty": {
					"type": "object",
					"properties": {
						"dummy": {
							"type": "object",
							"nullable": true
						}
					},
					"required": [
						"dummy"
					]
				},
				"InvalidParamError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"INVALID_MODULE"
							]
						},
						"message": {
							"type": "string"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"details": {
							"oneOf": [
								{
									"$ref": "#/components/schemas/InvalidParamDetails"
								},
								{
									"$ref": "#/components/schemas/empty"
								}
							]
						}
					},
					"required": [
						"code",
						"message",
						"status",
						"details"
					]
				},
				"MandatoryParamDetails": {
					"type": "object",
					"properties": {
						"param_name": {
							"type": "string"
						}
					},
					"required": [
						"param_name"
					]
				},
				"MandatoryParamError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"REQUIRED_PARAM_MISSING"
							],
							"nullable": true
						},
						"message": {
							"type": "string",
							"nullable": true
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							],
							"nullable": true
						},
						"details": {
							"$ref": "#/components/schemas/MandatoryParamDetails"
						}
					},
					"required": [
						"code",
						"message",
						"status",
						"details"
					]
				},
				"InvalidTypeDetails": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string"
						},
						"json_path": {
							"type": "string"
						},
						"expected_data_type": {
							"type": "string"
						}
					},
					"required": [
						"api_name",
						"json_path",
						"expected_data_type"
					]
				},
				"InvalidTypeError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							]
						},
						"message": {
							"type": "string"
						},
						"details": {
							"$ref": "#/components/schemas/InvalidTypeDetails"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						}
					},
					"required": [
						"code",
						"message",
						"details",
						"status"
					]
				},
				"InvalidValueError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							],
							"nullable": true
						},
						"message": {
							"type": "string",
							"nullable": true
						},
						"details": {
							"type": "object",
							"properties": {
								"api_name": {
									"type": "string"
								},
								"json_path": {
									"type": "string"
								}
							},
							"required": [
								"api_name",
								"json_path"
							]
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							],
							"nullable": true
						}
					},
					"required": [
						"code",
						"message",
						"details",
						"status"
					]
				}
			},
			"responses": {
				"Fields": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/Response_Wrapper"
									}
								]
							}
						}
					}
				},
				"RRootResponse": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/MandatoryError"
									},
									{
										"$ref": "#/components/schemas/InvalidParamError"
									},
									{
										"$ref": "#/components/schemas/MandatoryParamError"
									},
									{
										"$ref": "#/components/schemas/InvalidTypeError"
									},
									{
										"$ref": "#/components/schemas/InvalidValueError"
									}
								]
							}
						}
					}
				}
			}
		},
		"paths": {
			"/crm/v8/settings/fields": {
				"get": {
					"responses": {
						"204": {},
						"200": {
							"$ref": "#/components/responses/Fields"
						},
						"400": {
							"$ref": "#/components/responses/RRootResponse"
						}
					}
				}
			}
		}
	},
	"related_lists.json": {
		"components": {
			"schemas": {
				"ModuleMap": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string",
							"nullable": true
						},
						"id": {
							"type": "string",
							"nullable": true
						}
					},
					"required": [
						"api_name",
						"id"
					]
				},
				"field": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string",
							"nullable": true
						},
						"id": {
							"type": "string",
							"nullable": true
						}
					},
					"required": [
						"api_name",
						"id"
					]
				},
				"related_list": {
					"type": "object",
					"properties": {
						"id": {
							"type": "string"
						},
						"sequence_number": {
							"type": "string",
							"nullable": true
						},
						"display_label": {
							"type": "string",
							"nullable": true
						},
						"api_name": {
							"type": "string",
							"nullable": true
						},
						"module": {
							"$ref": "#/components/schemas/ModuleMap"
						},
						"name": {
							"type": "string",
							"nullable": true
						},
						"action": {
							"type": "string",
							"nullable": true
						},
						"href": {
							"type": "string",
							"nullable": true
						},
						"type": {
							"type": "string",
							"nullable": true
						},
						"customize_sort": {
							"type": "boolean",
							"nullable": true
						},
						"customize_fields": {
							"type": "boolean",
							"nullable": true
						},
						"customize_display_label": {
							"type": "boolean",
							"nullable": true
						},
						"sort_by": {
							"$ref": "#/components/schemas/field"
						},
						"sort_order": {
							"type": "string",
							"nullable": true
						},
						"fields": {
							"type": "array",
							"items": {
								"$ref": "#/components/schemas/field"
							}
						},
						"status": {
							"type": "string",
							"enum": [
								"visible",
								"scheduled_for_deletion",
								"user_hidden"
							]
						}
					},
					"required": [
						"id",
						"sequence_number",
						"display_label",
						"api_name",
						"module",
						"name",
						"action",
						"href",
						"type",
						"visible",
						"customize_sort",
						"customize_fields",
						"customize_display_label",
						"sort_by",
						"sort_order",
						"fields",
						"status"
					]
				},
				"Response_Wrapper": {
					"type": "object",
					"properties": {
						"related_lists": {
							"items": {
								"$ref": "#/components/schemas/related_list"
							},
							"type": "array"
						}
					},
					"required": [
						"related_lists"
					]
				},
				"InvalidParamError": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_MODULE"
							]
						},
						"message": {
							"type": "string"
						},
						"details": {
							"type": "object",
							"properties": {
								"param": {
									"type": "string"
								}
							},
							"required": [
								"param"
							]
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				}
			},
			"responses": {
				"RelatedLists": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/Response_Wrapper"
									}
								]
							}
						}
					}
				},
				"ErrorResponse": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/InvalidParamError"
									},
									{
										"$ref": "common.json#/components/schemas/MandatoryParamError"
									}
								]
							}
						}
					}
				}
			}
		},
		"paths": {
			"/crm/v8/settings/related_lists": {
				"get": {
					"responses": {
						"204": {},
						"200": {
							"$ref": "#/components/responses/RelatedLists"
						},
						"400": {
							"$ref": "#/components/responses/ErrorResponse"
						}
					}
				}
			}
		}
	},
	"common.json": {
		"components": {
			"schemas": {
				"ParamDetails": {
					"type": "object",
					"properties": {
						"param_name": {
							"type": "string"
						},
						"param": {
							"type": "string"
						}
					},
					"required": [
						"param_name",
						"param"
					]
				},
				"MandatoryParamError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"REQUIRED_PARAM_MISSING"
							],
							"nullable": true
						},
						"message": {
							"type": "string",
							"nullable": true
						},
						"details": {
							"$ref": "#/components/schemas/ParamDetails"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							],
							"nullable": true
						}
					},
					"required": [
						"code",
						"message",
						"details",
						"status"
					]
				},
				"BodyErrorDetails": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string"
						},
						"json_path": {
							"type": "string"
						}
					},
					"required": [
						"api_name",
						"json_path"
					]
				},
				"MandatoryError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"MANDATORY_NOT_FOUND"
							]
						},
						"message": {
							"type": "string"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"details": {
							"$ref": "#/components/schemas/BodyErrorDetails"
						}
					},
					"required": [
						"code",
						"message",
						"status",
						"details"
					]
				},
				"InvalidValueDetails": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string"
						},
						"json_path": {
							"type": "string"
						}
					},
					"required": [
						"api_name",
						"json_path"
					]
				},
				"SupportedValueDetails": {
					"type": "object",
					"properties": {
						"supported_values": {
							"type": "array",
							"items": {
								"type": "string"
							}
						},
						"api_name": {
							"type": "string"
						},
						"json_path": {
							"type": "string"
						}
					},
					"required": [
						"supported_values",
						"api_name",
						"json_path"
					]
				},
				"InvalidValueError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							],
							"nullable": true
						},
						"message": {
							"type": "string",
							"nullable": true
						},
						"details": {
							"oneOf": [
								{
									"$ref": "#/components/schemas/BodyErrorDetails"
								},
								{
									"$ref": "#/components/schemas/InvalidValueDetails"
								},
								{
									"$ref": "#/components/schemas/SupportedValueDetails"
								}
							]
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							],
							"nullable": true
						}
					},
					"required": [
						"code",
						"message",
						"details",
						"status"
					]
				},
				"InvalidTypeDetails": {
					"type": "object",
					"properties": {
						"expected_data_type": {
							"type": "string"
						},
						"api_name": {
							"type": "string"
						},
						"json_path": {
							"type": "string"
						}
					},
					"required": [
						"expected_data_type",
						"api_name",
						"json_path"
					]
				},
				"InvalidType": {
					"type": "object",
					"properties": {
						"expected_data_type": {
							"type": "string"
						},
						"api_name": {
							"type": "string"
						},
						"json_path": {
							"type": "string"
						}
					},
					"required": [
						"expected_data_type",
						"api_name",
						"json_path"
					]
				},
				"InvalidTypeError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							]
						},
						"message": {
							"type": "string"
						},
						"details": {
							"oneOf": [
								{
									"$ref": "#/components/schemas/InvalidTypeDetails"
								},
								{
									"$ref": "#/components/schemas/InvalidType"
								}
							]
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						}
					},
					"required": [
						"code",
						"message",
						"details",
						"status"
					]
				}
			}
		}
	},
	"timelines.json": {
		"components": {
			"schemas": {
				"Name_Id_Structure": {
					"type": "object",
					"properties": {
						"name": {
							"type": "string"
						},
						"id": {
							"type": "string"
						}
					}
				},
				"Related_Record": {
					"type": "object",
					"properties": {
						"name": {
							"type": "string"
						},
						"id": {
							"type": "string"
						},
						"module": {
							"$ref": "#/components/schemas/Name_Id_Structure"
						}
					}
				},
				"Automation_Detail": {
					"type": "object",
					"properties": {
						"type": {
							"type": "string"
						}
					}
				},
				"Record": {
					"type": "object",
					"properties": {
						"name": {
							"type": "string"
						},
						"id": {
							"type": "string"
						},
						"module": {
							"type": "object",
							"properties": {
								"api_name": {
									"type": "string"
								},
								"id": {
									"type": "string"
								}
							}
						}
					}
				},
				"Picklist_Detail": {
					"type": "object",
					"properties": {
						"display_value": {
							"type": "string"
						},
						"sequence_number": {
							"type": "integer",
							"format": "int32"
						},
						"actual_value": {
							"type": "string"
						},
						"id": {
							"type": "string"
						},
						"type": {
							"type": "string"
						}
					}
				},
				"Field_History": {
					"type": "object",
					"properties": {
						"data_type": {
							"type": "string"
						},
						"pick_list_values": {
							"items": {
								"$ref": "#/components/schemas/Picklist_Detail"
							},
							"type": "array"
						},
						"field_label": {
							"type": "string"
						},
						"api_name": {
							"type": "string"
						},
						"id": {
							"type": "string"
						},
						"_value": {
							"type": "object",
							"properties": {
								"new": {
									"type": "string"
								},
								"old": {
									"type": "string"
								}
							}
						}
					}
				},
				"Timeline": {
					"type": "object",
					"properties": {
						"audited_time": {
							"type": "string",
							"format": "date-time"
						},
						"action": {
							"type": "string"
						},
						"id": {
							"type": "string"
						},
						"source": {
							"type": "string"
						},
						"extension": {
							"type": "string"
						},
						"type": {
							"type": "string"
						},
						"done_by": {
							"$ref": "#/components/schemas/Name_Id_Structure"
						},
						"related_record": {
							"$ref": "#/components/schemas/Related_Record"
						},
						"automation_details": {
							"$ref": "#/components/schemas/Automation_Detail"
						},
						"record": {
							"$ref": "#/components/schemas/Record"
						},
						"field_history": {
							"items": {
								"$ref": "#/components/schemas/Field_History"
							},
							"type": "array"
						}
					}
				},
				"info": {
					"type": "object",
					"properties": {
						"per_page": {
							"type": "integer",
							"format": "int32"
						},
						"page": {
							"type": "integer",
							"format": "int32"
						},
						"count": {
							"type": "integer",
							"format": "int32"
						},
						"more_records": {
							"type": "boolean"
						},
						"next_page_token": {
							"type": "string"
						},
						"previous_page_token": {
							"type": "string"
						}
					}
				},
				"Response_Wrapper": {
					"type": "object",
					"properties": {
						"__timeline": {
							"items": {
								"$ref": "#/components/schemas/Timeline"
							},
							"type": "array"
						},
						"info": {
							"$ref": "#/components/schemas/info"
						}
					}
				},
				"INVALID_MODULE": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_MODULE"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"the module name given seems to be invalid"
							]
						},
						"details": {
							"type": "object",
							"properties": {}
						}
					}
				},
				"INVALID_ID": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"the related id given seems to be invalid"
							]
						},
						"details": {
							"type": "object",
							"properties": {}
						}
					}
				},
				"INVALID_FILTER": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"the relation name given seems to be invalid"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"param_name": {
									"type": "string"
								}
							}
						}
					}
				}
			}
		},
		"paths": {
			"/crm/v8/{module}/{record_id}/__timeline": {
				"get": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/Response_Wrapper"
											}
										]
									}
								}
							}
						},
						"400": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/INVALID_MODULE"
											},
											{
												"$ref": "#/components/schemas/INVALID_ID"
											},
											{
												"$ref": "#/components/schemas/INVALID_FILTER"
											}
										]
									}
								}
							}
						}
					}
				}
			}
		}
	},
	"record.json": {
		"components": {
			"schemas": {
				"Record": {
					"type": "object",
					"properties": {
						"id": {
							"type": "string"
						},
						"Created_By": {
							"$ref": "users.json#/components/schemas/Minified_User"
						},
						"Created_Time": {
							"type": "string",
							"format": "date-time"
						},
						"Modified_By": {
							"$ref": "users.json#/components/schemas/Minified_User"
						},
						"Modified_Time": {
							"type": "string",
							"format": "date-time"
						},
						"name": {
							"type": "string"
						}
					},
					"additionalProperties": true
				},
				"Info": {
					"type": "object",
					"properties": {
						"per_page": {
							"type": "integer",
							"format": "int32"
						},
						"next_page_token": {
							"type": "string"
						},
						"count": {
							"type": "integer",
							"format": "int32"
						},
						"page": {
							"type": "integer",
							"format": "int32"
						},
						"previous_page_token": {
							"type": "string"
						},
						"page_token_expiry": {
							"type": "string",
							"format": "date-time"
						},
						"email": {
							"type": "boolean"
						},
						"more_records": {
							"type": "boolean"
						},
						"sort_by": {
							"type": "string"
						},
						"sort_order": {
							"type": "string"
						}
					}
				},
				"Response_Wrapper": {
					"type": "object",
					"properties": {
						"data": {
							"items": {
								"$ref": "#/components/schemas/Record"
							},
							"type": "array"
						},
						"info": {
							"$ref": "#/components/schemas/Info"
						}
					}
				},
				"API_Exception": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"DUPLICATE_DATA",
								"RECORD_IN_BLUEPRINT",
								"PATTERN_NOT_MATCHED",
								"ID_ALREADY_CONVERTED",
								"DEPENDENT_FIELD_MISSING",
								"NO_CONTENT",
								"RECORD_LOCKED",
								"TERRITORY_NOT_ENABLED",
								"MANDATORY_NOT_FOUND",
								"INVALID_MODULE",
								"FEATURE_NOT_SUPPORTED",
								"AUTHENTICATION_FAILURE",
								"INVALID_DATA",
								"NO_RECORDS_FOUND",
								"LIMIT_EXCEEDED",
								"DATA_MISMATCH",
								"INVALID_QUERY",
								"NO_PERMISSION",
								"OAUTH_SCOPE_MISMATCH",
								"INVALID_URL_PATTERN",
								"NOT_FOUND",
								"INTERNAL_ERROR",
								"NOT_ALLOWED",
								"ALREADY_USED",
								"FILE_SIZE_MORE_THAN_ALLOWED_SIZE",
								"MAPPING_MISMATCH",
								"LIMIT_REACHED",
								"NOT_SUPPORTED",
								"CANNOT_PERFORM_ACTION",
								"CANNOT_PROCESS",
								"INVALID_REQUEST_METHOD",
								"INVALID_TOKEN",
								"REQUIRED_PARAM_MISSING",
								"CANNOT_DELETE",
								"ALREADY_SCHEDULED",
								"STORAGE_SPACE_EXCEEDED",
								"NOT_APPROVED",
								"EXPECTED_FIELD_MISSING",
								"CONVERTED_RECORD",
								"Not Modified"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"Maximum lookup field limit in criteria exceeded",
								"Scheduled Mass Operation feature is not available in your edition",
								"permission denied",
								"mandatory param missing",
								"Record count exceeded",
								"given id is invalid",
								"no permission to perform an action on this record",
								"body",
								"The http request method type is not a valid one",
								"The record is in blue print",
								"The module name given seems to be invalid",
								"invalid oauth token",
								"the id given seems to be invalid.",
								"One of the expected parameter is missing",
								"Already a Mass Action scheduler is running for the given cvid",
								"duplicate data",
								"record not deleted",
								"Specify Atleast one field",
								"required field not found",
								"Field cannot be updated as it is associated with a layout rule.This field cannot be updated in the Mass Update",
								"Record insertion limit for Image upload field has been exceeded.",
								"Please check if the URL trying to access is a correct one",
								"Authentication failed",
								"no record found to update",
								"Internal server error occurred.",
								"duplicate territory id found",
								"No field found",
								"Please check whether the input values are correct",
								"the territory feature is not enabled",
								"Empty response",
								"Field Edit Permission not given",
								"give contact id is mismatched with the data",
								"There is no data for the ID specified or there is no matching record in the given module.",
								"The external ID of the lookup field or the Price Book is incorrect",
								"Invalid Sequence Number",
								"Territory is not supported for the given module",
								"User has no permission to assign this territory",
								"The value of the external field is invalid.",
								"id already converted",
								"Dependent Fields missing",
								"record not deletable",
								"the id given seems to be invalid",
								"Max field limit exceeded",
								"The image format is invalid.",
								"give account id is mismatched with the data",
								"Field is not visible",
								"Given Territory id already exists for that record",
								"The record is not approved",
								"record not approved",
								"Record insertion limit has been exceeded.",
								"can't update the converted record",
								"invalid data",
								"Territory id which you are trying to remove was system assigned",
								"Maximum limit of territories for that record exceeds",
								"the given id seems to be invalid",
								"Already an Mass Action scheduler is runing for the given cvid",
								"Layout doesn't contain the Pipeline",
								"The external field contains duplicate data.",
								"The record is in stop processing",
								"Customview not accessible",
								"invalid query formed",
								"Pipeline doesn't contain the Stage",
								"The record under merge is locked",
								"Given Probability is not valid",
								"Field cannot be updated in Scheduled Mass Update",
								"Field cannot be updated as it is associated with a validation rule."
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"param_name": {
									"type": "string"
								},
								"api_name": {
									"type": "string"
								},
								"id": {
									"type": "string"
								},
								"module": {
									"type": "string"
								},
								"expected_data_type": {
									"type": "string"
								},
								"maximum_length": {
									"type": "string"
								},
								"operator": {
									"type": "string"
								},
								"json_path": {
									"type": "string"
								}
							}
						}
					}
				},
				"File_Body_Wrapper": {
					"type": "object",
					"properties": {}
				},
				"Success_Response": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"success"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"SUCCESS"
							]
						},
						"duplicate_field": {
							"type": "string"
						},
						"action": {
							"type": "string",
							"enum": [
								"insert",
								"update"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"record updated",
								"Photo deleted",
								"photo uploaded successfully",
								"the territories data updated successfully",
								"record deleted",
								"The record has been converted successfully",
								"record added",
								"the territories are removed successfully"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"Modified_Time": {
									"type": "string",
									"format": "date-time"
								},
								"Modified_By": {
									"$ref": "users.json#/components/schemas/Minified_User"
								},
								"Created_Time": {
									"type": "string",
									"format": "date-time"
								},
								"id": {
									"type": "string"
								},
								"Created_By": {
									"$ref": "users.json#/components/schemas/Minified_User"
								}
							}
						}
					}
				},
				"Deleted_Record": {
					"type": "object",
					"properties": {
						"deleted_by": {
							"$ref": "users.json#/components/schemas/Minified_User"
						},
						"id": {
							"type": "string"
						},
						"display_name": {
							"type": "string"
						},
						"type": {
							"type": "string"
						},
						"created_by": {
							"$ref": "users.json#/components/schemas/Minified_User"
						},
						"deleted_time": {
							"type": "string",
							"format": "date-time"
						}
					}
				},
				"Deleted_Records_Wrapper": {
					"type": "object",
					"properties": {
						"data": {
							"items": {
								"$ref": "#/components/schemas/Deleted_Record"
							},
							"type": "array"
						},
						"info": {
							"$ref": "#/components/schemas/Info"
						}
					}
				}
			}
		},
		"paths": {
			"/crm/v8/{module_api_name}": {
				"get": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/Response_Wrapper"
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				},
				"post": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																},
																{
																	"$ref": "#/components/schemas/API_Exception"
																}
															]
														},
														"type": "array"
													}
												}
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				},
				"put": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																},
																{
																	"$ref": "#/components/schemas/API_Exception"
																}
															]
														},
														"type": "array"
													}
												}
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				},
				"delete": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																},
																{
																	"$ref": "#/components/schemas/API_Exception"
																}
															]
														},
														"type": "array"
													}
												}
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				}
			},
			"/crm/v8/{module_api_name}/{id}": {
				"get": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/Response_Wrapper"
											},
											{
												"$ref": "#/components/schemas/File_Body_Wrapper"
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				},
				"put": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																},
																{
																	"$ref": "#/components/schemas/API_Exception"
																}
															]
														},
														"type": "array"
													}
												}
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				},
				"delete": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																},
																{
																	"$ref": "#/components/schemas/API_Exception"
																}
															]
														},
														"type": "array"
													}
												}
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				}
			},
			"/crm/v8/{module_api_name}/upsert": {
				"post": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																},
																{
																	"$ref": "#/components/schemas/API_Exception"
																}
															]
														},
														"type": "array"
													}
												}
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				}
			},
			"/crm/v8/{module_api_name}/deleted": {
				"get": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/Deleted_Records_Wrapper"
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				}
			},
			"/crm/v8/{module_api_name}/search": {
				"get": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/Response_Wrapper"
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				}
			}
		}
	},
	"module_search.json": {
		"components": {
			"schemas": {
				"Record": {
					"type": "object",
					"properties": {
						"id": {
							"type": "string",
							"nullable": true
						}
					},
					"required": [
						"id"
					]
				},
				"Response_Wrapper": {
					"type": "object",
					"properties": {
						"data": {
							"type": "array",
							"items": {
								"$ref": "#/components/schemas/Record"
							}
						}
					},
					"required": [
						"data"
					]
				},
				"Invalid_Request": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_REQUEST"
							]
						},
						"message": {
							"type": "string"
						},
						"details": {
							"type": "object"
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				},
				"Mandatory_Param_Missing": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"EXPECTED_PARAM_MISSING"
							]
						},
						"message": {
							"type": "string"
						},
						"details": {
							"type": "object",
							"properties": {
								"param_names": {
									"type": "array",
									"items": {
										"type": "string"
									}
								}
							},
							"required": [
								"param_names"
							]
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				},
				"Invlaid_Value_URL": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_MODULE"
							]
						},
						"message": {
							"type": "string"
						},
						"details": {
							"type": "object",
							"properties": {
								"resource_path_index": {
									"type": "integer",
									"format": "int32"
								}
							},
							"required": [
								"resource_path_index"
							]
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				},
				"querytype": {
					"type": "object",
					"properties": {
						"expected_data_type": {
							"type": "string"
						},
						"reason": {
							"type": "string"
						},
						"api_name": {
							"type": "string"
						}
					},
					"required": [
						"expected_data_type",
						"reason",
						"api_name"
					]
				},
				"queryoperator": {
					"type": "object",
					"properties": {
						"operator": {
							"type": "string"
						},
						"reason": {
							"type": "string"
						},
						"api_name": {
							"type": "string"
						}
					},
					"required": [
						"operator",
						"reason",
						"api_name"
					]
				},
				"queryname": {
					"type": "object",
					"properties": {
						"reason": {
							"type": "string"
						},
						"api_name": {
							"type": "string"
						}
					},
					"required": [
						"reason",
						"api_name"
					]
				},
				"queryvalue": {
					"type": "object",
					"properties": {
						"reason": {
							"type": "string"
						},
						"api_name": {
							"type": "string"
						},
						"value": {
							"type": "string"
						}
					},
					"required": [
						"reason",
						"api_name",
						"value"
					]
				},
				"InvalidQuery": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_QUERY"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"the field in restricted in GDPR",
								"the field in restricted in Hipaa",
								"Invalid query formed"
							]
						},
						"details": {
							"oneOf": [
								{
									"$ref": "#/components/schemas/querytype"
								},
								{
									"$ref": "#/components/schemas/queryoperator"
								},
								{
									"$ref": "#/components/schemas/queryname"
								},
								{
									"$ref": "#/components/schemas/queryvalue"
								}
							]
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				},
				"InvalidQuery_NoReason": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_QUERY"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"Only 100 values are allowed in \"IN\" criteria",
								"Invalid query formed"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"api_name": {
									"type": "string"
								},
								"param_name": {
									"type": "string"
								}
							},
							"required": [
								"api_name"
							]
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				},
				"Max_records": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"LIMIT_REACHED"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"maximum response iteration limit reached"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"limit": {
									"type": "string",
									"enum": [
										"2000"
									]
								}
							},
							"required": [
								"limit"
							]
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				},
				"Max_criteria": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"CRITERIA_LIMIT_EXCEEDED"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"no of criterium that can be given exceed the limit 15"
							]
						},
						"details": {
							"type": "object"
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				}
			},
			"responses": {
				"ErrorResponse": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/Invalid_Request"
									},
									{
										"$ref": "#/components/schemas/Mandatory_Param_Missing"
									},
									{
										"$ref": "#/components/schemas/Invlaid_Value_URL"
									},
									{
										"$ref": "#/components/schemas/InvalidQuery"
									},
									{
										"$ref": "#/components/schemas/InvalidQuery_NoReason"
									},
									{
										"$ref": "#/components/schemas/Max_records"
									},
									{
										"$ref": "#/components/schemas/Max_criteria"
									}
								]
							}
						}
					}
				}
			}
		},
		"paths": {
			"/crm/v8/{module}/search": {
				"get": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/Response_Wrapper"
											}
										]
									}
								}
							}
						},
						"400": {
							"$ref": "#/components/responses/ErrorResponse"
						}
					}
				}
			}
		}
	},
	"related_records.json": {
		"components": {
			"schemas": {
				"Response_Wrapper": {
					"type": "object",
					"properties": {
						"data": {
							"items": {
								"$ref": "record.json#/components/schemas/Record"
							},
							"type": "array"
						},
						"info": {
							"$ref": "record.json#/components/schemas/Info"
						}
					}
				},
				"API_Exception": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"NO_PERMISSION",
								"INVALID_URL_PATTERN",
								"INVALID_DATA",
								"INVALID_REQUEST_METHOD",
								"INVALID_TOKEN",
								"INTERNAL_ERROR",
								"CANNOT_BE_UPDATED"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"record not deleted",
								"invalid oauth token",
								"Please check if the URL trying to access is a correct one",
								"the related id given seems to be invalid",
								"Internal server error occurred.",
								"The relation name given seems to be invalid",
								"invalid data",
								"The http request method type is not a valid one"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"id": {
									"type": "string"
								},
								"param_name": {
									"type": "string"
								},
								"json_path": {
									"type": "string"
								}
							}
						}
					}
				}
			}
		},
		"paths": {
			"/crm/v8/{module_api_name}/{record_id}/{related_list_api_name}": {
				"get": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/Response_Wrapper"
											},
											{
												"$ref": "#/components/schemas/API_Exception"
											}
										]
									}
								}
							}
						}
					}
				}
			}
		}
	},
	"attachments.json": {
		"components": {
			"schemas": {
				"Parent_Id": {
					"type": "object",
					"properties": {
						"id": {
							"type": "string"
						},
						"name": {
							"type": "string"
						}
					},
					"required": [
						"id",
						"name"
					]
				},
				"Attachment": {
					"type": "object",
					"properties": {
						"Owner": {
							"$ref": "users.json#/components/schemas/Minified_User"
						},
						"Modified_By": {
							"$ref": "users.json#/components/schemas/Minified_User"
						},
						"Created_By": {
							"$ref": "users.json#/components/schemas/Minified_User"
						},
						"Parent_Id": {
							"$ref": "#/components/schemas/Parent_Id"
						},
						"id": {
							"type": "string"
						},
						"Modified_Time": {
							"type": "string",
							"format": "date-time"
						},
						"Created_Time": {
							"type": "string",
							"format": "date-time"
						},
						"File_Name": {
							"type": "string",
							"nullable": true
						},
						"Size": {
							"type": "string"
						},
						"$editable": {
							"type": "boolean"
						},
						"$file_id": {
							"type": "string"
						},
						"$type": {
							"type": "string"
						},
						"$se_module": {
							"type": "string"
						},
						"$state": {
							"type": "string"
						},
						"$link_url": {
							"type": "string",
							"nullable": true
						}
					},
					"required": [
						"Owner",
						"Modified_By",
						"Created_By",
						"Parent_Id",
						"id",
						"Modified_Time",
						"Created_Time",
						"File_Name",
						"Size",
						"$editable",
						"$file_id",
						"$type",
						"$se_module",
						"$state",
						"$link_url"
					]
				}
			}
		}
	},
	"notes.json": {
		"components": {
			"schemas": {
				"Parent_Id": {
					"type": "object",
					"properties": {
						"module": {
							"$ref": "modules.json#/components/schemas/Minified_Module"
						},
						"id": {
							"type": "string"
						},
						"name": {
							"type": "string"
						}
					}
				},
				"Note": {
					"type": "object",
					"properties": {
						"Modified_Time": {
							"type": "string",
							"format": "date-time"
						},
						"$attachments": {
							"type": "array",
							"items": {
								"$ref": "attachments.json#/components/schemas/Attachment"
							}
						},
						"Owner": {
							"$ref": "users.json#/components/schemas/Minified_User"
						},
						"Created_Time": {
							"type": "string",
							"format": "date-time"
						},
						"Parent_Id": {
							"$ref": "#/components/schemas/Parent_Id"
						},
						"$editable": {
							"type": "boolean"
						},
						"$is_shared_to_client": {
							"type": "boolean",
							"nullable": true
						},
						"Modified_By": {
							"$ref": "users.json#/components/schemas/Minified_User"
						},
						"$size": {
							"type": "string"
						},
						"$state": {
							"type": "string"
						},
						"$voice_note": {
							"type": "boolean"
						},
						"id": {
							"type": "string"
						},
						"Created_By": {
							"$ref": "users.json#/components/schemas/Minified_User"
						},
						"Note_Title": {
							"type": "string"
						},
						"Note_Content": {
							"type": "string"
						}
					},
					"required": [
						"Modified_Time",
						"$attachments",
						"Owner",
						"Created_Time",
						"Parent_Id",
						"$editable",
						"$is_shared_to_client",
						"Modified_By",
						"$size",
						"$state",
						"$voice_note",
						"id",
						"Created_By",
						"Note_Title",
						"Note_Content"
					]
				},
				"Info": {
					"type": "object",
					"properties": {
						"per_page": {
							"type": "integer",
							"format": "int32"
						},
						"next_page_token": {
							"type": "string"
						},
						"count": {
							"type": "integer",
							"format": "int32"
						},
						"sort_by": {
							"type": "string"
						},
						"page": {
							"type": "integer",
							"format": "int32"
						},
						"previous_page_token": {
							"type": "string"
						},
						"page_token_expiry": {
							"type": "string",
							"format": "date-time"
						},
						"sort_order": {
							"type": "string"
						},
						"more_records": {
							"type": "boolean"
						}
					}
				},
				"Response_Wrapper": {
					"type": "object",
					"properties": {
						"data": {
							"items": {
								"$ref": "#/components/schemas/Note"
							},
							"type": "array"
						},
						"info": {
							"$ref": "#/components/schemas/Info"
						}
					},
					"required": [
						"data"
					]
				},
				"error": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"INTERNAL_SERVER_ERROR"
							]
						},
						"details": {
							"type": "object"
						},
						"message": {
							"type": "string"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						}
					}
				},
				"Success_Response": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"SUCCESS"
							]
						},
						"status": {
							"type": "string",
							"enum": [
								"success"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"record updated",
								"record deleted",
								"record added"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"Modified_Time": {
									"type": "string",
									"format": "date-time"
								},
								"Modified_By": {
									"$ref": "users.json#/components/schemas/Minified_User"
								},
								"Created_Time": {
									"type": "string",
									"format": "date-time"
								},
								"id": {
									"type": "string"
								},
								"Created_By": {
									"$ref": "users.json#/components/schemas/Minified_User"
								}
							},
							"required": [
								"Modified_Time",
								"Modified_By",
								"Created_Time",
								"id",
								"Created_By"
							]
						}
					},
					"required": [
						"code",
						"status",
						"message",
						"details"
					]
				},
				"Mandatory_API_Exception": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"MANDATORY_NOT_FOUND"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"required field not found"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"api_name": {
									"type": "string"
								}
							},
							"required": [
								"api_name"
							]
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				},
				"Invalid_Data_API_Exception": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"record not deleted"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"id": {
									"type": "string"
								}
							},
							"required": [
								"id"
							]
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				},
				"Expected_Data_API_Exception": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"invalid data"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"api_name": {
									"type": "string"
								},
								"expected_data_type": {
									"type": "string"
								}
							},
							"required": [
								"api_name",
								"expected_data_type"
							]
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				},
				"Max_Length_API_Exception": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"INVALID_DATA"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"invalid data"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"api_name": {
									"type": "string"
								},
								"maximum_length": {
									"type": "integer",
									"format": "int32"
								}
							},
							"required": [
								"api_name",
								"maximum_length"
							]
						}
					},
					"required": [
						"status",
						"code",
						"message",
						"details"
					]
				},
				"Note_API_Exception": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"NO_PERMISSION",
								"INVALID_URL_PATTERN",
								"NOT_SUPPORTED",
								"INVALID_DATA",
								"INVALID_REQUEST_METHOD",
								"REQUIRED_PARAM_MISSING",
								"INVALID_TOKEN",
								"INTERNAL_ERROR",
								"MANDATORY_NOT_FOUND"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"The module name given seems to be invalid",
								"record not deleted",
								"invalid oauth token",
								"Please check if the URL trying to access is a correct one",
								"One of the expected parameter is missing",
								"Internal server error occurred.",
								"the id given seems to be invalid",
								"The http request method type is not a valid one"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"api_name": {
									"type": "string"
								},
								"id": {
									"type": "string"
								},
								"json_path": {
									"type": "string"
								},
								"param_name": {
									"type": "string"
								}
							}
						}
					}
				}
			}
		},
		"paths": {
			"/crm/v8/Notes": {
				"get": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/Response_Wrapper"
											}
										]
									}
								}
							}
						},
						"400": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/error"
											}
										]
									}
								}
							}
						}
					}
				},
				"post": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																}
															]
														},
														"type": "array"
													}
												},
												"required": [
													"data"
												]
											}
										]
									}
								}
							}
						},
						"202": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Mandatory_API_Exception"
																},
																{
																	"$ref": "#/components/schemas/Invalid_Data_API_Exception"
																},
																{
																	"$ref": "#/components/schemas/Expected_Data_API_Exception"
																},
																{
																	"$ref": "#/components/schemas/Max_Length_API_Exception"
																}
															]
														},
														"type": "array"
													}
												},
												"required": [
													"data"
												]
											},
											{
												"$ref": "#/components/schemas/Mandatory_API_Exception"
											},
											{
												"$ref": "#/components/schemas/Invalid_Data_API_Exception"
											},
											{
												"$ref": "#/components/schemas/Expected_Data_API_Exception"
											},
											{
												"$ref": "#/components/schemas/Max_Length_API_Exception"
											}
										]
									}
								}
							}
						}
					}
				},
				"put": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																},
																{
																	"$ref": "#/components/schemas/Note_API_Exception"
																}
															]
														},
														"type": "array"
													}
												}
											},
											{
												"$ref": "#/components/schemas/Note_API_Exception"
											}
										]
									}
								}
							}
						}
					}
				},
				"delete": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																}
															]
														},
														"type": "array"
													}
												}
											}
										]
									}
								}
							}
						},
						"202": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Mandatory_API_Exception"
																},
																{
																	"$ref": "#/components/schemas/Invalid_Data_API_Exception"
																},
																{
																	"$ref": "#/components/schemas/Expected_Data_API_Exception"
																},
																{
																	"$ref": "#/components/schemas/Max_Length_API_Exception"
																}
															]
														},
														"type": "array"
													}
												}
											},
											{
												"$ref": "#/components/schemas/Mandatory_API_Exception"
											},
											{
												"$ref": "#/components/schemas/Invalid_Data_API_Exception"
											},
											{
												"$ref": "#/components/schemas/Expected_Data_API_Exception"
											},
											{
												"$ref": "#/components/schemas/Max_Length_API_Exception"
											}
										]
									}
								}
							}
						},
						"400": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Mandatory_API_Exception"
																},
																{
																	"$ref": "#/components/schemas/Invalid_Data_API_Exception"
																},
																{
																	"$ref": "#/components/schemas/Expected_Data_API_Exception"
																},
																{
																	"$ref": "#/components/schemas/Max_Length_API_Exception"
																}
															]
														},
														"type": "array"
													}
												}
											},
											{
												"$ref": "#/components/schemas/Mandatory_API_Exception"
											},
											{
												"$ref": "#/components/schemas/Invalid_Data_API_Exception"
											},
											{
												"$ref": "#/components/schemas/Expected_Data_API_Exception"
											},
											{
												"$ref": "#/components/schemas/Max_Length_API_Exception"
											}
										]
									}
								}
							}
						}
					}
				}
			},
			"/crm/v8/Notes/{id}": {
				"get": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/Response_Wrapper"
											}
										]
									}
								}
							}
						},
						"204": {},
						"400": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"$ref": "#/components/schemas/error"
											}
										]
									}
								}
							}
						}
					}
				},
				"put": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																},
																{
																	"$ref": "#/components/schemas/Note_API_Exception"
																}
															]
														},
														"type": "array"
													}
												}
											},
											{
												"$ref": "#/components/schemas/Note_API_Exception"
											}
										]
									}
								}
							}
						}
					}
				},
				"delete": {
					"responses": {
						"200": {
							"content": {
								"application/json": {
									"schema": {
										"oneOf": [
											{
												"type": "object",
												"properties": {
													"data": {
														"items": {
															"oneOf": [
																{
																	"$ref": "#/components/schemas/Success_Response"
																}
															]
														},
														"type": "array"
													}
												}
											}
										]
									}
								}
							}
						}
					}
				}
			}
		}
	},
	"notifications.json": {
		"components": {
			"schemas": {
				"Module": {
					"type": "object",
					"properties": {
						"api_name": {
							"type": "string"
						},
						"id": {
							"type": "string"
						}
					}
				},
				"Criteria": {
					"type": "object",
					"properties": {
						"comparator": {
							"type": "string",
							"nullable": true
						},
						"field": {
							"type": "object",
							"properties": {
								"api_name": {
									"type": "string",
									"nullable": true
								},
								"id": {
									"type": "string",
									"nullable": true
								}
							},
							"required": [
								"api_name",
								"id"
							]
						},
						"value": {
							"type": "object",
							"nullable": true
						},
						"group_operator": {
							"type": "string",
							"nullable": true
						},
						"group": {
							"items": {
								"$ref": "#/components/schemas/Criteria"
							},
							"type": "array"
						}
					},
					"required": [
						"comparator",
						"field",
						"value",
						"group_operator",
						"group"
					]
				},
				"notification_condition": {
					"type": "object",
					"properties": {
						"type": {
							"type": "string"
						},
						"module": {
							"$ref": "#/components/schemas/Module"
						},
						"field_selection": {
							"$ref": "#/components/schemas/Criteria"
						}
					},
					"required": [
						"module",
						"field_selection"
					]
				},
				"event": {
					"type": "object",
					"properties": {
						"resource_name": {
							"type": "string"
						},
						"channel_expiry": {
							"type": "string",
							"format": "date-time",
							"nullable": true
						},
						"resource_id": {
							"type": "string"
						},
						"resource_uri": {
							"type": "string"
						},
						"channel_id": {
							"type": "string"
						},
						"notification_condition": {
							"items": {
								"$ref": "#/components/schemas/notification_condition"
							},
							"type": "array"
						}
					},
					"required": [
						"resource_name",
						"channel_expiry",
						"resource_id",
						"resource_uri",
						"channel_id",
						"notification_condition"
					]
				},
				"Success_Response": {
					"type": "object",
					"properties": {
						"status": {
							"type": "string",
							"enum": [
								"success"
							]
						},
						"code": {
							"type": "string",
							"enum": [
								"SUCCESS"
							]
						},
						"message": {
							"type": "string",
							"enum": [
								"Successfully removed the subscribe details",
								"Successfully un-subscribed from actions-watch",
								"Successfully updated the subscribe details",
								"Successfully subscribed for actions-watch of the given module"
							]
						},
						"details": {
							"type": "object",
							"properties": {
								"events": {
									"items": {
										"$ref": "#/components/schemas/event"
									},
									"type": "array"
								},
								"resource_uri": {
									"type": "string"
								},
								"resource_id": {
									"type": "string"
								},
								"channel_id": {
									"type": "string"
								},
								"id": {
									"type": "string"
								}
							}
						}
					},
					"required": [
						"details"
					]
				},
				"SuccessWrapper": {
					"type": "object",
					"properties": {
						"watch": {
							"items": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/Success_Response"
									}
								]
							},
							"type": "array"
						}
					},
					"required": [
						"watch"
					]
				},
				"MandatoryWrapper": {
					"type": "object",
					"properties": {
						"watch": {
							"items": {
								"oneOf": [
									{
										"$ref": "common.json#/components/schemas/MandatoryError"
									}
								]
							},
							"type": "array"
						}
					},
					"required": [
						"watch"
					]
				},
				"InvalidValueWrapper": {
					"type": "object",
					"properties": {
						"watch": {
							"items": {
								"oneOf": [
									{
										"$ref": "common.json#/components/schemas/InvalidValueError"
									}
								]
							},
							"type": "array"
						}
					},
					"required": [
						"watch"
					]
				},
				"InvalidTypeWrapper": {
					"type": "object",
					"properties": {
						"watch": {
							"items": {
								"oneOf": [
									{
										"$ref": "common.json#/components/schemas/InvalidTypeError"
									}
								]
							},
							"type": "array"
						}
					},
					"required": [
						"watch"
					]
				},
				"InvalidParamError": {
					"type": "object",
					"properties": {
						"code": {
							"type": "string",
							"enum": [
								"NOT_SUBSCRIBED"
							]
						},
						"message": {
							"type": "string"
						},
						"status": {
							"type": "string",
							"enum": [
								"error"
							]
						},
						"details": {
							"type": "object"
						}
					},
					"required": [
						"code",
						"message",
						"status",
						"details"
					]
				},
				"InvalidParamWrapper": {
					"type": "object",
					"properties": {
						"watch": {
							"items": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/InvalidParamError"
									}
								]
							},
							"type": "array"
						}
					},
					"required": [
						"watch"
					]
				},
				"Notification": {
					"type": "object",
					"properties": {
						"channel_id": {
							"type": "object"
						},
						"notify_url": {
							"type": "string",
							"pattern": "www[.][a-z]{5}zoho[.]com"
						},
						"events": {
							"type": "array",
							"items": {
								"type": "string"
							}
						},
						"token": {
							"type": "string",
							"nullable": true
						},
						"fields": {
							"type": "object",
							"nullable": true
						},
						"notify_on_related_action": {
							"type": "boolean",
							"nullable": true
						},
						"return_affected_field_values": {
							"type": "boolean",
							"nullable": true
						},
						"resource_name": {
							"type": "string"
						},
						"channel_expiry": {
							"type": "string",
							"format": "date-time",
							"nullable": true
						},
						"resource_id": {
							"type": "string"
						},
						"resource_uri": {
							"type": "string"
						},
						"notification_condition": {
							"items": {
								"$ref": "#/components/schemas/notification_condition"
							},
							"type": "array"
						}
					}
				},
				"info": {
					"type": "object",
					"properties": {
						"per_page": {
							"type": "integer",
							"format": "int32",
							"nullable": true
						},
						"page": {
							"type": "integer",
							"format": "int32",
							"nullable": true
						},
						"count": {
							"type": "integer",
							"format": "int32",
							"nullable": true
						},
						"more_records": {
							"type": "boolean",
							"nullable": true
						}
					},
					"required": [
						"per_page",
						"page",
						"count",
						"more_records"
					]
				},
				"Response_Wrapper": {
					"type": "object",
					"properties": {
						"watch": {
							"items": {
								"$ref": "#/components/schemas/Notification"
							},
							"type": "array"
						},
						"info": {
							"$ref": "#/components/schemas/info"
						}
					},
					"required": [
						"watch",
						"info"
					]
				}
			},
			"responses": {
				"CreateSuccessResponse": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/SuccessWrapper"
									}
								]
							}
						}
					}
				},
				"WrappedErrorResponse": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/MandatoryWrapper"
									},
									{
										"$ref": "#/components/schemas/InvalidValueWrapper"
									},
									{
										"$ref": "#/components/schemas/InvalidTypeWrapper"
									},
									{
										"$ref": "#/components/schemas/InvalidParamWrapper"
									},
									{
										"$ref": "common.json#/components/schemas/MandatoryParamError"
									}
								]
							}
						}
					}
				},
				"Notification_Response": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/Response_Wrapper"
									}
								]
							}
						}
					}
				},
				"ErrorResponse": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "common.json#/components/schemas/MandatoryError"
									},
									{
										"$ref": "common.json#/components/schemas/InvalidValueError"
									},
									{
										"$ref": "common.json#/components/schemas/InvalidTypeError"
									},
									{
										"$ref": "common.json#/components/schemas/MandatoryParamError"
									}
								]
							}
						}
					}
				},
				"SuccessResponse": {
					"content": {
						"application/json": {
							"schema": {
								"oneOf": [
									{
										"$ref": "#/components/schemas/SuccessWrapper"
									}
								]
							}
						}
					}
				}
			}
		},
		"paths": {
			"/crm/v8/actions/watch": {
				"post": {
					"responses": {
						"201": {
							"$ref": "#/components/responses/CreateSuccessResponse"
						},
						"202": {
							"$ref": "#/components/responses/WrappedErrorResponse"
						}
					}
				},
				"get": {
					"responses": {
						"204": {},
						"200": {
							"$ref": "#/components/responses/Notification_Response"
						},
						"400": {
							"$ref": "#/components/responses/ErrorResponse"
						}
					}
				},
				"put": {
					"responses": {
						"200": {
							"$ref": "#/components/responses/SuccessResponse"
						},
						"400": {
							"$ref": "#/components/responses/ErrorResponse"
						},
						"202": {
							"$ref": "#/components/responses/WrappedErrorResponse"
						}
					}
				},
				"patch": {
					"responses": {
						"200": {
							"$ref": "#/components/responses/SuccessResponse"
						},
						"400": {
							"$ref": "#/components/responses/ErrorResponse"
						},
						"202": {
							"$ref": "#/components/responses/WrappedErrorResponse"
						}
					}
				},
				"delete": {
					"responses": {
						"200": {
							"$ref": "#/components/responses/SuccessResponse"
						},
						"400": {
							"$ref": "#/components/responses/ErrorResponse"
						},
						"202": {
							"$ref": "#/components/responses/WrappedErrorResponse"
						}
					}
				}
			}
		}
	}
} as const;

export type OasFile = keyof typeof OAS;
