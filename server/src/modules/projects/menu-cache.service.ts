import { Injectable } from '@nestjs/common';
import type { MenuItemDto, Paged } from '@hall-menu/shared';

const TTL_MS = 30_000;
const MAX_ENTRIES = 1000;

/**
 * Menu pages kept in memory. Anything that changes what the menu shows on this instance (publish, suspend, withdraw,
 * an approved edit) bumps the version and so drops every page; other instances catch up within the TTL.
 */
@Injectable()
export class MenuCacheService {
  private version = 0;
  private readonly pages = new Map<string, { version: number; expires: number; page: Paged<MenuItemDto> }>();

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
    this.version++;
    this.pages.clear();
  }
}
