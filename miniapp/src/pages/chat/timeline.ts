import type { MessageDto } from '@hall-menu/shared';

/** A message of mine not yet stored: shown at once as 发送中…, or 发送失败 with 重发. */
export interface PendingMessage {
  /** Kept across retries: the server stores one message per id, so 重发 never makes two. */
  clientMessageId: string;
  kind: 'text' | 'photo';
  text: string | null;
  /** The `/uploads/…` URL once uploaded. */
  photoUrl: string | null;
  status: 'sending' | 'failed';
  /** Why the last try failed. */
  error: string | null;
}

/** Messages by id, oldest first, each id once (a later copy replaces an earlier one). */
export function mergeMessages(known: MessageDto[], incoming: MessageDto[]): MessageDto[] {
  if (incoming.length === 0) return known;
  const byId = new Map(known.map((m) => [m.id, m]));
  incoming.forEach((m) => byId.set(m.id, m));
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** Pending bubbles whose message has arrived (by HTTP answer or by socket) are replaced by it. */
export function settlePending(pending: PendingMessage[], messages: MessageDto[]): PendingMessage[] {
  const stored = new Set(messages.map((m) => m.clientMessageId).filter((id): id is string => id !== null));
  const left = pending.filter((p) => !stored.has(p.clientMessageId));
  return left.length === pending.length ? pending : left;
}

/** A random RFC 4122 version-4 id (weapp has no crypto.randomUUID; the server only needs it unique per sender). */
export function newClientMessageId(random: () => number = Math.random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16));
  hex[12] = 4;
  hex[16] = (hex[16] & 0x3) | 0x8;
  const s = hex.map((n) => n.toString(16)).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Days since the epoch in Beijing time: two instants on the same Beijing day give the same number. */
const beijingDay = (iso: string | Date) => Math.floor((new Date(iso).getTime() + BEIJING_OFFSET_MS) / DAY_MS);

/** The separator over a day's messages: 今天, 昨天, 3月5日 (this year) or 2025年12月30日. */
export function dayLabel(iso: string, now: Date = new Date()): string {
  const day = beijingDay(iso);
  const today = beijingDay(now);
  if (day === today) return '今天';
  if (day === today - 1) return '昨天';
  const d = new Date(day * DAY_MS);
  const thisYear = new Date(today * DAY_MS).getUTCFullYear();
  const monthDay = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return d.getUTCFullYear() === thisYear ? monthDay : `${d.getUTCFullYear()}年${monthDay}`;
}

/** "14:05" in Beijing time. */
export function clockTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

export type TimelineRow = { kind: 'day'; key: string; label: string } | { kind: 'message'; key: string; message: MessageDto };

/** Messages with a day separator before the first message of each Beijing day. */
export function withDaySeparators(messages: MessageDto[], now: Date = new Date()): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let lastDay: number | null = null;
  for (const message of messages) {
    const day = beijingDay(message.createdAt);
    if (day !== lastDay) rows.push({ kind: 'day', key: `day-${day}`, label: dayLabel(message.createdAt, now) });
    lastDay = day;
    rows.push({ kind: 'message', key: `m-${message.id}`, message });
  }
  return rows;
}
