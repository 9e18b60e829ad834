import { Injectable } from '@nestjs/common';
import type { MenuItemDto, Paged } from '@hall-menu/shared';
import { ClusterEventsService } from '../../common/cluster/cluster-events.service';

const TTL_MS = 30_000;
const MAX_ENTRIES = 1000;

const TOPIC = 'menu-changed';

/**
 * Menu pages kept in memory. Anything that changes what the menu shows (publish, suspend, withdraw, an approved edit,
 * a rating) bumps the version and so drops every page, here and — through Redis, when configured — on every other
 * instance; if that message is lost, the TTL bounds how stale another instance can be.
 */
@Injectable()
export class MenuCacheService {
  private version = 0;
  private readonly pages = new Map<string, { version: number; expires: number; page: Paged<MenuItemDto> }>();

  constructor(private readonly cluster: ClusterEventsService) {
    cluster.on(TOPIC, () => this.dropAll());
  }

  get(key: string): Paged<MenuItemDto> | undefined {
    const hit = this.pages.get(key);
    if (!hit || hit.version !== this.version || hit.expires < Date.now()) return undefined;
    return hit.page;
  }

  set(key: string, page: Paged<MenuItemDto>): void {
    if (this.pages.size >= MAX_ENTRIES) this.pages.clear();
    this.pages.set(key, { version: this.version, expires: Date.now() + TTL_MS, page });
  }

  invalidate(): void {
    this.dropAll();
    void this.cluster.publish(TOPIC);
  }

  private dropAll(): void {
    this.version++;
    this.pages.clear();
  }
}
