/**
 * Builds hall import files the way a county office would: an XLSX made with exceljs (independently of the
 * server's own writer) or a CSV, with the template's Chinese column titles. Used by the admin e2e tests and by the
 * mini-program's browser test (`writeHallImportXlsx` puts one on disk for a file chooser).
 */
import ExcelJS from 'exceljs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** The template's columns, in order. */
export const HALL_IMPORT_HEADERS = ['礼堂编号', '区县', '村/社区代码', '村/社区', '礼堂名称', '地址', '纬度', '经度', '座位数', '设施', '星级', '年度点单额度'] as const;
export type HallImportHeader = (typeof HALL_IMPORT_HEADERS)[number];

/** One hall; columns left out stay empty. */
export type HallImportRowInput = Partial<Record<HallImportHeader, string | number>>;

export async function hallImportXlsx(rows: HallImportRowInput[], headers: readonly string[] = HALL_IMPORT_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('礼堂');
  sheet.addRow([...headers]);
  // Village codes as text, as Excel keeps them when the column is formatted as text.
  for (const row of rows) sheet.addRow(headers.map((h) => row[h as HallImportHeader] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function hallImportCsv(rows: HallImportRowInput[], headers: readonly string[] = HALL_IMPORT_HEADERS): Buffer {
  const quote = (v: string | number | undefined) => {
    const text = v === undefined ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [headers.join(','), ...rows.map((r) => headers.map((h) => quote(r[h as HallImportHeader])).join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Writes an XLSX to `file` (folders created) and returns its absolute path. */
export async function writeHallImportXlsx(file: string, rows: HallImportRowInput[]): Promise<string> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, await hallImportXlsx(rows));
  return target;
}
