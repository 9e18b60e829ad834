import * as shared from '@hall-menu/shared';
import fc from 'fast-check';
import type { Connection } from 'mysql2/promise';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { z } from 'zod';
import { DatabaseService } from '../src/database/database.service';
import { startTestApp, type TestApp } from './test-app';

/** At least 10,000 generated requests over all write endpoints together (FUZZ_RUNS raises it). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

interface Endpoint {
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
}

/** Every field name any shared schema knows, so generated bodies look like real ones and reach deep validation. */
function fieldVocabulary(): string[] {
  const names = new Set<string>();
  const visit = (schema: z.ZodTypeAny, depth: number): void => {
    if (depth > 6 || !schema?._def) return;
    const def = schema._def as { typeName?: string; schema?: z.ZodTypeAny; innerType?: z.ZodTypeAny; type?: z.ZodTypeAny; options?: z.ZodTypeAny[]; left?: z.ZodTypeAny; right?: z.ZodTypeAny };
    if (schema instanceof z.ZodObject) {
      for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodTypeAny>)) {
        names.add(key);
        visit(child, depth + 1);
      }
      return;
    }
    for (const child of [def.schema, def.innerType, def.type, def.left, def.right, ...(def.options ?? [])]) if (child) visit(child, depth + 1);
  };
  for (const value of Object.values(shared)) if (value instanceof z.ZodType) visit(value, 0);
  return [...names].sort();
}

const scalar = fc.oneof(
  fc.integer(),
  fc.integer({ min: -2, max: 12 }),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1e308, Number.MIN_VALUE),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ' ', '傻逼', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '\u0000', '😀'.repeat(50), 'x'.repeat(5000)),
  fc.constantFrom('2026-13-40', '2026-12-01', '2027-01-15', '2026-12-01T10:00:00+08:00', 'not-a-date', '1970-01-01T00:00:00Z'),
  fc.constantFrom('performance', 'lecture', 'villager', 'hall_manager', 'accept', 'open', 'published', '330381', '330381001001'),
);

const RAW_BODIES = new Set(['{"unclosed": ', '[]', 'null', '"text"', '{"__proto__": {"admin": true}}']);

function bodyArbitrary(vocabulary: string[]) {
  const value = fc.letrec((tie) => ({
    any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('any'), { maxLength: 4 }), tie('object')),
    object: fc.dictionary(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 8 })), tie('any'), { maxKeys: 6 }),
  })).any;
  return fc.oneof(
    fc.constant(undefined),
    fc.dictionary(fc.constantFrom(...vocabulary), value, { minKeys: 1, maxKeys: 10 }),
    value,
    fc.constantFrom(...RAW_BODIES),
  );
}

const pathValue = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map(String),
  fc.constantFrom('0', '-1', '2147483648', '9007199254740993', '1.5', '1e3', 'abc', '%00', '%E4%B8%AD', 'null', 'undefined', ' 1', '01'),
  fc.constantFrom('accept', 'decline', 'cancel', 'submit', 'approve', 'reject', 'confirm', 'complete', 'dispute', 'read', 'x'),
  fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s) || 'empty'),
);

const queryString = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.constantFrom('page', 'pageSize', 'cursor', 'from', 'to', 'hallId', 'regionCode', 'status', 'q', 'year'), fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String)), { maxKeys: 3 }).map(
    (query) => new URLSearchParams(query).toString(),
  ),
);

/** A fingerprint of every table's content: unchanged fingerprint = no state change. */
async function fingerprint(connection: Connection, tables: string[]): Promise<string> {
  const [rows] = await connection.query(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(', ')}`);
  return (rows as { Checksum: number | null }[]).map((r) => String(r.Checksum)).join(',');
}

describe('fuzzing every write endpoint', () => {
  let t: TestApp;
  let connection: Connection;
  let tables: string[];
  let endpoints: Endpoint[];
  const tokens: (string | undefined)[] = [undefined, 'Bearer not-a-token', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOjF9.'];

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    for (const role of shared.USER_ROLES) tokens.push(`Bearer ${(await t.login(role)).tokens.accessToken}`);
    const document = (await request(t.http).get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    endpoints = Object.entries(document.paths).flatMap(([path, operations]) =>
      (['post', 'put', 'patch', 'delete'] as const).filter((method) => method in operations).map((method) => ({ method, path })),
    );
    const options = t.app.get(DatabaseService).dataSource.options as { url: string };
    connection = await createConnection({ uri: options.url });
    const [rows] = await connection.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = ?', ['BASE TABLE']);
    tables = (rows as { name: string }[]).map((r) => r.name);
  });
  afterAll(async () => {
    await connection?.end();
    await t?.close();
  });

  it(`sends ${RUNS} generated bodies, query strings and ids: never a 5xx, and a refusal changes nothing`, async () => {
    expect(endpoints.length).toBeGreaterThan(40);
    const vocabulary = fieldVocabulary();
    expect(vocabulary.length).toBeGreaterThan(50);
    const hits = new Map<string, number>();
    const statuses = new Map<number, number>();
    let before = await fingerprint(connection, tables);

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        fc.array(pathValue, { minLength: 4, maxLength: 4 }),
        queryString,
        bodyArbitrary(vocabulary),
        fc.constantFrom(...tokens),
        async (endpoint, pathValues, query, body, token) => {
          let n = 0;
          const url = endpoint.path.replace(/\{[^}]+\}/g, () => pathValues[n++]) + (query ? `?${query}` : '');
          let call = request(t.http)[endpoint.method](url);
          if (token) call = call.set('Authorization', token);
          // Raw text as it is (malformed JSON included), anything else as its JSON encoding.
          if (body !== undefined) call = call.set('Content-Type', 'application/json').send(typeof body === 'string' && RAW_BODIES.has(body) ? body : JSON.stringify(body));
          const res = await call;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          hits.set(`${endpoint.method} ${endpoint.path}`, (hits.get(`${endpoint.method} ${endpoint.path}`) ?? 0) + 1);
          if (res.status >= 500) throw new Error(`${res.status} from ${endpoint.method.toUpperCase()} ${url} with ${JSON.stringify(body)?.slice(0, 300)}: ${JSON.stringify(res.body)}`);
          // A refusal is a person-readable error, and leaves every table as it was.
          const after = await fingerprint(connection, tables);
          if (res.status >= 400) {
            expect(typeof res.body.code).toBe('string');
            expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
            if (after !== before) throw new Error(`refused ${res.status} ${endpoint.method.toUpperCase()} ${url} but the database changed`);
          }
          before = after;
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261123), endOnFailure: true },
    );

    // Every write endpoint was tried, many times over.
    const fairShare = RUNS / endpoints.length;
    for (const endpoint of endpoints) expect(hits.get(`${endpoint.method} ${endpoint.path}`) ?? 0).toBeGreaterThan(fairShare / 4);
    // Not only the front door: generated requests also get past authentication to validation and to the objects.
    const count = (...codes: number[]) => codes.reduce((sum, code) => sum + (statuses.get(code) ?? 0), 0);
    expect(count(401)).toBeGreaterThan(0);
    expect(count(400)).toBeGreaterThan(RUNS / 20);
    expect(count(403, 404, 409)).toBeGreaterThan(RUNS / 100);
    process.stdout.write(`fuzz: ${RUNS} requests over ${endpoints.length} write endpoints; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}\n`);
  }, 1_800_000);
});
