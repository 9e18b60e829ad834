import { listProviderOrders } from '../../../../api/orders';
import { OrderList } from '../../../../components/OrderList';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';

export default function ProviderOrdersPage() {
  return (
    <PageShell>
      <RoleGate role='provider'>{() => <OrderList load={listProviderOrders} viewer='provider' emptyHint='礼堂点了您的项目后，点单会出现在这里' />}</RoleGate>
    </PageShell>
  );
}
