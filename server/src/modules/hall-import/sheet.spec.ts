import { decodeText, parseCsv, readXlsx, sniffFormat, writeCsv, writeXlsx } from './sheet';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and skips empty records', () => {
    const text = '礼堂名称,地址\r\n"石坦村文化礼堂","塘下镇, 石坦村"\r\n\r\n"说""好""的",第二行\n"多\n行",x';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['礼堂名称', '地址'] },
      { line: 2, cells: ['石坦村文化礼堂', '塘下镇, 石坦村'] },
      { line: 4, cells: ['说"好"的', '第二行'] },
      { line: 5, cells: ['多\n行', 'x'] },
    ]);
  });

  it('takes tabs as the separator when the first line has tabs and no commas', () => {
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 (dropping the byte-order mark) and falls back to GBK as Excel on Chinese Windows writes it', () => {
    expect(decodeText(Buffer.from('\uFEFF礼堂', 'utf8'))).toBe('礼堂');
    // 「礼堂」 in GBK.
    expect(decodeText(Buffer.from([0xc0, 0xf1, 0xcc, 0xc3]))).toBe('礼堂');
  });
});

describe('writing and reading sheets', () => {
  it('round-trips CSV, keeping quotes and commas', () => {
    const rows = [['名称', '地址'], ['a,b', 'say "hi"'], ['x', null]];
    const bytes = writeCsv(rows);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(decodeText(bytes)).map((l) => l.cells)).toEqual([['名称', '地址'], ['a,b', 'say "hi"'], ['x', '']]);
    expect(sniffFormat(bytes)).toBe('csv');
  });

  it('round-trips XLSX, keeping a 12-digit code whole whether stored as text or as a number', async () => {
    const bytes = await writeXlsx('礼堂', [['村/社区代码', '座位数'], ['330381001001', 200], [330381001002, 150.5]]);
    expect(sniffFormat(bytes)).toBe('xlsx');
    expect(await readXlsx(bytes)).toEqual([
      { line: 1, cells: ['村/社区代码', '座位数'] },
      { line: 2, cells: ['330381001001', '200'] },
      { line: 3, cells: ['330381001002', '150.5'] },
    ]);
  });

  it('recognises the old binary Excel format so it can be refused with advice', () => {
    expect(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe('xls');
  });
});
