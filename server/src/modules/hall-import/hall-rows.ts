import {
  HALL_FACILITIES,
  HALL_FACILITY_LABELS,
  HALL_SHEET_COLUMNS,
  type HallFacility,
  type HallImportChange,
  type HallImportValues,
  type HallSheetKey,
  type ImportRowResult,
} from '@hall-menu/shared';
import type { SheetLine } from './sheet';

export interface RegionRef {
  code: string;
  name: string;
  fullName: string;
}

/** An existing hall as the import compares it. */
export interface ExistingHall extends HallImportValues {
  id: number;
}

export interface ImportContext {
  /** The importer's oversight region ('' = everywhere). */
  root: string;
  counties: RegionRef[];
  villages: RegionRef[];
  halls: ExistingHall[];
}

export interface PlannedRow {
  line: number;
  result: ImportRowResult;
  hallId: number | null;
  rawName: string;
  villageCode: string | null;
  values: HallImportValues | null;
  seen: HallImportValues | null;
  changes: HallImportChange[];
  errors: string[];
}

const FIELD_LABELS: Record<keyof HallImportValues, string> = {
  name: '礼堂名称',
  villageCode: '村/社区',
  address: '地址',
  latitude: '纬度',
  longitude: '经度',
  seats: '座位数',
  facilities: '设施',
  starLevel: '星级',
  annualQuota: '年度点单额度',
};

/** Other ways people title the same columns. */
const HEADER_ALIASES: Record<string, HallSheetKey> = {
  编号: 'id',
  礼堂id: 'id',
  县市区: 'county',
  '县(市、区)': 'county',
  区县名称: 'county',
  '村(社区)代码': 'villageCode',
  村社区代码: 'villageCode',
  村代码: 'villageCode',
  行政区划代码: 'villageCode',
  '村(社区)': 'villageName',
  村社区: 'villageName',
  村: 'villageName',
  村名: 'villageName',
  名称: 'name',
  礼堂: 'name',
  座位: 'seats',
  额度: 'annualQuota',
  点单额度: 'annualQuota',
  年度额度: 'annualQuota',
};

const normaliseHeader = (text: string) =>
  text
    .replace(/[*＊\s]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/／/g, '/')
    .toLowerCase();

/** Which column holds which field, and which required columns are missing (by their Chinese titles). */
export function mapHeader(header: string[]): { columns: Partial<Record<HallSheetKey, number>>; missing: string[] } {
  const known = new Map<string, HallSheetKey>([
    ...HALL_SHEET_COLUMNS.map((c) => [normaliseHeader(c.header), c.key] as [string, HallSheetKey]),
    ...Object.entries(HEADER_ALIASES).map(([alias, key]) => [normaliseHeader(alias), key] as [string, HallSheetKey]),
  ]);
  const columns: Partial<Record<HallSheetKey, number>> = {};
  header.forEach((cell, index) => {
    const key = known.get(normaliseHeader(cell));
    if (key && columns[key] === undefined) columns[key] = index;
  });
  const title = (key: HallSheetKey) => HALL_SHEET_COLUMNS.find((c) => c.key === key)!.header;
  const missing: string[] = (['name', 'seats'] as HallSheetKey[]).filter((k) => columns[k] === undefined).map(title);
  if (columns.villageCode === undefined && (columns.county === undefined || columns.villageName === undefined)) {
    missing.push(`${title('villageCode')}（或「${title('county')}」和「${title('villageName')}」）`);
  }
  return { columns, missing };
}

/** Full-width digits and signs, typed on Chinese keyboards, read as ASCII. */
const asciiDigits = (text: string) =>
  text.replace(/[０-９．－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，](?=\d{3}(\D|$))/g, '');

/** A leading apostrophe protects formula-like text in exported CSV; it is not part of the value. */
const unprotect = (text: string) => (/^'[=+@]/.test(text) ? text.slice(1) : text);

const key = (villageCode: string, name: string) => `${villageCode}|${name}`;

export const canonicalFacilities = (facilities: readonly HallFacility[]): HallFacility[] => HALL_FACILITIES.filter((f) => facilities.includes(f));

/**
 * Decides, row by row, what confirming would do: create, update, nothing (unchanged), or nothing because of errors
 * (each explained in Chinese). Empty cells keep an existing hall's value and take the default for a new one.
 */
export function planRows(lines: SheetLine[], columns: Partial<Record<HallSheetKey, number>>, ctx: ImportContext): PlannedRow[] {
  const countyByName = new Map(ctx.counties.flatMap((c) => [[c.name, c] as const, [c.code, c] as const]));
  const villageByCode = new Map(ctx.villages.map((v) => [v.code, v]));
  const hallById = new Map(ctx.halls.map((h) => [h.id, h]));
  const hallByKey = new Map(ctx.halls.map((h) => [key(h.villageCode, h.name), h]));
  const seenKeys = new Map<string, number>();
  const seenIds = new Map<number, number>();

  return lines.map(({ line, cells }) => {
    const cell = (k: HallSheetKey) => (columns[k] === undefined ? '' : unprotect(cells[columns[k]!] ?? '').trim());
    const errors: string[] = [];
    const rawName = cell('name').slice(0, 120);

    // Which hall, if any, the row names by its number.
    let byId: ExistingHall | null = null;
    const idText = asciiDigits(cell('id'));
    if (idText) {
      if (!/^\d{1,9}$/.test(idText)) errors.push(`礼堂编号「${cell('id')}」不是有效数字`);
      else {
        byId = hallById.get(Number(idText)) ?? null;
        if (!byId) errors.push(`找不到编号为 ${idText} 的礼堂；新建礼堂请把编号留空`);
      }
    }

    // A row that names its hall by number may leave the village out: it stays where it is.
    const villageGiven = Boolean(cell('county') || cell('villageCode') || cell('villageName'));
    const village =
      villageGiven || !byId ? resolveVillage(cell('county'), asciiDigits(cell('villageCode')), cell('villageName'), countyByName, villageByCode, ctx.villages, errors) : null;
    if (village && !village.code.startsWith(ctx.root)) errors.push(`${village.fullName}不在您负责的地区内`);
    if (byId && !byId.villageCode.startsWith(ctx.root)) errors.push(`编号 ${byId.id} 的礼堂不在您负责的地区内`);

    let name: string | undefined = rawName || undefined;
    if (!name && !byId) errors.push('缺少礼堂名称');
    if (name && (name.length < 2 || name.length > 40)) errors.push('礼堂名称应为 2 到 40 个字');

    const address = cell('address') || undefined;
    if (address && address.length > 100) errors.push('地址最多 100 个字');
    const seats = wholeNumber(cell('seats'), '座位数', 1, 5000, errors);
    const starLevel = wholeNumber(cell('starLevel'), '星级', 1, 5, errors);
    const annualQuota = wholeNumber(cell('annualQuota'), '年度点单额度', 0, 200, errors);
    const latitude = decimal(cell('latitude'), '纬度', -90, 90, errors);
    const longitude = decimal(cell('longitude'), '经度', -180, 180, errors);
    if ((latitude === undefined) !== (longitude === undefined)) errors.push('纬度和经度要一起填写');
    const facilities = facilityList(cell('facilities'), errors);

    const existing = byId ?? (village && name ? (hallByKey.get(key(village.code, name)) ?? null) : null);
    if (seats === undefined && !existing && !cell('seats')) errors.push('缺少座位数');

    const base: PlannedRow = { line, result: 'error', hallId: existing?.id ?? null, rawName, villageCode: village?.code ?? null, values: null, seen: null, changes: [], errors };
    if (errors.length > 0 || (!village && !existing)) return base;

    name ??= existing!.name;
    const values: HallImportValues = {
      name,
      villageCode: village?.code ?? existing!.villageCode,
      address: address ?? existing?.address ?? '',
      latitude: latitude ?? existing?.latitude ?? null,
      longitude: longitude ?? existing?.longitude ?? null,
      seats: seats ?? existing!.seats,
      facilities: facilities ?? existing?.facilities ?? [],
      starLevel: starLevel ?? existing?.starLevel ?? 3,
      annualQuota: annualQuota ?? existing?.annualQuota ?? 12,
    };

    // The same hall twice in one file, or two rows that would end up with one village's same name.
    const finalKey = key(values.villageCode, values.name);
    const clash = hallByKey.get(finalKey);
    if (existing && clash && clash.id !== existing.id) errors.push(`该村已有名为「${values.name}」的另一座礼堂（编号 ${clash.id}）`);
    const earlier = (existing ? seenIds.get(existing.id) : undefined) ?? seenKeys.get(finalKey);
    if (earlier !== undefined) errors.push(`与第 ${earlier} 行重复（同一座礼堂）`);
    if (errors.length > 0) return base;
    if (existing) seenIds.set(existing.id, line);
    seenKeys.set(finalKey, line);

    if (!existing) return { ...base, result: 'create', values };
    const seen: HallImportValues = {
      name: existing.name,
      villageCode: existing.villageCode,
      address: existing.address,
      latitude: existing.latitude,
      longitude: existing.longitude,
      seats: existing.seats,
      facilities: existing.facilities,
      starLevel: existing.starLevel,
      annualQuota: existing.annualQuota,
    };
    const changes = (Object.keys(values) as (keyof HallImportValues)[])
      .filter((f) => JSON.stringify(values[f]) !== JSON.stringify(seen[f]))
      .map((f) => ({ field: f, label: FIELD_LABELS[f], from: seen[f], to: values[f] }));
    return { ...base, result: changes.length ? 'update' : 'unchanged', values, seen, changes };
  });
}

/** By official code (checked against county and name when those are filled in too), or by name within the county. */
function resolveVillage(
  countyText: string,
  codeText: string,
  nameText: string,
  countyByName: Map<string, RegionRef>,
  villageByCode: Map<string, RegionRef>,
  villages: RegionRef[],
  errors: string[],
): RegionRef | null {
  const county = countyText ? (countyByName.get(asciiDigits(countyText)) ?? null) : null;
  if (countyText && !county) errors.push(`找不到区县「${countyText}」`);
  if (codeText) {
    if (!/^\d{12}$/.test(codeText)) {
      errors.push(`村/社区代码「${codeText}」应为 12 位数字`);
      return null;
    }
    const village = villageByCode.get(codeText);
    if (!village) {
      errors.push(`找不到村/社区代码「${codeText}」`);
      return null;
    }
    if (county && !village.code.startsWith(county.code)) errors.push(`村/社区代码「${codeText}」（${village.fullName}）不在「${county.name}」`);
    if (nameText && !sameVillageName(village, nameText)) errors.push(`村/社区代码「${codeText}」是「${village.name}」，与填写的「${nameText}」不一致`);
    return village;
  }
  if (!nameText) {
    errors.push('缺少村/社区：请填写村/社区代码，或填写区县和村/社区名称');
    return null;
  }
  if (!countyText) {
    errors.push(`按名称查找村/社区「${nameText}」需要同时填写区县`);
    return null;
  }
  if (!county) return null;
  const matches = villages.filter((v) => v.code.startsWith(county.code) && sameVillageName(v, nameText));
  if (matches.length === 0) errors.push(`在「${county.name}」找不到村/社区「${nameText}」`);
  if (matches.length > 1) errors.push(`「${county.name}」有 ${matches.length} 个名为「${nameText}」的村/社区，请填写村/社区代码`);
  return matches.length === 1 ? matches[0] : null;
}

/** "鲍田村", or with its township: "塘下镇鲍田村" / "塘下镇 鲍田村". */
function sameVillageName(village: RegionRef, text: string): boolean {
  const wanted = text.replace(/\s/g, '');
  return village.name === wanted || village.fullName.replace(/\s/g, '').endsWith(wanted);
}

function wholeNumber(text: string, label: string, min: number, max: number, errors: string[]): number | undefined {
  if (!text) return undefined;
  const ascii = asciiDigits(text);
  if (!/^-?\d+(\.0+)?$/.test(ascii)) {
    errors.push(/^-?\d+\.\d+$/.test(ascii) ? `${label}应为整数（填写的是「${text}」）` : `${label}「${text}」不是有效数字`);
    return undefined;
  }
  const value = Number(ascii);
  if (value < min || value > max) {
    errors.push(`${label}应在 ${min} 到 ${max} 之间（填写的是 ${value}）`);
    return undefined;
  }
  return value;
}

function decimal(text: string, label: string, min: number, max: number, errors: string[]): number | undefined {
  if (!text) return undefined;
  const ascii = asciiDigits(text);
  if (!/^-?\d+(\.\d+)?$/.test(ascii)) {
    errors.push(`${label}「${text}」不是有效数字`);
    return undefined;
  }
  const value = Number(ascii);
  if (value < min || value > max) {
    errors.push(`${label}应在 ${min} 到 ${max} 之间`);
    return undefined;
  }
  return value;
}

function facilityList(text: string, errors: string[]): HallFacility[] | undefined {
  if (!text) return undefined;
  const byName = new Map<string, HallFacility>(
    HALL_FACILITIES.flatMap((f) => [[HALL_FACILITY_LABELS[f], f] as [string, HallFacility], [f, f] as [string, HallFacility]]),
  );
  // 屏幕 alone means the same as 幕布/屏幕.
  byName.set('屏幕', 'screen').set('幕布', 'screen');
  const found: HallFacility[] = [];
  for (const word of text.split(/[、,，;；\s]+/).filter(Boolean)) {
    const facility = byName.get(word);
    if (facility) found.push(facility);
    else errors.push(`设施「${word}」无法识别，可填：${HALL_FACILITIES.map((f) => HALL_FACILITY_LABELS[f]).join('、')}`);
  }
  return canonicalFacilities(found);
}
