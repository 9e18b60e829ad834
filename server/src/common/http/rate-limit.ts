import { ERROR_MESSAGES, ErrorCode, type ApiErrorBody } from '@hall-menu/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RedisConnections } from '../redis/redis-connections';

/** A limit of `max` requests per `windowSeconds` for one key of one rule; max 0 turns the rule off. */
export interface RateRule {
  name: string;
  max: number;
  windowSeconds: number;
  /** Which requests the rule counts, and under which key (an address or a user); null = not counted. */
  keyOf(request: FastifyRequest): string | null;
}

/** Counts hits in fixed windows. One store per instance, or Redis so that several instances share the counts. */
export interface HitStore {
  /** Adds a hit and returns the count in the current window and the milliseconds until it ends. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetInMs: number }>;
}

export class MemoryHitStore implements HitStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  async hit(key: string, windowSeconds: number) {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      // Drop finished windows now and then so the map does not grow with every address ever seen.
      if (this.windows.size > 50_000) for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
      window = { count: 0, endsAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInMs: window.endsAt - now };
  }
}

/** Counts on the shared command connection, so that the instances of a deployment share the counts. */
export class RedisHitStore implements HitStore {
  constructor(private readonly redis: RedisConnections) {}

  async hit(key: string, windowSeconds: number) {
    const redisKey = this.redis.key(`rate:${key}`);
    const connection = this.redis.command();
    const [[, count], [, ttl]] = (await connection
      .multi()
      .incr(redisKey)
      .pttl(redisKey)
      .exec()) as [[null, number], [null, number]];
    if (ttl < 0) {
      await connection.pexpire(redisKey, windowSeconds * 1000);
      return { count, resetInMs: windowSeconds * 1000 };
    }
    return { count, resetInMs: ttl };
  }
}

/** The subject of a bearer token, read without verifying it: only used to spread limits, the guard still checks it. */
export function tokenSubject(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  const payload = header.slice(7).split('.')[1];
  if (!payload) return null;
  try {
    const sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof sub === 'number' || typeof sub === 'string' ? String(sub) : null;
  } catch {
    return null;
  }
}

export interface RateLimits {
  loginPerMinutePerAddress: number;
  wechatPerMinutePerAddress: number;
  writesPerMinutePerUser: number;
  writesPerMinutePerAddress: number;
}

/** Refreshing a 256-bit token is not guessable and happens often behind a shared address, so it is not counted. */
const SIGN_IN_PATHS = new Set(['/api/auth/demo', '/api/auth/wechat']);
const isWrite = (r: FastifyRequest) => r.method !== 'GET' && r.method !== 'HEAD' && r.method !== 'OPTIONS';
const path = (r: FastifyRequest) => r.url.split('?')[0];

/** The platform's rules: sign-in and WeChat calls per address, writes per user and per address (a village may share one). */
export function platformRules(limits: RateLimits): RateRule[] {
  return [
    {
      name: 'login',
      max: limits.loginPerMinutePerAddress,
      windowSeconds: 60,
      keyOf: (r) => (isWrite(r) && SIGN_IN_PATHS.has(path(r)) ? r.ip : null),
    },
    {
      name: 'wechat',
      max: limits.wechatPerMinutePerAddress,
      windowSeconds: 60,
      keyOf: (r) => (isWrite(r) && path(r) === '/api/auth/wechat' ? r.ip : null),
    },
    {
      name: 'write-user',
      max: limits.writesPerMinutePerUser,
      windowSeconds: 60,
      keyOf: (r) => (isWrite(r) && path(r).startsWith('/api/') ? tokenSubject(r) : null),
    },
    {
      name: 'write-address',
      max: limits.writesPerMinutePerAddress,
      windowSeconds: 60,
      keyOf: (r) => (isWrite(r) && path(r).startsWith('/api/') ? r.ip : null),
    },
  ];
}

/** Answers 429 with the seconds to wait (body and Retry-After) once any rule's count passes its max. */
export function registerRateLimits(fastify: FastifyInstance, rules: RateRule[], store: HitStore): void {
  const active = rules.filter((rule) => rule.max > 0);
  if (!active.length) return;
  fastify.addHook('onRequest', async (request, reply) => {
    for (const rule of active) {
      const key = rule.keyOf(request);
      if (key === null) continue;
      let hit: { count: number; resetInMs: number };
      try {
        hit = await store.hit(`${rule.name}:${key}`, rule.windowSeconds);
      } catch (error) {
        // The shared counter store (Redis) is down: serve the request rather than refuse everyone.
        request.log.warn({ msg: 'rate limit store unavailable', err: String(error) });
        continue;
      }
      const { count, resetInMs } = hit;
      if (count > rule.max) {
        const retryAfterSeconds = Math.max(1, Math.ceil(resetInMs / 1000));
        const body: ApiErrorBody = {
          code: ErrorCode.RateLimited,
          message: `${ERROR_MESSAGES[ErrorCode.RateLimited]}（请 ${retryAfterSeconds} 秒后再试）`,
          details: { retryAfterSeconds, limit: rule.name },
        };
        return reply.code(429).header('Retry-After', String(retryAfterSeconds)).send(body);
      }
    }
  });
}
