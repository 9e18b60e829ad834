import { PageShell } from '../../components/PageShell';
import { EmptyState } from '../../components/StateViews';

export default function EventsPage() {
  return (
    <PageShell>
      <EmptyState title='暂无活动' hint='礼堂点单成功后，活动会在这里显示' />
    </PageShell>
  );
}
