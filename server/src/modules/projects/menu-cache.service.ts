import { Injectable } from '@nestjs/common';
import { etagOf } from '../../common/http/etag';
import { ClusterEventsService } from '../../common/cluster/cluster-events.service';
import { Clock } from '../../common/clock';

const TTL_MS = 30_000;
const MAX_ENTRIES = 1000;
/**
 * How long after a change pages are read from the primary: a replica may not have the change yet, and a page read
 * from it would be cached for the full TTL. Replication lag is normally well under a second.
 */
const REPLICA_CATCH_UP_MS = 10_000;

const TOPIC = 'menu-changed';

/** A menu page as sent: its JSON text and the ETag of that text (the same tag the ETag hook would compute). */
export interface SerializedPage {
  json: string;
  etag: string;
}

export function serialize(page: unknown): SerializedPage {
  const json = JSON.stringify(page);
  return { json, etag: etagOf(json) };
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
  private readonly pages = new Map<string, { version: number; expires: number; page: SerializedPage }>();

  constructor(
    private readonly cluster: ClusterEventsService,
    private readonly clock: Clock,
  ) {
    cluster.on(TOPIC, () => this.dropAll());
  }

  get(key: string): SerializedPage | undefined {
    const hit = this.pages.get(key);
    if (!hit || hit.version !== this.version || hit.expires < Date.now()) return undefined;
    return hit.page;
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
  }
}
