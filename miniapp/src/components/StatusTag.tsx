import { View } from '@tarojs/components';
import { PROJECT_STATE_LABELS, type ProjectState } from '@hall-menu/shared';

export function StatusTag({ status }: { status: ProjectState }) {
  return <View className={`status-tag status-tag--${status}`}>{PROJECT_STATE_LABELS[status]}</View>;
}
