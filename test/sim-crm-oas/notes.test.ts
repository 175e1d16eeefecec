/**
 * Notes (list, get, create, update, delete; a task's related notes) against zoho/crm-oas v8.0
 * notes.json and related_records.json. Real HTTP against the simulator.
 */
import { TASKS } from '../zoho-sim/seed-data';
import { type Client, dataOf, startSim } from '../sim-crm/helpers';
import { problems } from './conform';
import { NOTE_DELETE_DETAILS, NOTE_UNKNOWN_ID, nullAt, nullTokens } from './excuses';
import { OPS } from './ops';

const ALL_NOTE_FIELDS = 'Note_Title,Note_Content,Parent_Id,Owner,Created_Time,Modified_Time,Created_By,Modified_By';

/** A note without a title, and its `$size`, are null. */
const NOTE_NULLS = nullAt(/^\/data\/\d+\/(Note_Title|\$size)$/);

describe('CRM Notes against notes.json', () => {
	let c: Client;
	let noteId = '';
	beforeAll(async () => {
		c = await startSim();
		const r = await c.post(`/crm/v8/Tasks/${TASKS.plan.crmId}/Notes`, { data: [{ Note_Content: 'first comment' }] });
		noteId = String((dataOf(r)[0].details as { id: string }).id);
	});
	afterAll(async () => await c.sim.stop());

	it('GET /Notes and GET /Notes/{id} are a Response_Wrapper of Notes', async () => {
		const list = await c.get(`/crm/v8/Notes?fields=${ALL_NOTE_FIELDS}`);
		expect(list.status).toBe(200);
		expect(problems(list, OPS.getNotes, { excuses: [...nullTokens(list.body), NOTE_NULLS] })).toEqual([]);
		const one = await c.get(`/crm/v8/Notes/${noteId}`);
		expect(one.status).toBe(200);
		expect(problems(one, OPS.getNote, { excuses: [NOTE_NULLS] })).toEqual([]);
	});

	it("a task's notes (related list) are a Response_Wrapper", async () => {
		const r = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}/Notes?fields=${ALL_NOTE_FIELDS}`);
		expect(r.status).toBe(200);
		expect(problems(r, OPS.relatedRecords, { alt: 'Response_Wrapper' })).toEqual([]);
		// The related list answers the note itself too: checked against notes.json's Note as well.
		expect(problems(r, OPS.getNotes, { excuses: [NOTE_NULLS] })).toEqual([]);
	});

	it('POST /Notes answers data[] of Success_Response; failed items as the listed exceptions', async () => {
		const ok = await c.post('/crm/v8/Notes', { data: [{ Note_Content: 'via Notes', Parent_Id: { module: { api_name: 'Tasks' }, id: TASKS.plan.crmId } }] });
		expect(ok.status).toBe(201);
		expect(problems(ok, OPS.createNotes, { statusAs: { status: '200', why: 'CRM/OpenAPI conformance: write statuses' } })).toEqual([]);
		const missing = await c.post('/crm/v8/Notes', { data: [{ Note_Title: 'no content', Parent_Id: { module: { api_name: 'Tasks' }, id: TASKS.plan.crmId } }] });
		expect(missing.status).toBe(400);
		expect(problems(missing, OPS.createNotes, { alt: 0, statusAs: { status: '202', why: 'CRM/OpenAPI conformance: write statuses' } })).toEqual([]);
		const tooLong = await c.post('/crm/v8/Notes', { data: [{ Note_Title: 'x'.repeat(121), Note_Content: 'c', Parent_Id: { module: { api_name: 'Tasks' }, id: TASKS.plan.crmId } }] });
		expect(tooLong.status).toBe(400);
		expect(problems(tooLong, OPS.createNotes, { alt: 0, statusAs: { status: '202', why: 'CRM/OpenAPI conformance: write statuses' } })).toEqual([]);
	});

	it('PUT /Notes/{id} and PUT /Notes answer data[] of Success_Response / Note_API_Exception', async () => {
		const one = await c.put(`/crm/v8/Notes/${noteId}`, { data: [{ Note_Content: 'edited' }] });
		expect(one.status).toBe(200);
		expect(problems(one, OPS.updateNote, { alt: 0 })).toEqual([]);
		const bulk = await c.put('/crm/v8/Notes', { data: [{ id: noteId, Note_Content: 'edited again' }] });
		expect(problems(bulk, OPS.updateNotes, { alt: 0 })).toEqual([]);
	});

	it('DELETE /Notes/{id} and DELETE /Notes?ids= answer data[] of Success_Response; an unknown id as notes.json lists', async () => {
		const extra = await c.post(`/crm/v8/Tasks/${TASKS.plan.crmId}/Notes`, { data: [{ Note_Content: 'to delete' }] });
		const extraId = String((dataOf(extra)[0].details as { id: string }).id);
		const one = await c.del(`/crm/v8/Notes/${extraId}`);
		expect(one.status).toBe(200);
		expect(problems(one, OPS.deleteNote, { excuses: [NOTE_DELETE_DETAILS] })).toEqual([]);
		const many = await c.del(`/crm/v8/Notes?ids=${noteId}`);
		expect(many.status).toBe(200);
		expect(problems(many, OPS.deleteNotes, { excuses: [NOTE_DELETE_DETAILS] })).toEqual([]);
		const unknown = await c.del('/crm/v8/Notes?ids=4876876999999999999');
		expect(unknown.status).toBe(400);
		expect(problems(unknown, OPS.deleteNotes, { alt: 0, excuses: NOTE_UNKNOWN_ID })).toEqual([]);
	});
});
