import { HONOUR_LABELS, type HonourBadge, type RankingKind } from '@hall-menu/shared';
import { EntityManager, In } from 'typeorm';
import { Commendation } from './commendation.entity';

export const honourBadge = (c: Commendation): HonourBadge => ({
  id: c.id,
  kind: c.kind,
  year: c.year,
  label: `${c.year}年度${HONOUR_LABELS[c.kind]}`,
  citation: c.citation,
});

/** Active marks of many subjects of one kind, newest year first, in one query. */
export async function readHonours(m: EntityManager, kind: RankingKind, ids: number[]): Promise<Map<number, HonourBadge[]>> {
  const unique = [...new Set(ids)];
  const map = new Map<number, HonourBadge[]>(unique.map((id) => [id, []]));
  if (unique.length === 0) return map;
  const rows = await m.find(Commendation, { where: { kind, subjectId: In(unique), status: 'active' }, order: { year: 'DESC', id: 'DESC' } });
  for (const row of rows) map.get(row.subjectId)!.push(honourBadge(row));
  return map;
}
