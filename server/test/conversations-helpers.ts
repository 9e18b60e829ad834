import type { RealtimeFrame } from '@hall-menu/shared';
import { WebSocket } from 'ws';
import { workerDatabaseUrl } from './database';
import { startTestApp, type TestApp } from './test-app';

/** A chat client as the mini-program's would be: one WebSocket, every frame kept, waits for the ones a test expects. */
export class SocketClient {
  readonly frames: RealtimeFrame[] = [];
  private waiters: { match: (f: RealtimeFrame) => boolean; resolve: (f: RealtimeFrame) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as RealtimeFrame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => (w.match(frame) ? (w.resolve(frame), false) : true));
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  /** Opens a socket with the access token; resolves once the server said `ready`. */
  static async connect(baseUrl: string, token: string): Promise<SocketClient> {
    const client = new SocketClient(new WebSocket(`${baseUrl}/ws?token=${encodeURIComponent(token)}`));
    await client.waitFor((f) => f.type === 'ready');
    return client;
  }

  /** Opens a socket the server is expected to refuse; resolves with the close code and reason. */
  static refused(baseUrl: string, query: string): Promise<{ code: number; reason: string; frames: RealtimeFrame[] }> {
    const client = new SocketClient(new WebSocket(`${baseUrl}/ws${query}`));
    return client.closed.then((closed) => ({ ...closed, frames: client.frames }));
  }

  /** The first frame, already received or still to come, that matches; `from` skips frames received before that index. */
  waitFor(match: (f: RealtimeFrame) => boolean, { from = 0, timeoutMs = 5000 }: { from?: number; timeoutMs?: number } = {}): Promise<RealtimeFrame> {
    const seen = this.frames.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`)), timeoutMs);
      this.waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  messages(conversationId?: number): Extract<RealtimeFrame, { type: 'message' }>[] {
    return this.frames.filter((f): f is Extract<RealtimeFrame, { type: 'message' }> => f.type === 'message' && (conversationId === undefined || f.conversationId === conversationId));
  }

  lastUnread(conversationId: number): Extract<RealtimeFrame, { type: 'unread' }> | undefined {
    return this.frames.filter((f): f is Extract<RealtimeFrame, { type: 'unread' }> => f.type === 'unread' && f.conversationId === conversationId).pop();
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}

/** Gives pushes that should not come a fair chance to arrive before asserting they did not. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ws:// base of an app listening on an ephemeral port. */
export function socketBase(server: { address(): unknown }): string {
  const { port } = server.address() as { port: number };
  return `ws://127.0.0.1:${port}`;
}

/** Another server instance on the database `startTestApp` prepared (no seeding), as a second replica would be. */
export function secondInstance(env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({ DATABASE_URL: workerDatabaseUrl().url, SEED_DEMO_DATA: 'false', JOB_INTERVAL_SECONDS: '0', ...env });
}
