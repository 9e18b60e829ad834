import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { SubscribeTemplateKey } from '@hall-menu/shared';
import { z } from 'zod';
import { DEFAULT_MATCH_WEIGHTS } from '../modules/needs/scorer';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

const matchWeightsSchema = z.object({
  category: z.number().min(0),
  coverage: z.number().min(0),
  availability: z.number().min(0),
  rating: z.number().min(0),
  fairness: z.number().min(0),
  proximity: z.number().min(0),
});

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/.+/, 'DATABASE_URL must look like mysql://user:password@host:3306/database')
    .optional(),
  /** Read replicas of DATABASE_URL for the read-heavy, staleness-tolerant endpoints (menu, statistics, rankings). */
  DATABASE_READ_URLS: z
    .string()
    .transform((text, ctx) => {
      const urls = text.split(',').map((u) => u.trim()).filter(Boolean);
      // Names the position, not the value: a URL carries a password.
      urls.forEach((url, i) => {
        if (!/^mysql:\/\/.+/.test(url) || !URL.canParse(url)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `entry ${i + 1} must look like mysql://user:password@replica-host:3306/database (comma-separated, one per replica)` });
        }
      });
      return urls;
    })
    .optional(),
  DATA_DIR: z.string().default(path.resolve(__dirname, '../../.data')),
  DEMO_MODE: flag,
  SEED_DEMO_DATA: flag,
  /** A year of orders, events, ratings and needs on top of the demo data (default: with the demo data, except under tests). */
  SEED_DEMO_HISTORY: flag,
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).default(30),
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  SENSITIVE_WORDS_FILE: z.string().min(1).optional(),
  WECHAT_APPID: z.string().min(1).optional(),
  WECHAT_SECRET: z.string().min(1).optional(),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  /** Which mini-program build a subscribe message opens: developer, trial or formal (the released one). */
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  /** Subscribe-message templates: `<template id>` or `<template id>:title=thing1,body=thing2,time=time3`. */
  WECHAT_TEMPLATE_ORDER_NEW: z.string().min(1).optional(),
  WECHAT_TEMPLATE_ORDER_ANSWERED: z.string().min(1).optional(),
  WECHAT_TEMPLATE_ORDER_EXPIRING: z.string().min(1).optional(),
  WECHAT_TEMPLATE_EVENT_TOMORROW: z.string().min(1).optional(),
  WECHAT_TEMPLATE_RATE_REQUEST: z.string().min(1).optional(),
  WECHAT_TEMPLATE_PROJECT_REVIEWED: z.string().min(1).optional(),
  WECHAT_TEMPLATE_NEED_MATCHED: z.string().min(1).optional(),
  /** Set for more than one server instance: chat pushes travel between instances over Redis pub/sub. */
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'REDIS_URL must look like redis://host:6379').optional(),
  REDIS_KEY_PREFIX: z.string().default('hall-menu:'),
  REALTIME_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  REMIND_ANSWER_HOURS_BEFORE: z.coerce.number().int().min(1).max(720).default(24),
  RATING_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  ORDER_ANSWER_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  ORDER_CONFIRM_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  CANCEL_NOTICE_HOURS: z.coerce.number().int().min(0).max(720).default(72),
  RESERVATION_MAX_SEATS: z.coerce.number().int().min(1).max(10).default(3),
  RESERVATION_CANCEL_CUTOFF_MINUTES: z.coerce.number().int().min(0).max(10080).default(120),
  NO_SHOW_LIMIT: z.coerce.number().int().min(1).max(100).default(3),
  NO_SHOW_WINDOW_MONTHS: z.coerce.number().int().min(1).max(60).default(12),
  NO_SHOW_SUSPEND_MONTHS: z.coerce.number().int().min(0).max(60).default(6),
  MATCH_WEIGHTS: z
    .string()
    .transform((text, ctx) => {
      try {
        return matchWeightsSchema.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'MATCH_WEIGHTS must be JSON like {"category":3,"coverage":4,"availability":2,"rating":2,"fairness":1,"proximity":1}' });
        return z.NEVER;
      }
    })
    .optional(),
  JOB_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** A published project is flagged to reviewers when its Bayesian score is below this with at least LOW_SCORE_MIN_RATINGS ratings. */
  LOW_SCORE_THRESHOLD: z.coerce.number().min(1).max(5).default(3),
  LOW_SCORE_MIN_RATINGS: z.coerce.number().int().min(1).max(1000).default(5),
  UPLOAD_DIR: z.string().optional(),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(10_000).max(50_000_000).default(5_242_880),
  H5_DIR: z.string().default(path.resolve(__dirname, '../../../miniapp/dist/h5')),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((text) => text.split(',').map((o) => o.trim()).filter(Boolean)),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_WECHAT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  RATE_LIMIT_WRITES_PER_USER_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  // Generous: a whole village can sit behind one mobile carrier address.
  RATE_LIMIT_WRITES_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(0).default(3000),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
});

export type AppConfig = ReturnType<typeof loadConfig>;

/**
 * Reads the environment once at start-up and fails with every problem listed,
 * so a misconfigured server never starts half-working.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' habits.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const wechat = e.WECHAT_APPID && e.WECHAT_SECRET ? { appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET, apiBase: e.WECHAT_API_BASE } : null;
  // Demo mode is the embedded-database default; a real deployment (MySQL) or one with WeChat credentials never has it.
  const demoMode = wechat ? false : (e.DEMO_MODE ?? !e.DATABASE_URL);
  if (e.DATABASE_READ_URLS?.length && !e.DATABASE_URL) {
    // Without a primary the server would quietly run on the embedded database and never use the replicas.
    throw new Error('Invalid configuration:\n  DATABASE_READ_URLS: replicas need DATABASE_URL (the primary they copy)');
  }
  if (!demoMode && !e.JWT_SECRET) {
    throw new Error('Invalid configuration:\n  JWT_SECRET: required outside demo mode (at least 32 random characters)');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? ({ kind: 'mysql', url: e.DATABASE_URL, readUrls: e.DATABASE_READ_URLS ?? ([] as string[]) } as const)
      : ({ kind: 'embedded', file: path.join(e.DATA_DIR, 'hall-menu.sqlite') } as const),
    demoMode,
    /** Demo login is a demo-mode feature and is refused in production whatever else is set. */
    demoLogin: demoMode && e.NODE_ENV !== 'production',
    seedDemoData: e.SEED_DEMO_DATA ?? demoMode,
    // Tests that count the demo data exactly start without the history; `npm start` and the browser tests have it.
    seedDemoHistory: e.SEED_DEMO_HISTORY ?? ((e.SEED_DEMO_DATA ?? demoMode) && e.NODE_ENV !== 'test'),
    // Without a configured secret (demo only) tokens simply stop working after a restart.
    jwtSecret: e.JWT_SECRET ?? randomBytes(32).toString('hex'),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
    wechat,
    wechatMiniprogramState: e.WECHAT_MINIPROGRAM_STATE,
    wechatTemplates: {
      order_new: e.WECHAT_TEMPLATE_ORDER_NEW,
      order_answered: e.WECHAT_TEMPLATE_ORDER_ANSWERED,
      order_expiring: e.WECHAT_TEMPLATE_ORDER_EXPIRING,
      event_tomorrow: e.WECHAT_TEMPLATE_EVENT_TOMORROW,
      rate_request: e.WECHAT_TEMPLATE_RATE_REQUEST,
      project_reviewed: e.WECHAT_TEMPLATE_PROJECT_REVIEWED,
      need_matched: e.WECHAT_TEMPLATE_NEED_MATCHED,
    } satisfies Record<SubscribeTemplateKey, string | undefined>,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : null,
    realtime: { heartbeatSeconds: e.REALTIME_HEARTBEAT_SECONDS },
    reminders: { answerHoursBefore: e.REMIND_ANSWER_HOURS_BEFORE, ratingDays: e.RATING_REMINDER_DAYS },
    /** Extra sensitive words, one per line, added to the built-in list. */
    sensitiveWordsFile: e.SENSITIVE_WORDS_FILE,
    orders: {
      answerHours: e.ORDER_ANSWER_HOURS,
      confirmHours: e.ORDER_CONFIRM_HOURS,
      cancelNoticeHours: e.CANCEL_NOTICE_HOURS,
    },
    reservations: {
      maxSeatsPerPerson: e.RESERVATION_MAX_SEATS,
      cancelCutoffMinutes: e.RESERVATION_CANCEL_CUTOFF_MINUTES,
      noShowLimit: e.NO_SHOW_LIMIT,
      noShowWindowMonths: e.NO_SHOW_WINDOW_MONTHS,
      noShowSuspendMonths: e.NO_SHOW_SUSPEND_MONTHS,
    },
    matchWeights: e.MATCH_WEIGHTS ?? DEFAULT_MATCH_WEIGHTS,
    lowScore: { threshold: e.LOW_SCORE_THRESHOLD, minRatings: e.LOW_SCORE_MIN_RATINGS },
    /** How often scheduled jobs (order expiry, auto-confirmation) run; 0 turns the timer off. */
    jobIntervalSeconds: e.JOB_INTERVAL_SECONDS,
    uploads: { dir: e.UPLOAD_DIR ?? path.join(e.DATA_DIR, 'uploads'), maxBytes: e.UPLOAD_MAX_BYTES },
    h5Dir: e.H5_DIR,
    corsOrigins: e.CORS_ORIGINS,
    /** Requests per minute; 0 turns a limit off. */
    rateLimits: {
      loginPerMinutePerAddress: e.RATE_LIMIT_LOGIN_PER_MINUTE,
      wechatPerMinutePerAddress: e.RATE_LIMIT_WECHAT_PER_MINUTE,
      writesPerMinutePerUser: e.RATE_LIMIT_WRITES_PER_USER_PER_MINUTE,
      writesPerMinutePerAddress: e.RATE_LIMIT_WRITES_PER_ADDRESS_PER_MINUTE,
    },
    logLevel: e.LOG_LEVEL,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
