import ExcelJS from 'exceljs';

/** One non-empty row of an uploaded sheet: its row number as a spreadsheet program shows it, and its cells as text. */
export interface SheetLine {
  line: number;
  cells: string[];
}

export type SheetFormat = 'xlsx' | 'csv';

/** What kind of file this is, by its first bytes rather than its name. */
export function sniffFormat(bytes: Buffer): SheetFormat | 'xls' {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'xlsx'; // a zip: Office Open XML
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) return 'xls'; // the old binary Excel format
  return 'csv';
}

/**
 * Text of a CSV file. Excel on a Chinese Windows saves CSV as GBK, so text that is not valid UTF-8 is read as
 * GB18030 (a superset of GBK). A UTF-8 byte-order mark is dropped.
 */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * RFC 4180: fields separated by commas (or tabs, when the first line has tabs and no commas), optionally quoted
 * with `"`, a quote inside quotes doubled, line breaks inside quotes kept; CRLF or LF between records.
 * Returns the non-empty records with their record numbers (what a spreadsheet shows as row numbers).
 */
export function parseCsv(text: string): SheetLine[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records
    .map((cells, index) => ({ line: index + 1, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
}

/** The first worksheet's non-empty rows. Throws when the bytes are not a readable workbook. */
export async function readXlsx(bytes: Buffer): Promise<SheetLine[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const lines: SheetLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col).value).trim());
    if (cells.some((c) => c !== '')) lines.push({ line: rowNumber, cells });
  });
  return lines;
}

/** A cell's value as the text a person sees: numbers in full (a 12-digit code stays whole), formulas by result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

/** A CSV Excel opens correctly: UTF-8 with a byte-order mark, CRLF, quoted where needed. */
export function writeCsv(rows: (string | number | null)[][]): Buffer {
  const quote = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** One sheet with a bold header row; `textColumns` (0-based) are stored as text so long codes stay whole. */
export async function writeXlsx(
  sheetName: string,
  rows: (string | number | null)[][],
  options: { widths?: number[]; textColumns?: number[]; notes?: string[] } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  rows.forEach((r) => sheet.addRow(r.map((v) => (v === null ? '' : v))));
  sheet.getRow(1).font = { bold: true };
  options.widths?.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  options.textColumns?.forEach((i) => (sheet.getColumn(i + 1).numFmt = '@'));
  if (options.notes?.length) {
    const notes = workbook.addWorksheet('填写说明');
    notes.getColumn(1).width = 100;
    options.notes.forEach((n) => notes.addRow([n]));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
