import { mapHeader, planRows, type ImportContext } from './hall-rows';
import type { SheetLine } from './sheet';

const ctx: ImportContext = {
  root: '330381',
  counties: [
    { code: '330381', name: '瑞安市', fullName: '瑞安市' },
    { code: '330382', name: '乐清市', fullName: '乐清市' },
  ],
  villages: [
    { code: '330381001001', name: '东山村', fullName: '瑞安市 安阳街道 东山村' },
    { code: '330381002001', name: '西岙村', fullName: '瑞安市 玉海街道 西岙村' },
    { code: '330381003001', name: '西岙村', fullName: '瑞安市 锦湖街道 西岙村' },
    { code: '330382001001', name: '南岸村', fullName: '乐清市 城东街道 南岸村' },
  ],
  halls: [
    { id: 7, name: '东山村文化礼堂', villageCode: '330381001001', address: '东山村1号', latitude: 27.8, longitude: 120.6, seats: 200, facilities: ['stage', 'power'], starLevel: 3, annualQuota: 12 },
  ],
};

const header = ['礼堂编号', '区县', '村/社区代码', '村/社区', '礼堂名称', '地址', '纬度', '经度', '座位数', '设施', '星级', '年度点单额度'];
const { columns } = mapHeader(header);
const row = (line: number, cells: string[]): SheetLine => ({ line, cells });

describe('mapHeader', () => {
  it('finds columns by title in any order, with aliases and required marks, and names what is missing', () => {
    expect(mapHeader(['*礼堂名称', '座位数（个）', '村(社区)代码']).missing).toEqual(['座位数']);
    const found = mapHeader(['座位数', '县(市、区)', '名称', '村']);
    expect(found.missing).toEqual([]);
    expect(found.columns).toMatchObject({ seats: 0, county: 1, name: 2, villageName: 3 });
    expect(mapHeader(['礼堂名称', '座位数']).missing).toEqual(['村/社区代码（或「区县」和「村/社区」）']);
  });
});

describe('planRows', () => {
  it('creates, updates, leaves unchanged, and explains every error in Chinese', () => {
    const planned = planRows(
      [
        row(2, ['', '', '330381002001', '', '西岙村文化礼堂', '', '', '', '150', '舞台、音响', '', '']),
        row(3, ['7', '', '', '', '', '', '', '', '260', '', '', '20']),
        row(4, ['', '瑞安市', '', '东山村', '东山村文化礼堂', '东山村1号', '27.8', '120.6', '200', '动力电，舞台', '3', '12']),
        row(5, ['', '瑞安市', '', '北山村', '北山礼堂', '', '', '', '100', '', '', '']),
        row(6, ['', '乐清市', '330381001001', '', '错县礼堂', '', '', '', '100', '', '', '']),
        row(7, ['', '', '330382001001', '', '南岸礼堂', '', '', '', '100', '', '', '']),
        row(8, ['', '瑞安市', '', '西岙村', '重名礼堂', '', '', '', '100', '', '', '']),
        row(9, ['', '', '330381002001', '', '坏数字礼堂', '', '', '', '一百', '', '6', '12.5']),
        row(10, ['', '', '330381002001', '', '', '', '', '', '100', '', '', '']),
        row(11, ['', '', '330381002001', '', '西岙村文化礼堂', '', '', '', '120', '', '', '']),
      ],
      columns,
      ctx,
    );
    const byLine = new Map(planned.map((p) => [p.line, p]));
    expect(byLine.get(2)).toMatchObject({ result: 'create', values: { name: '西岙村文化礼堂', villageCode: '330381002001', seats: 150, facilities: ['stage', 'sound'], starLevel: 3, annualQuota: 12 } });
    expect(byLine.get(3)).toMatchObject({ result: 'update', hallId: 7, values: { name: '东山村文化礼堂', seats: 260, annualQuota: 20, address: '东山村1号' } });
    expect(byLine.get(3)!.changes.map((c) => [c.label, c.from, c.to])).toEqual([['座位数', 200, 260], ['年度点单额度', 12, 20]]);
    expect(byLine.get(4)).toMatchObject({ result: 'error', errors: ['与第 3 行重复（同一座礼堂）'] });
    expect(byLine.get(5)!.errors).toEqual(['在「瑞安市」找不到村/社区「北山村」']);
    expect(byLine.get(6)!.errors).toEqual(['村/社区代码「330381001001」（瑞安市 安阳街道 东山村）不在「乐清市」']);
    expect(byLine.get(7)!.errors).toEqual(['乐清市 城东街道 南岸村不在您负责的地区内']);
    expect(byLine.get(8)!.errors).toEqual(['「瑞安市」有 2 个名为「西岙村」的村/社区，请填写村/社区代码']);
    expect(byLine.get(9)!.errors).toEqual(['座位数「一百」不是有效数字', '星级应在 1 到 5 之间（填写的是 6）', '年度点单额度应为整数（填写的是「12.5」）']);
    expect(byLine.get(10)!.errors).toEqual(['缺少礼堂名称']);
    expect(byLine.get(11)!.errors).toEqual(['与第 2 行重复（同一座礼堂）']);
  });

  it('finds nothing to change when a row says what the hall already is', () => {
    const [same] = planRows([row(2, ['7', '瑞安市', '330381001001', '东山村', '东山村文化礼堂', '东山村1号', '27.8', '120.6', '200', '舞台、动力电', '3', '12'])], columns, ctx);
    expect(same).toMatchObject({ result: 'unchanged', hallId: 7, changes: [], errors: [] });
  });

  it('reads full-width digits and a township-qualified village name', () => {
    const [planned] = planRows([row(2, ['', '瑞安市', '', '锦湖街道西岙村', '新礼堂', '', '', '', '１２０', '', '', ''])], columns, ctx);
    expect(planned).toMatchObject({ result: 'create', values: { villageCode: '330381003001', seats: 120 } });
  });
});
