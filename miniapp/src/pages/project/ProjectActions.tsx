import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Textarea, View } from '@tarojs/components';
import {
  PROJECT_EVENT_LABELS,
  PROJECT_STATE_LABELS,
  projectMachine,
  revisionMachine,
  type FieldError,
  type ProjectDetailDto,
  type ProjectDto,
  type ProjectEvent,
  type RevisionEvent,
} from '@hall-menu/shared';
import { ApiError, errorMessage } from '../../api/api-error';
import { decideRevision, fireProjectEvent } from '../../api/projects';
import { projectFormUrl } from '../../routes';

/** A button: a project event from `allowedActions`, or a decision on the pending edit. */
type Action =
  | { kind: 'project'; event: ProjectEvent }
  | { kind: 'revision'; event: RevisionEvent; revisionId: number };
type ActionKey = ProjectEvent | `revision_${RevisionEvent}`;

const REVISION_LABELS: Record<RevisionEvent, string> = { approve: '通过修改', reject: '退回修改', withdraw: '撤回修改' };

/** Events that move a project forward get the filled button; the rest are outlined. */
const PRIMARY_EVENTS = new Set<string>(['submit', 'resubmit', 'approve']);

/** Irreversible without a reason to write: asked once more. */
const CONFIRM: Partial<Record<ActionKey, string>> = {
  approve: '审核通过后，项目会出现在服务菜单上，礼堂可以点单。确定通过吗？',
  archive: '归档后项目不能再修改或提交，确定归档吗？',
  revision_approve: '通过后，菜单上的内容会换成修改后的内容。确定通过吗？',
  revision_withdraw: '撤回后这次修改作废，菜单上仍是原内容。确定撤回吗？',
};

const REASON_PROMPTS: Partial<Record<ActionKey, { title: string; placeholder: string }>> = {
  reject: { title: '退回原因', placeholder: '请写明需要修改的地方，服务方会看到这段话' },
  suspend: { title: '暂停上架的原因', placeholder: '请写明暂停的原因，服务方会看到这段话' },
  withdraw: { title: '撤下的原因', placeholder: '例如：演员档期已满，暂停接单' },
  revision_reject: { title: '退回修改的原因', placeholder: '请写明这次修改哪里不行，服务方会看到这段话' },
};

const actionKey = (action: Action): ActionKey => (action.kind === 'project' ? action.event : `revision_${action.event}`);
const actionLabel = (action: Action) => (action.kind === 'project' ? PROJECT_EVENT_LABELS[action.event] : REVISION_LABELS[action.event]);

/** The transition tables say which events need a reason; the server checks it again. */
function needsReason(project: ProjectDto, action: Action): boolean {
  if (action.kind === 'project') {
    return projectMachine.transitions.some((t) => t.from === project.status && t.event === action.event && t.requiresReason === true);
  }
  return revisionMachine.transitions.some((t) => t.from === 'pending_review' && t.event === action.event && t.requiresReason === true);
}

/**
 * Buttons drawn from the data: `allowedActions` for the project, `editable` for 编辑.
 * The server sends no action list for a pending edit, so its buttons follow the same data:
 * whoever may suspend the published project reviews it (a reviewer of its region), whoever may edit withdraws it.
 */
function actionsFor(project: ProjectDetailDto): Action[] {
  const actions: Action[] = project.allowedActions.map((event) => ({ kind: 'project', event }));
  const revision = project.pendingRevision;
  if (revision?.status === 'pending_review') {
    if (project.allowedActions.includes('suspend')) {
      actions.unshift({ kind: 'revision', event: 'approve', revisionId: revision.id }, { kind: 'revision', event: 'reject', revisionId: revision.id });
    }
    if (project.editable) actions.push({ kind: 'revision', event: 'withdraw', revisionId: revision.id });
  }
  return actions;
}

function editLabel(project: ProjectDetailDto): string {
  if (project.status !== 'published') return '编辑';
  return project.pendingRevision?.status === 'pending_review' ? '继续修改' : '修改内容';
}

/** Fires an action and reports: `onDone` reloads the page; errors stay here in Chinese. */
export function ProjectActions({ project, onDone }: { project: ProjectDetailDto; onDone: () => void }) {
  const [asking, setAsking] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; fields: FieldError[] } | null>(null);

  const actions = actionsFor(project);
  const canEdit = project.editable && project.status !== 'pending_review';
  if (actions.length === 0 && !canEdit) return null;

  async function run(action: Action, withReason?: string) {
    setBusy(true);
    setFailure(null);
    try {
      const result =
        action.kind === 'project'
          ? await fireProjectEvent(project.id, action.event, withReason)
          : await decideRevision(project.id, action.revisionId, action.event, withReason);
      setAsking(null);
      setReason('');
      void Taro.showToast({ title: `已${actionLabel(action)}，状态：${PROJECT_STATE_LABELS[result.status]}`, icon: 'none' });
      onDone();
    } catch (error) {
      const fields = error instanceof ApiError && Array.isArray(error.details?.fields) ? (error.details.fields as FieldError[]) : [];
      setFailure({ message: errorMessage(error), fields });
    } finally {
      setBusy(false);
    }
  }

  async function start(action: Action) {
    if (busy) return;
    setFailure(null);
    if (needsReason(project, action)) {
      setAsking(action);
      setReason('');
      setReasonError(null);
      return;
    }
    const question = CONFIRM[actionKey(action)];
    if (question) {
      const { confirm } = await Taro.showModal({ title: actionLabel(action), content: question, confirmText: '确定', cancelText: '取消' });
      if (!confirm) return;
    }
    await run(action);
  }

  function confirmWithReason() {
    if (!asking) return;
    const text = reason.trim();
    if (!text) {
      setReasonError(`请填写${REASON_PROMPTS[actionKey(asking)]?.title ?? '原因'}`);
      return;
    }
    if (text.length > 500) {
      setReasonError('原因最多 500 个字');
      return;
    }
    void run(asking, text);
  }

  const prompt = asking ? (REASON_PROMPTS[actionKey(asking)] ?? { title: '原因', placeholder: '请填写原因' }) : null;

  return (
    <View className='section'>
      <View className='section__title'>操作</View>
      {failure && (
        <View className='notice notice--error notice--inline'>
          <View>{failure.message}</View>
          {failure.fields.map((field) => (
            <View key={field.field} className='form-error'>
              · {field.message}
            </View>
          ))}
        </View>
      )}
      {asking && prompt ? (
        <View className='card reason-form'>
          <View className='field__label'>{prompt.title}（必填）</View>
          <Textarea
            className='textarea'
            value={reason}
            maxlength={500}
            placeholder={prompt.placeholder}
            onInput={(e) => {
              setReason(e.detail.value);
              setReasonError(null);
            }}
          />
          {reasonError && <View className='form-error'>{reasonError}</View>}
          <View className='button-row'>
            <Button className='btn' disabled={busy} onClick={() => setAsking(null)}>
              取消
            </Button>
            <Button className='btn btn--primary' disabled={busy} onClick={confirmWithReason}>
              {busy ? '正在提交…' : `确认${actionLabel(asking)}`}
            </Button>
          </View>
        </View>
      ) : (
        <View className='action-list'>
          {actions.map((action) => (
            <Button
              key={actionKey(action)}
              className={PRIMARY_EVENTS.has(action.event) ? 'btn btn--primary' : 'btn'}
              disabled={busy}
              onClick={() => start(action)}
            >
              {actionLabel(action)}
            </Button>
          ))}
          {canEdit && (
            <Button className='btn' disabled={busy} onClick={() => Taro.navigateTo({ url: projectFormUrl(project.id) })}>
              {editLabel(project)}
            </Button>
          )}
        </View>
      )}
    </View>
  );
}
