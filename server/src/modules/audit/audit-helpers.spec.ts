import { changedFields, commonRegion, isoTime } from './audit-helpers';

describe('commonRegion', () => {
  it('is the smallest real region holding every code', () => {
    expect(commonRegion(['330381001001'])).toBe('330381001001');
    expect(commonRegion(['330381001001', '330381001002'])).toBe('330381001');
    expect(commonRegion(['330381001001', '330381102003'])).toBe('330381');
    // 33038 is no level: cut back to the city.
    expect(commonRegion(['330381001001', '330382001001'])).toBe('3303');
    expect(commonRegion(['3303', '330381'])).toBe('3303');
    expect(commonRegion(['330381001001', '320101001001'])).toBeNull();
    expect(commonRegion([])).toBeNull();
  });
});

describe('changedFields', () => {
  it('keeps only what changed, comparing arrays and objects by value', () => {
    expect(changedFields({ a: 1, b: ['x'], c: null }, { a: 1, b: ['x', 'y'], c: null })).toEqual({ before: { b: ['x'] }, after: { b: ['x', 'y'] } });
    expect(changedFields({ a: 1, b: [1] }, { a: 1, b: [1] })).toBeNull();
  });
});

describe('isoTime', () => {
  it('reads MySQL dates and sql.js UTC text alike', () => {
    expect(isoTime(new Date('2026-05-01T02:03:04.005Z'))).toBe('2026-05-01T02:03:04.005Z');
    expect(isoTime('2026-05-01 02:03:04.005')).toBe('2026-05-01T02:03:04.005Z');
  });
});
