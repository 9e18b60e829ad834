import { PageShell } from '../../components/PageShell';
import { EmptyState } from '../../components/StateViews';

export default function MessagesPage() {
  return (
    <PageShell>
      <EmptyState title='暂无消息' hint='点单进展、活动提醒和与服务方的沟通会在这里显示' />
    </PageShell>
  );
}
