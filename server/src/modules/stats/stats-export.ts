import type { RegionBreakdownRow, RegionStatsDto, StatsBreakdownRow, StatsReportDto } from '@hall-menu/shared';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { BREAKDOWN_HEADER, breakdownCells, orderStateRows, overviewRows, percent } from './stats-report';

const LEVEL_WORDS: Record<string, string> = { county: '县(市、区)', township: '乡镇(街道)', village: '村(社区)' };
const regionHeader = (s: RegionStatsDto) => [`下级地区：${LEVEL_WORDS[s.breakdownLevel] ?? '地区'}`, ...BREAKDOWN_HEADER, '服务礼堂数', '礼堂总数', '礼堂覆盖率'];
const regionCells = (r: RegionBreakdownRow) => [r.label, ...breakdownCells(r), r.hallsServed, r.hallsTotal, percent(r.hallCoverage)];
const sliceCells = (r: StatsBreakdownRow) => [r.label, ...breakdownCells(r)];

/** The figures as CSV: UTF-8 with a BOM so Excel opens the Chinese correctly; sections separated by a blank line. */
export function statsCsv(s: RegionStatsDto): string {
  const rows: (string | number)[][] = [
    ...overviewRows(s),
    [],
    ['点单状态', '数量'],
    ...orderStateRows(s),
    [],
    regionHeader(s),
    ...s.byRegion.map(regionCells),
    [],
    ['服务类别', ...BREAKDOWN_HEADER],
    ...s.byCategory.map(sliceCells),
    [],
    ['月份', ...BREAKDOWN_HEADER],
    ...s.byMonth.map(sliceCells),
    [],
    ['小结', s.summary],
  ];
  const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The same figures as an Excel workbook: 总览, 按地区, 按类别, 按月. Shares are numbers formatted as percentages (so they
 * can be charted and summed); a share with nothing to divide is "—", as in the CSV.
 */
export async function statsXlsx(s: RegionStatsDto): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '礼堂点单';
  book.created = new Date();

  const overview = book.addWorksheet('总览');
  overview.columns = [{ width: 30 }, { width: 40 }];
  const shares: Record<string, number | null> = {
    完成率: s.completionRate,
    群众满意度: s.satisfaction,
    礼堂覆盖率: s.hallCoverage,
  };
  for (const [label, value] of overviewRows(s)) {
    const share = shares[label];
    const row = overview.addRow([label, share === undefined ? value : (share ?? '—')]);
    if (typeof share === 'number') row.getCell(2).numFmt = '0.0%';
  }
  overview.addRow([]);
  overview.addRow(['点单状态', '数量']).font = { bold: true };
  for (const row of orderStateRows(s)) overview.addRow(row);
  overview.addRow([]);
  overview.addRow(['小结', s.summary]);

  const table = <R extends StatsBreakdownRow>(name: string, header: string[], rows: R[], cells: (r: R) => (string | number)[], shareColumns: number[]) => {
    const sheet = book.addWorksheet(name);
    sheet.columns = header.map((_, i) => ({ width: i === 0 ? 24 : 14 }));
    sheet.addRow(header).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of rows) {
      const values = cells(r);
      const shares = shareValues(r);
      const row = sheet.addRow(values.map((v, i) => (shareColumns.includes(i) ? (shares[shareColumns.indexOf(i)] ?? '—') : v)));
      for (const i of shareColumns) if (typeof row.getCell(i + 1).value === 'number') row.getCell(i + 1).numFmt = '0.0%';
    }
  };
  // Column indexes (0-based) of completion rate and satisfaction in a breakdown row, and coverage for regions.
  const completion = 3;
  const satisfaction = 7;
  table('按地区', regionHeader(s), s.byRegion, regionCells, [completion, satisfaction, 10]);
  table('按类别', ['服务类别', ...BREAKDOWN_HEADER], s.byCategory, sliceCells, [completion, satisfaction]);
  table('按月', ['月份', ...BREAKDOWN_HEADER], s.byMonth, sliceCells, [completion, satisfaction]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function shareValues(r: StatsBreakdownRow): (number | null)[] {
  const coverage = (r as RegionBreakdownRow).hallCoverage;
  return coverage === undefined ? [r.completionRate, r.satisfaction] : [r.completionRate, r.satisfaction, coverage];
}

/** The period report as a Word document: title, the paragraphs, then the key figures and the breakdown tables. */
export async function reportDocx(report: StatsReportDto): Promise<Buffer> {
  const s = report.stats;
  const text = (value: string | number, bold = false) => new Paragraph({ children: [new TextRun({ text: String(value), bold, size: 21 })] });
  const grid = (header: string[], rows: (string | number)[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [header, ...rows].map((cells, i) => new TableRow({ tableHeader: i === 0, children: cells.map((c) => new TableCell({ children: [text(c, i === 0)] })) })),
    });
  const heading = (value: string) => new Paragraph({ text: value, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } });
  const doc = new Document({
    creator: '礼堂点单',
    title: report.title,
    styles: { default: { document: { run: { font: 'SimSun' } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: report.title, heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `统计期间：${s.from} 至 ${s.to}`, size: 20 })] }),
          ...report.paragraphs.map((p) => new Paragraph({ children: [new TextRun({ text: p, size: 24 })], indent: { firstLine: 480 }, spacing: { after: 120 } })),
          heading('主要指标'),
          grid(['指标', '数值'], overviewRows(s).slice(2)),
          heading(`分地区（${LEVEL_WORDS[s.breakdownLevel] ?? '地区'}）`),
          grid(['地区', '服务场次', '参与人次', '满意度', '礼堂覆盖率'], s.byRegion.map((r) => [r.label, r.servicesDelivered, r.attendance, percent(r.satisfaction), percent(r.hallCoverage)])),
          heading('分类别'),
          grid(['服务类别', '服务场次', '参与人次', '满意度'], s.byCategory.filter((r) => r.servicesDelivered > 0 || r.ordersPlaced > 0).map((r) => [r.label, r.servicesDelivered, r.attendance, percent(r.satisfaction)])),
          heading('分月份'),
          grid(['月份', '服务场次', '参与人次', '满意度'], s.byMonth.map((r) => [r.label, r.servicesDelivered, r.attendance, percent(r.satisfaction)])),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
