import { Injectable } from '@nestjs/common';
import { allowedEvents, orderMachine, type OrderDto, type Role } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { In } from 'typeorm';
import { DatabaseService } from '../../database/database.service';
import { Hall } from '../halls/hall.entity';
import { Region } from '../regions/region.entity';
import { ServiceProject } from '../projects/service-project.entity';
import { Provider } from '../providers/provider.entity';
import { HallEvent } from './hall-event.entity';
import { Order } from './order.entity';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

@Injectable()
export class OrderViewsService {
  constructor(private readonly db: DatabaseService) {}

  /** The order as the viewer sees it; `roles` are the viewer's roles that apply to this order (for its buttons). */
  async toDto(order: Order, _user: AuthUser, roles: Role[] = []): Promise<OrderDto> {
    return (await this.toDtos([order], () => roles))[0];
  }

  /**
   * A page of orders in a fixed number of queries (one per related table), not several per order: a hall's list
   * would otherwise cost a hundred round trips. `rolesFor` gives the viewer's roles on each order.
   */
  async toDtos(orders: Order[], rolesFor: (order: Order, hall: Hall) => Role[]): Promise<OrderDto[]> {
    if (orders.length === 0) return [];
    const m = this.db.manager;
    const unique = <T>(values: T[]) => [...new Set(values)];
    const [projects, halls, providers, events] = await Promise.all([
      m.findBy(ServiceProject, { id: In(unique(orders.map((o) => o.projectId))) }),
      m.findBy(Hall, { id: In(unique(orders.map((o) => o.hallId))) }),
      m.findBy(Provider, { id: In(unique(orders.map((o) => o.providerId))) }),
      m.findBy(HallEvent, { orderId: In(orders.map((o) => o.id)), status: 'scheduled' }),
    ]);
    const villages = await m.findBy(Region, { code: In(unique(halls.map((h) => h.villageCode))) });
    const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const projectOf = byId(projects);
    const hallOf = byId(halls);
    const providerOf = byId(providers);
    const eventOf = new Map(events.map((e) => [e.orderId, e]));
    const regionPathOf = new Map(villages.map((v) => [v.code, v.fullName]));
    return orders.map((order) => {
      const project = projectOf.get(order.projectId)!;
      const hall = hallOf.get(order.hallId)!;
      const provider = providerOf.get(order.providerId)!;
      const event = eventOf.get(order.id);
      return this.dto(order, project, hall, regionPathOf.get(hall.villageCode) ?? '', provider, event, rolesFor(order, hall));
    });
  }

  private dto(order: Order, project: ServiceProject, hall: Hall, regionPath: string, provider: Provider, event: HallEvent | undefined, roles: Role[]): OrderDto {
    return {
      id: order.id,
      status: order.status,
      project: { id: project.id, title: project.title, category: project.category },
      hall: { id: hall.id, name: hall.name, regionPath },
      provider: { id: provider.id, name: provider.name },
      windows: order.windows,
      expectedAudience: order.expectedAudience,
      notes: order.notes,
      scheduledStart: iso(order.scheduledStart),
      scheduledEnd: iso(order.scheduledEnd),
      proposedStart: iso(order.proposedStart),
      proposedEnd: iso(order.proposedEnd),
      proposalNote: order.proposalNote,
      answerDeadline: iso(order.answerDeadline)!,
      confirmDeadline: iso(order.confirmDeadline),
      headCount: order.headCount,
      completionNote: order.completionNote,
      completionPhotos: order.completionPhotos ?? [],
      quotaReturned: order.quotaReturned,
      event: event ? { id: event.id, seats: event.seats, startsAt: iso(event.startsAt)!, endsAt: iso(event.endsAt)! } : null,
      createdAt: iso(order.createdAt)!,
      allowedActions: allowedEvents(orderMachine, order.status, roles),
    };
  }
}
