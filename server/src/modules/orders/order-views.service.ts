import { Injectable } from '@nestjs/common';
import { allowedEvents, orderMachine, type OrderDto, type Role } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
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
    const m = this.db.manager;
    const [project, hall, provider, event] = await Promise.all([
      m.findOneByOrFail(ServiceProject, { id: order.projectId }),
      m.findOneByOrFail(Hall, { id: order.hallId }),
      m.findOneByOrFail(Provider, { id: order.providerId }),
      m.findOne(HallEvent, { where: { orderId: order.id, status: 'scheduled' } }),
    ]);
    const village = await m.findOneBy(Region, { code: hall.villageCode });
    return {
      id: order.id,
      status: order.status,
      project: { id: project.id, title: project.title, category: project.category },
      hall: { id: hall.id, name: hall.name, regionPath: village?.fullName ?? '' },
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
