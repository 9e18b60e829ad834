import { getProviderCalendar } from '../../../../api/orders';
import { MonthSchedule } from '../../../../components/MonthSchedule';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';

export default function ProviderCalendarPage() {
  return (
    <PageShell>
      <RoleGate role='provider'>{() => <MonthSchedule load={getProviderCalendar} viewer='provider' />}</RoleGate>
    </PageShell>
  );
}
