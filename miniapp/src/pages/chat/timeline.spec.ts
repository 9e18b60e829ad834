import { sendMessageSchema, type MessageDto } from '@hall-menu/shared';
import { dayLabel, mergeMessages, newClientMessageId, settlePending, withDaySeparators, type PendingMessage } from './timeline';

const message = (id: number, createdAt = '2026-11-23T02:00:00.000Z', clientMessageId: string | null = null): MessageDto => ({
  id,
  conversationId: 5,
  kind: 'text',
  text: `第 ${id} 条`,
  photoUrl: null,
  side: 'hall',
  sender: { id: 2, nickname: '李建国' },
  clientMessageId,
  createdAt,
});

describe('mergeMessages', () => {
  it('orders by id and keeps each id once, the later copy winning', () => {
    const merged = mergeMessages([message(3), message(1)], [message(2), { ...message(3), text: '新的' }, message(1)]);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(merged[2].text).toBe('新的');
  });

  it('returns the same array when nothing came in', () => {
    const known = [message(1)];
    expect(mergeMessages(known, [])).toBe(known);
  });
});

describe('settlePending', () => {
  const pending = (clientMessageId: string): PendingMessage => ({ clientMessageId, kind: 'text', text: '你好', photoUrl: null, status: 'sending', error: null });

  it('drops the bubbles whose message is stored', () => {
    expect(settlePending([pending('a'), pending('b')], [message(1, undefined, 'a')]).map((p) => p.clientMessageId)).toEqual(['b']);
  });
});

describe('newClientMessageId', () => {
  it('makes version-4 UUIDs the server accepts, different each time', () => {
    const ids = Array.from({ length: 50 }, () => newClientMessageId());
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(sendMessageSchema.safeParse({ clientMessageId: id, kind: 'text', text: '你好' }).success).toBe(true);
    }
  });
});

describe('day separators (Beijing time)', () => {
  const now = new Date('2026-11-23T04:00:00.000Z'); // 12:00 in Beijing

  it('says 今天, 昨天, the date this year, and the year before that', () => {
    expect(dayLabel('2026-11-22T16:30:00.000Z', now)).toBe('今天'); // 00:30 on the 23rd in Beijing
    expect(dayLabel('2026-11-22T15:59:00.000Z', now)).toBe('昨天');
    expect(dayLabel('2026-03-05T02:00:00.000Z', now)).toBe('3月5日');
    expect(dayLabel('2025-12-30T02:00:00.000Z', now)).toBe('2025年12月30日');
  });

  it('puts one separator before the first message of each day', () => {
    const rows = withDaySeparators([message(1, '2026-11-21T02:00:00.000Z'), message(2, '2026-11-21T09:00:00.000Z'), message(3, '2026-11-23T01:00:00.000Z')], now);
    expect(rows.map((r) => (r.kind === 'day' ? r.label : r.message.id))).toEqual(['11月21日', 1, 2, '今天', 3]);
  });
});
