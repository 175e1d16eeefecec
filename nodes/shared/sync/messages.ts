/**
 * The e-mail that tells a person their change was not applied — in Japanese and English, readable
 * without opening n8n: what was changed, what stays, why, and what to do.
 */
import type { SyncRefusal } from './engine';
import type { FieldId, Side } from './types';

export type Language = 'ja' | 'en' | 'both';

export interface RefusalLinks {
	crm: string;
	projects: string;
}

export interface Letter {
	subject: string;
	body: string;
}

const PRODUCT: Record<Side, string> = { crm: 'Zoho CRM', projects: 'Zoho Projects' };

const FIELD: Record<string, { ja: string; en: string }> = {
	subject: { ja: '件名', en: 'subject' },
	description: { ja: '詳細', en: 'description' },
	dueDate: { ja: '期限', en: 'due date' },
	priority: { ja: '優先度', en: 'priority' },
	status: { ja: 'ステータス (完了/再開)', en: 'status (completed/reopened)' },
	owner: { ja: '担当者', en: 'owner' },
};

const fieldLabel = (field: FieldId, lang: 'ja' | 'en') => FIELD[field]?.[lang] ?? field.replace(/^custom:/, '');

function show(value: string | null, field: FieldId, lang: 'ja' | 'en'): string {
	if (value === null || value === '') return lang === 'ja' ? '(空欄)' : '(empty)';
	if (field === 'status') return value === 'closed' ? (lang === 'ja' ? '完了' : 'completed') : lang === 'ja' ? '未完了 (再開)' : 'open (reopened)';
	return value;
}

function reasonJa(r: SyncRefusal): string {
	const f = r.facts;
	switch (r.rule) {
		case 'STRICT_PROJECT_DATE':
			return `プロジェクト「${f.project}」は期間固定プロジェクトです。タスクの日付はプロジェクトの期間 (${f.projectStart} ～ ${f.projectEnd}) 内にする必要があります。`;
		case 'SUBTASK_REOPEN_PARENT_CLOSED':
			return `このタスクは Zoho Projects ではタスク「${f.parent}」のサブタスクで、親タスクが完了しています。親タスクが完了している間はサブタスクを再開できません。`;
		case 'END_BEFORE_START':
			return `期限が Zoho Projects のタスクの開始日 (${f.startDate}) より前になります。`;
		case 'OWNER_NO_COUNTERPART':
			return `${f.email} のユーザーが ${PRODUCT[r.change.to]} にいないため、担当者を対応付けられません。`;
		case 'OWNER_NOT_IN_PROJECT':
			return `${f.email} のユーザーはこのタスクのプロジェクトのメンバーではありません。`;
		case 'NAME_TOO_LONG':
			return `件名が ${f.length} 文字あり、Zoho Projects のタスク名の上限 (${f.limit} 文字) を超えています。`;
		default:
			return '連携先のタスクが見つかりません (削除された可能性があります)。';
	}
}

function reasonEn(r: SyncRefusal): string {
	const f = r.facts;
	switch (r.rule) {
		case 'STRICT_PROJECT_DATE':
			return `The project "${f.project}" is a strict (fixed-duration) project: task dates must stay within the project's dates (${f.projectStart} to ${f.projectEnd}).`;
		case 'SUBTASK_REOPEN_PARENT_CLOSED':
			return `In Zoho Projects this task is a subtask of "${f.parent}", which is closed. A subtask cannot be reopened while its parent task is closed.`;
		case 'END_BEFORE_START':
			return `The due date would fall before the Zoho Projects task's start date (${f.startDate}).`;
		case 'OWNER_NO_COUNTERPART':
			return `${PRODUCT[r.change.to]} has no user with the e-mail ${f.email}, so the owner cannot be matched.`;
		case 'OWNER_NOT_IN_PROJECT':
			return `The user ${f.email} is not a member of this task's project.`;
		case 'NAME_TOO_LONG':
			return `The subject is ${f.length} characters long; Zoho Projects allows at most ${f.limit} characters in a task name.`;
		default:
			return 'The linked task could not be found (it may have been deleted).';
	}
}

function adviceJa(r: SyncRefusal): string {
	switch (r.rule) {
		case 'STRICT_PROJECT_DATE':
			return 'プロジェクトの期間内の日付を設定し直すか、プロジェクトの管理者に期間の変更を依頼してください。';
		case 'SUBTASK_REOPEN_PARENT_CLOSED':
			return '先に Zoho Projects で親タスクを再開してから、もう一度このタスクを再開してください。';
		case 'OWNER_NO_COUNTERPART':
		case 'OWNER_NOT_IN_PROJECT':
			return 'ユーザーを追加するか、別の担当者を選んでください。';
		default:
			return '内容を確認して、もう一度変更してください。';
	}
}

function adviceEn(r: SyncRefusal): string {
	switch (r.rule) {
		case 'STRICT_PROJECT_DATE':
			return "Pick a date within the project's dates, or ask the project's manager to change them.";
		case 'SUBTASK_REOPEN_PARENT_CLOSED':
			return 'Reopen the parent task in Zoho Projects first, then reopen this task again.';
		case 'OWNER_NO_COUNTERPART':
		case 'OWNER_NOT_IN_PROJECT':
			return 'Add the user, or choose another owner.';
		default:
			return 'Check the task and make the change again.';
	}
}

export function refusalLetter(r: SyncRefusal, task: string, links: RefusalLinks, lang: 'ja' | 'en'): Letter {
	const from = PRODUCT[r.change.from];
	const to = PRODUCT[r.change.to];
	const field = fieldLabel(r.field, lang);
	const attempted = show(r.change.value, r.field, lang);
	const kept = show(r.kept, r.field, lang);
	if (lang === 'ja') {
		const sourceNow = r.reverted ? `${from} の${field}も ${kept} に戻しました。` : `${from} の${field}は ${attempted} のままです。`;
		return {
			subject: `[Zoho 同期] タスク「${task}」の${field}の変更は ${to} に反映されませんでした`,
			body: [
				`${r.recipient.name ? `${r.recipient.name} 様` : 'ご担当者様'}`,
				'',
				`${from} でタスク「${task}」の${field}を ${attempted} に変更されましたが、この変更は ${to} に反映されませんでした。`,
				'',
				`理由: ${reasonJa(r)}`,
				'',
				`${to} の${field}は ${kept} のままです。${sourceNow}`,
				adviceJa(r),
				...closing(links, 'ja'),
			].join('\n'),
		};
	}
	const sourceNow = r.reverted ? `The ${field} in ${from} was set back to ${kept} as well.` : `The ${field} in ${from} is still ${attempted}.`;
	return {
		subject: `[Zoho sync] The ${field} change of "${task}" was not applied in ${to}`,
		body: [
			`${r.recipient.name ? `Hello ${r.recipient.name},` : 'Hello,'}`,
			'',
			`You changed the ${field} of the task "${task}" in ${from} to ${attempted}, but this change was not applied in ${to}.`,
			'',
			`Why: ${reasonEn(r)}`,
			'',
			`The ${field} in ${to} stays ${kept}. ${sourceNow}`,
			adviceEn(r),
			...closing(links, 'en'),
		].join('\n'),
	};
}

/** The links to both tasks and the signature every letter ends with. */
function closing(links: RefusalLinks, lang: 'ja' | 'en'): string[] {
	return lang === 'ja'
		? ['', `Zoho CRM のタスク: ${links.crm}`, `Zoho Projects のタスク: ${links.projects}`, '', '(このメールは n8n の Zoho Task Sync が送信しました)']
		: ['', `Zoho CRM task: ${links.crm}`, `Zoho Projects task: ${links.projects}`, '', '(Sent by Zoho Task Sync in n8n)'];
}

/** A letter in the chosen language; `both` puts Japanese first, then English, in one e-mail. */
function inLanguage(lang: Language, ja: Letter, en: Letter): Letter {
	if (lang === 'ja') return ja;
	if (lang === 'en') return en;
	return { subject: `${ja.subject} / ${en.subject}`, body: `${ja.body}\n\n---\n\n${en.body}` };
}

/** The refusal letter in the chosen language. */
export function composeLetter(r: SyncRefusal, task: string, links: RefusalLinks, lang: Language): Letter {
	if (lang !== 'both') return refusalLetter(r, task, links, lang);
	return inLanguage(lang, refusalLetter(r, task, links, 'ja'), refusalLetter(r, task, links, 'en'));
}

/** The e-mail for a link whose counterpart was deleted: the link is removed, nothing else is deleted. */
export function unlinkLetter(task: string, deleted: Side, links: RefusalLinks, lang: Language, recipientName?: string): Letter {
	const gone = PRODUCT[deleted];
	const ja: Letter = {
		subject: `[Zoho 同期] タスク「${task}」の ${gone} 側のタスクが削除されたため、連携を解除しました`,
		body: [
			recipientName ? `${recipientName} 様` : 'ご担当者様',
			'',
			`タスク「${task}」と連携していた ${gone} のタスクが見つかりません (削除された可能性があります)。`,
			'両方のタスクの連携を解除しました。もう一方のタスクは削除していません。',
			'必要であれば、もう一度「Zoho CRM に追加」/「Zoho Projects に追加」で連携してください。',
			...closing(links, 'ja'),
		].join('\n'),
	};
	const en: Letter = {
		subject: `[Zoho sync] The ${gone} task linked to "${task}" was deleted; the link was removed`,
		body: [
			recipientName ? `Hello ${recipientName},` : 'Hello,',
			'',
			`The ${gone} task linked to "${task}" no longer exists (it may have been deleted).`,
			'The two tasks are no longer linked. The other task was not deleted.',
			'Link them again with "Add to Zoho CRM" / "Add to Zoho Projects" if needed.',
			...closing(links, 'en'),
		].join('\n'),
	};
	return inLanguage(lang, ja, en);
}

/**
 * The e-mail for a CRM task whose link names a Projects task that is linked to another CRM task (a
 * copy of a linked task carries its link and sync state): nothing was written anywhere.
 */
export function linkedElsewhereLetter(task: string, owner: string, links: RefusalLinks, lang: Language, recipientName?: string): Letter {
	const ja: Letter = {
		subject: `[Zoho 同期] タスク「${task}」の変更を Zoho Projects に反映しませんでした (別のタスクと連携済み)`,
		body: [
			recipientName ? `${recipientName} 様` : 'ご担当者様',
			'',
			`Zoho CRM のタスク「${task}」は Zoho Projects のタスクと連携していますが、その Projects のタスクは別の CRM のタスク (ID ${owner}) と連携しています。`,
			'連携済みのタスクをコピーすると、連携の情報もコピーされます。どちらのタスクも変更していません。',
			'このタスクを Projects に別のタスクとして追加するには、連携の項目 (Zoho Projects Task) を空にしてから「Zoho Projects に追加」を実行してください。',
			...closing(links, 'ja'),
		].join('\n'),
	};
	const en: Letter = {
		subject: `[Zoho sync] "${task}" was not synced to Zoho Projects: its Projects task is linked to another CRM task`,
		body: [
			recipientName ? `Hello ${recipientName},` : 'Hello,',
			'',
			`The Zoho CRM task "${task}" links to a Zoho Projects task that is linked to another CRM task (ID ${owner}).`,
			'Copying a linked task copies its link too. Neither task was changed.',
			'To give this task its own Projects task, empty its link field (Zoho Projects Task), then use "Add to Zoho Projects".',
			...closing(links, 'en'),
		].join('\n'),
	};
	return inLanguage(lang, ja, en);
}
