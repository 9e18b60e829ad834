import { Injectable } from '@nestjs/common';
import { gzipSync } from 'node:zlib';
import { etagOf } from '../../common/http/etag';
import { ClusterEventsService } from '../../common/cluster/cluster-events.service';
import { Clock } from '../../common/clock';
import { beijingToday } from '../../common/time';

const TTL_MS = 30_000;
const MAX_ENTRIES = 1000;
/**
 * How long after a change pages are read from the primary: a replica may not have the change yet, and a page read
 * from it would be cached for the full TTL. Replication lag is normally well under a second.
 */
const REPLICA_CATCH_UP_MS = 10_000;

const TOPIC = 'menu-changed';

/**
 * A menu page as sent: its JSON text, the same gzipped (a quarter of the bytes: most of a rural answer's wait), and the
 * ETag of the text (weak, so one tag serves both encodings).
 */
export interface SerializedPage {
  json: string;
  gzipped: Buffer;
  etag: string;
}

export function serialize(page: unknown): SerializedPage {
  const json = JSON.stringify(page);
  return { json, gzipped: gzipSync(json), etag: etagOf(json) };
}

interface CachedPage {
  version: number;
  expires: number;
  page: SerializedPage;
}

/**
 * Menu pages kept in memory. Anything that changes what the menu shows (publish, suspend, withdraw, an approved edit,
 * a rating) bumps the version and so drops every page, here and — through Redis, when configured — on every other
 * instance; if that message is lost, the TTL bounds how stale another instance can be.
 */
@Injectable()
export class MenuCacheService {
  private version = 0;
  private changedAt = Number.NEGATIVE_INFINITY;
  private readonly pages = new Map<string, CachedPage>();
  /** Page totals by filters (page and sort left out), read at the version of their entry. */
  private readonly totals = new Map<string, { version: number; expires: number; total: number }>();
  /** The same entries by the request's own path and query, for the fast path in front of the framework. */
  private readonly byUrl = new Map<string, CachedPage>();

  constructor(
    private readonly cluster: ClusterEventsService,
    private readonly clock: Clock,
  ) {
    cluster.on(TOPIC, () => this.dropAll());
  }

  get(key: string): SerializedPage | undefined {
    return this.valid(this.pages.get(key));
  }

  /**
   * A page by the raw URL a request for it came with (the day in front: a date filter depends on today). Only URLs
   * that were once answered through the controller — validated, keyed — are here (`linkUrl`).
   */
  getByUrl(url: string): SerializedPage | undefined {
    return this.valid(this.byUrl.get(`${beijingToday()} ${url}`));
  }

  /** The total of a filter combination, counted once per menu version and TTL (`readAtVersion` as for pages). */
  async total(key: string, readAtVersion: number, count: () => Promise<number>): Promise<number> {
    const hit = this.totals.get(key);
    if (hit && hit.version === this.version && hit.expires >= Date.now()) return hit.total;
    const total = await count();
    if (this.totals.size >= MAX_ENTRIES) this.totals.clear();
    this.totals.set(key, { version: readAtVersion, expires: Date.now() + TTL_MS, total });
    return total;
  }

  /** Lets later requests with exactly this URL find the page stored under `key`. */
  linkUrl(url: string, key: string): void {
    const entry = this.pages.get(key);
    if (!entry) return;
    if (this.byUrl.size >= MAX_ENTRIES) this.byUrl.clear();
    this.byUrl.set(`${beijingToday()} ${url}`, entry);
  }

  /** Taken before reading a page: a change while it is read makes the page stale at once. */
  currentVersion(): number {
    return this.version;
  }

  /** Keeps the page as the bytes it is sent as: a hit then costs no serialising and no hashing. */
  set(key: string, page: unknown, readAtVersion: number): SerializedPage {
    if (this.pages.size >= MAX_ENTRIES) this.pages.clear();
    const serialized = serialize(page);
    this.pages.set(key, { version: readAtVersion, expires: Date.now() + TTL_MS, page: serialized });
    return serialized;
  }

  /** Read replicas may still lack the last change this instance heard of. */
  replicasMayLag(): boolean {
    return this.clock.now().getTime() - this.changedAt < REPLICA_CATCH_UP_MS;
  }

  invalidate(): void {
    this.dropAll();
    void this.cluster.publish(TOPIC);
  }

  private dropAll(): void {
    this.version++;
    this.changedAt = this.clock.now().getTime();
    this.pages.clear();
    this.byUrl.clear();
    this.totals.clear();
  }

  private valid(entry: CachedPage | undefined): SerializedPage | undefined {
    if (!entry || entry.version !== this.version || entry.expires < Date.now()) return undefined;
    return entry.page;
  }
}
