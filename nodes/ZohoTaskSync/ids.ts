/**
 * Every id the Sync node puts into a Zoho URL is checked first (issue 12): Zoho's record, portal,
 * project, task, note and comment ids are long numbers, so anything else — a path (`../`), a query
 * (`?view_type=`), a 10,000-character string — is a per-item error naming the field and the value,
 * and no call is made with it.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { properties } from './description';

const ZOHO_ID = /^\d{1,25}$/;

const labelOf = (name: string) => properties.find((p) => p.name === name)?.displayName ?? name;

/** `value` as a Zoho id, or an error naming `label` and the value (shortened) and what to check. */
export function zohoId(node: INode, value: unknown, label: string, itemIndex: number): string {
	const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (ZOHO_ID.test(id)) return id;
	const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
	const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
	throw new NodeOperationError(node, text.trim() ? `${label}: "${shown}" is not a Zoho ID` : `${label} is empty`, {
		itemIndex,
		description: `A Zoho ID is a number of up to 25 digits. Check what fills ${label} (usually an expression reading the trigger's item).`,
	});
}

/** A required id parameter of the node. */
export function idParameter(this: IExecuteFunctions, name: string, itemIndex: number): string {
	return zohoId(this.getNode(), this.getNodeParameter(name, itemIndex, ''), labelOf(name), itemIndex);
}

/** An id parameter that may be left empty ('' then). */
export function optionalIdParameter(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '');
	return value === '' || value === null || value === undefined ? '' : zohoId(this.getNode(), value, labelOf(name), itemIndex);
}
