import { rank, type RankingMeasures } from './ranking-formula';

const subject = (id: number, services: number, attendance: number, ratingsCount: number, goodRatings: number): RankingMeasures => ({ id, services, attendance, ratingsCount, goodRatings });

describe('yearly ranking formula', () => {
  it('scores the leader of every measure with full marks but the satisfaction it earned', () => {
    const [top, other] = rank([subject(2, 5, 500, 10, 5), subject(1, 10, 1000, 20, 20)]);
    // (20 + 5 × 0.8) / (20 + 5) = 0.96 → 100 × (0.35 + 0.25 + 0.25 × 0.96 + 0.15) = 99
    expect(top).toMatchObject({ id: 1, rank: 1, satisfaction: 1, adjustedSatisfaction: 0.96, score: 99 });
    // 100 × (0.35 × 0.5 + 0.25 × 0.5 + 0.25 × (5 + 4) / 15 + 0.15 × 0.5) = 52.5
    expect(other).toMatchObject({ id: 2, rank: 2, satisfaction: 0.5, adjustedSatisfaction: 0.6, score: 52.5 });
  });

  it('does not let one 5-star rating beat many good ones', () => {
    const [first] = rank([subject(1, 3, 300, 1, 1), subject(2, 3, 300, 30, 28)]);
    expect(first.id).toBe(2);
  });

  it('breaks ties by services, then attendance, then the lower id, whatever the input order', () => {
    // Same score: 100 × (0.35 × 1 + 0.25 × 1 + 0.25 × 0.8 + 0) for both leaders.
    const input = [subject(9, 4, 100, 0, 0), subject(3, 4, 100, 0, 0), subject(5, 2, 100, 0, 0)];
    expect(rank(input).map((s) => s.id)).toEqual([3, 9, 5]);
    expect(rank([...input].reverse()).map((s) => s.id)).toEqual([3, 9, 5]);
    expect(rank(input).map((s) => s.rank)).toEqual([1, 2, 3]);
  });

  it('copes with nothing rated and nothing attended', () => {
    expect(rank([subject(1, 1, 0, 0, 0)])[0]).toMatchObject({ satisfaction: null, adjustedSatisfaction: 0.8, score: 55 });
    expect(rank([])).toEqual([]);
  });
});
