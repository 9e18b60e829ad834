import { encodeQr } from './qr';

describe('encodeQr', () => {
  it('makes a version 1 symbol for an 8-character code, with the three finder patterns and timing lines', () => {
    const rows = encodeQr('AB12CD34');
    expect(rows).toHaveLength(21);
    expect(rows.every((row) => row.length === 21)).toBe(true);
    const finder = (x0: number, y0: number) =>
      Array.from({ length: 7 }, (_, y) => Array.from({ length: 7 }, (_, x) => (rows[y0 + y][x0 + x] ? '#' : '.')).join('')).join('/');
    const expected = '#######/#.....#/#.###.#/#.###.#/#.###.#/#.....#/#######';
    expect(finder(0, 0)).toBe(expected);
    expect(finder(14, 0)).toBe(expected);
    expect(finder(0, 14)).toBe(expected);
    for (let i = 8; i < 13; i++) {
      expect(rows[6][i]).toBe(i % 2 === 0);
      expect(rows[i][6]).toBe(i % 2 === 0);
    }
    // The dark module.
    expect(rows[13][8]).toBe(true);
  });

  it('grows with the text and gives different codes different symbols', () => {
    expect(encodeQr('x'.repeat(30))).toHaveLength(29);
    expect(encodeQr('AB12CD34')).not.toEqual(encodeQr('AB12CD35'));
  });
});
