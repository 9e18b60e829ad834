import { Injectable } from '@nestjs/common';
import type { CalendarEntryDto, HallEventDto } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { notFound, outOfScope } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { Hall } from '../halls/hall.entity';
import { ScopeService } from '../users/scope.service';

/** Beijing-time bounds of a 'YYYY-MM' month. */
function monthBounds(month: string): { from: Date; to: Date } {
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) };
}

const SCHEDULED_STATES = "('accepted', 'in_service', 'completed', 'confirmed', 'disputed', 'no_show_reported')";

interface CalendarRow {
  orderId: number;
  eventId: number | null;
  title: string;
  hallName: string;
  providerName: string;
  startsAt: Date | string;
  endsAt: Date | string;
  status: CalendarEntryDto['status'];
}

const toEntry = (r: CalendarRow): CalendarEntryDto => ({
  ...r,
  orderId: Number(r.orderId),
  eventId: r.eventId === null ? null : Number(r.eventId),
  startsAt: new Date(r.startsAt).toISOString(),
  endsAt: new Date(r.endsAt).toISOString(),
});

@Injectable()
export class CalendarService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** A provider's scheduled services in a month. */
  async provider(user: AuthUser, month: string): Promise<CalendarEntryDto[]> {
    const providerId = await this.scope.providerIdOf(user.id);
    if (!providerId) throw outOfScope('您还没有加入任何服务方组织');
    return this.entries('o.provider_id = :providerId', { providerId }, month);
  }

  /** A hall's scheduled services in a month, for its managers and the region's reviewers. */
  async hall(user: AuthUser, hallId: number, month: string): Promise<CalendarEntryDto[]> {
    const hall = await this.db.manager.findOne(Hall, { where: { id: hallId } });
    if (!hall) throw notFound('礼堂', { id: hallId });
    const manages = user.roles.includes('hall_manager') && (await this.scope.managedHallIds(user.id)).includes(hallId);
    if (!manages && !(await this.scope.oversees(user, [hall.villageCode]))) throw outOfScope('您不是该礼堂的管理员');
    return this.entries('o.hall_id = :hallId', { hallId }, month);
  }

  /** Upcoming events at a hall, for villagers (public). */
  async upcomingAtHall(hallId: number): Promise<HallEventDto[]> {
    const hall = await this.db.manager.findOne(Hall, { where: { id: hallId } });
    if (!hall) throw notFound('礼堂', { id: hallId });
    const rows: (Omit<HallEventDto, 'startsAt' | 'endsAt'> & { startsAt: Date; endsAt: Date })[] = await this.db.manager
      .createQueryBuilder()
      .select(['e.id AS id', 'e.order_id AS orderId', 'e.title AS title', 'e.category AS category', 'p.name AS providerName'])
      .addSelect(['e.hall_id AS hallId', 'h.name AS hallName', 'e.starts_at AS startsAt', 'e.ends_at AS endsAt', 'e.seats AS seats'])
      .from('hall_events', 'e')
      .innerJoin('orders', 'o', 'o.id = e.order_id')
      .innerJoin('providers', 'p', 'p.id = o.provider_id')
      .innerJoin('halls', 'h', 'h.id = e.hall_id')
      .where("e.hall_id = :hallId AND e.status = 'scheduled' AND e.ends_at >= :now", { hallId, now: this.clock.now() })
      .orderBy('e.starts_at', 'ASC')
      .limit(50)
      .getRawMany();
    return rows.map((r) => ({
      ...r,
      id: Number(r.id),
      orderId: Number(r.orderId),
      hallId: Number(r.hallId),
      seats: Number(r.seats),
      startsAt: new Date(r.startsAt).toISOString(),
      endsAt: new Date(r.endsAt).toISOString(),
    }));
  }

  private async entries(where: string, params: Record<string, unknown>, month: string): Promise<CalendarEntryDto[]> {
    const { from, to } = monthBounds(month);
    const rows: CalendarRow[] = await this.db.manager
      .createQueryBuilder()
      .select(['o.id AS orderId', 'e.id AS eventId', 'sp.title AS title', 'h.name AS hallName', 'p.name AS providerName'])
      .addSelect(['o.scheduled_start AS startsAt', 'o.scheduled_end AS endsAt', 'o.status AS status'])
      .from('orders', 'o')
      .innerJoin('service_projects', 'sp', 'sp.id = o.project_id')
      .innerJoin('halls', 'h', 'h.id = o.hall_id')
      .innerJoin('providers', 'p', 'p.id = o.provider_id')
      .leftJoin('hall_events', 'e', "e.order_id = o.id AND e.status = 'scheduled'")
      .where(where, params)
      .andWhere(`o.status IN ${SCHEDULED_STATES}`)
      .andWhere('o.scheduled_start >= :from AND o.scheduled_start < :to', { from, to })
      .orderBy('o.scheduled_start', 'ASC')
      .getRawMany();
    return rows.map(toEntry);
  }
}
