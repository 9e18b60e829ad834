import { View } from '@tarojs/components';
import { PROJECT_EVENT_LABELS, PROJECT_STATE_LABELS, ROLE_LABELS, type HistoryEntryDto, type ProjectEvent, type ProjectState, type UserRole } from '@hall-menu/shared';
import { formatDateTime } from '../../utils/format';

/** History rows also record creation and the edits of a published project (revisions). */
const EXTRA_EVENT_LABELS: Record<string, string> = {
  create: '创建草稿',
  approve_revision: '菜单内容已更新',
  revision_create: '提交修改申请',
  revision_approve: '修改审核通过',
  revision_reject: '修改被退回',
  revision_withdraw: '撤回修改申请',
};

export function historyEventLabel(event: string): string {
  return PROJECT_EVENT_LABELS[event as ProjectEvent] ?? EXTRA_EVENT_LABELS[event] ?? event;
}

function actorLabel(entry: HistoryEntryDto): string {
  const role = ROLE_LABELS[entry.actorRole as UserRole] ?? (entry.actorRole === 'system' ? '系统' : '');
  if (!entry.actorName) return role;
  return role ? `${entry.actorName}（${role}）` : entry.actorName;
}

/** The last reason given for the state the project is in now (why it was 退回 or 下架). */
export function reasonForState(history: HistoryEntryDto[], state: ProjectState): HistoryEntryDto | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i];
    if (!entry.event.startsWith('revision_') && entry.event !== 'approve_revision') {
      return entry.toState === state && entry.reason ? entry : null;
    }
  }
  return null;
}

/** 审核记录: every step, newest first, with who did it and why. */
export function ReviewHistory({ history }: { history: HistoryEntryDto[] }) {
  if (history.length === 0) return <View className='card__meta'>还没有记录</View>;
  return (
    <View className='timeline'>
      {[...history].reverse().map((entry) => (
        <View key={entry.id} className='timeline__item'>
          <View className='timeline__title'>
            {historyEventLabel(entry.event)}
            {!entry.event.startsWith('revision_') && entry.fromState !== entry.toState && (
              <View className='timeline__state'>→ {PROJECT_STATE_LABELS[entry.toState as ProjectState] ?? entry.toState}</View>
            )}
          </View>
          <View className='card__meta'>
            {formatDateTime(entry.createdAt)} {actorLabel(entry)}
          </View>
          {entry.reason && <View className='timeline__reason'>原因：{entry.reason}</View>}
        </View>
      ))}
    </View>
  );
}
