import { bayesianRating, DEFAULT_MATCH_WEIGHTS, rankNeeds, rankProjects, scoreProject, type NeedCandidate, type ProjectCandidate } from './scorer';

const base: ProjectCandidate = {
  projectId: 1,
  categoryMatch: false,
  covers: true,
  availableDays: 0,
  periodDays: 14,
  ratingAverage: null,
  ratingCount: 0,
  hallServicesThisYear: 3,
  sameCounty: false,
};
const rankOf = (candidates: ProjectCandidate[], id: number) => rankProjects(candidates).findIndex((r) => r.projectId === id);

describe('project scorer', () => {
  it('ranks a project of the wanted category above one that is not', () => {
    expect(rankOf([{ ...base, projectId: 1 }, { ...base, projectId: 2, categoryMatch: true }], 2)).toBe(0);
  });

  it('ranks a project that covers the village above one that does not', () => {
    expect(rankOf([{ ...base, projectId: 1, covers: false }, { ...base, projectId: 2 }], 2)).toBe(0);
  });

  it('ranks a project that is free in the period above one that is not', () => {
    expect(rankOf([{ ...base, projectId: 1 }, { ...base, projectId: 2, availableDays: 3 }], 2)).toBe(0);
  });

  it('ranks better-rated projects higher, but fifty 4.8s beat one 5.0', () => {
    const one5 = { ...base, projectId: 1, ratingAverage: 5, ratingCount: 1 };
    const fifty48 = { ...base, projectId: 2, ratingAverage: 4.8, ratingCount: 50 };
    expect(bayesianRating(5, 1)).toBeLessThan(bayesianRating(4.8, 50));
    expect(rankOf([one5, fifty48], 2)).toBe(0);
    expect(rankOf([{ ...base, projectId: 1, ratingAverage: 3, ratingCount: 30 }, { ...base, projectId: 2, ratingAverage: 4.5, ratingCount: 30 }], 2)).toBe(0);
  });

  it('starts an unrated project of a well-rated provider from the provider score, and says so', () => {
    const known = { ...base, projectId: 1, providerRating: { average: 4.9, count: 40, score: 4.79 } };
    const poorlyKnown = { ...base, projectId: 2, providerRating: { average: 2.1, count: 30, score: 2.37 } };
    expect(rankProjects([{ ...base, projectId: 3 }, poorlyKnown, known]).map((r) => r.projectId)).toEqual([1, 3, 2]);
    expect(scoreProject(known).reasons).toContain('服务方评分4.9(40条)');
    // A provider nobody rated yet changes nothing.
    expect(scoreProject({ ...base, providerRating: { average: 0, count: 0, score: 4 } })).toEqual(scoreProject(base));
    // The project's own ratings still speak first: many 4.8s stay near 4.8 whatever the provider's score.
    const rated = { ...base, ratingAverage: 4.8, ratingCount: 60 };
    expect(scoreProject({ ...rated, providerRating: { average: 2, count: 30, score: 2.29 } }).score).toBeGreaterThan(scoreProject({ ...base, ratingAverage: 3.5, ratingCount: 60 }).score);
    expect(scoreProject({ ...rated, providerRating: { average: 2, count: 30, score: 2.29 } }).reasons).toContain('评分4.8(60条)');
  });

  it('favours halls served less this year, and nearby providers', () => {
    expect(scoreProject({ ...base, hallServicesThisYear: 0 }).score).toBeGreaterThan(scoreProject({ ...base, hallServicesThisYear: 5 }).score);
    expect(rankOf([{ ...base, projectId: 1 }, { ...base, projectId: 2, sameCounty: true }], 2)).toBe(0);
  });

  it('keeps ties in project id order, whatever the input order', () => {
    const tied = [5, 3, 9, 1].map((projectId) => ({ ...base, projectId }));
    expect(rankProjects(tied).map((r) => r.projectId)).toEqual([1, 3, 5, 9]);
  });

  it('gives exactly the reasons of the factors that applied', () => {
    expect(scoreProject(base).reasons).toEqual(['覆盖本村']);
    const all = scoreProject({ ...base, categoryMatch: true, availableDays: 2, ratingAverage: 4.8, ratingCount: 32, hallServicesThisYear: 0, sameCounty: true });
    expect(all.reasons).toEqual(['类别相符', '覆盖本村', '该时段有空', '评分4.8(32条)', '今年本礼堂尚未获得服务', '本县服务方']);
  });

  it('uses the configured weights', () => {
    const heavyRating = { ...DEFAULT_MATCH_WEIGHTS, category: 0, rating: 50 };
    const ranked = rankProjects([{ ...base, projectId: 1, categoryMatch: true }, { ...base, projectId: 2, ratingAverage: 4.9, ratingCount: 40 }], heavyRating);
    expect(ranked[0].projectId).toBe(2);
  });
});

describe('need scorer (provider side)', () => {
  const need: NeedCandidate = { needId: 1, fittingProjects: [], upvotes: 0, hallServicesThisYear: 2, daysUntilStart: 30 };
  it('puts needs the provider has a fitting project for, more upvotes and less-served halls first', () => {
    expect(rankNeeds([need, { ...need, needId: 2, fittingProjects: ['越剧专场'] }])[0].needId).toBe(2);
    expect(rankNeeds([need, { ...need, needId: 2, upvotes: 12 }])[0]).toMatchObject({ needId: 2, reasons: expect.arrayContaining(['12位村民想看']) });
    expect(rankNeeds([need, { ...need, needId: 2, hallServicesThisYear: 0 }])[0].needId).toBe(2);
    expect(rankNeeds([{ ...need, needId: 7 }, { ...need, needId: 3 }]).map((n) => n.needId)).toEqual([3, 7]);
  });
});
