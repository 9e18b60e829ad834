import { listHallOrders } from '../../../../api/orders';
import { OrderList } from '../../../../components/OrderList';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';

export default function ManagerOrdersPage() {
  return (
    <PageShell>
      <RoleGate role='hall_manager'>{() => <OrderList load={listHallOrders} viewer='hall' emptyHint='在首页的服务菜单里选项目，点「点单预约」' />}</RoleGate>
    </PageShell>
  );
}
