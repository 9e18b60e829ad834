import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  HALL_FACILITY_LABELS,
  HALL_SHEET_COLUMNS,
  type HallImportDto,
  type HallImportListQuery,
  type HallImportRowsQuery,
  type HallImportSummaryDto,
  type HallImportValues,
  type ImportMode,
  type Paged,
} from '@hall-menu/shared';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { changedFields } from '../audit/audit-helpers';
import { AuditService } from '../audit/audit.service';
import { applyQuota, quotaYearAt } from '../halls/hall-quota';
import { Hall } from '../halls/hall.entity';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';
import { User } from '../users/user.entity';
import { HallImportRow } from './hall-import-row.entity';
import { HallImport } from './hall-import.entity';
import { canonicalFacilities, mapHeader, planRows, type ExistingHall, type PlannedRow } from './hall-rows';
import { decodeText, parseCsv, readXlsx, sniffFormat, writeCsv, writeXlsx, type SheetFormat, type SheetLine } from './sheet';

/** A preview is confirmed the same day or uploaded again: the halls it compared against may have changed. */
const PREVIEW_VALID_MS = 24 * 3_600_000;
const MAX_ROWS = 2000;
export const MAX_FILE_BYTES = 2 * 1_048_576;

const TEMPLATE_NOTES = [
  '每行一座礼堂。第一行是列名，请勿修改。',
  '礼堂编号：留空表示新建；填写导出文件中的编号表示修改这座礼堂。',
  '村/社区：填写 12 位村/社区代码，或同时填写「区县」和「村/社区」名称（同名时可写成「乡镇 村名」）。',
  '同一个村里礼堂名称不能重复；已有同名礼堂时，该行会更新那座礼堂。',
  '座位数为 1 到 5000 的整数；星级为 1 到 5；年度点单额度为 0 到 200，留空时新礼堂默认 12。',
  `设施用顿号分隔，可填：${Object.values(HALL_FACILITY_LABELS).join('、')}。`,
  '上传后会先预览每一行的结果，确认后才会写入，整个文件一次写入，任何一行写入失败则全部撤销。',
];

const valuesOf = (hall: Hall): HallImportValues => ({
  name: hall.name,
  villageCode: hall.villageCode,
  address: hall.address,
  latitude: hall.latitude === null ? null : Number(hall.latitude),
  longitude: hall.longitude === null ? null : Number(hall.longitude),
  seats: hall.seats,
  facilities: canonicalFacilities(hall.facilities),
  starLevel: hall.starLevel,
  annualQuota: hall.annualQuota,
});

/**
 * 批量导入礼堂: an uploaded CSV/XLSX is checked row by row and stored as a preview (nothing written to halls);
 * confirming writes the good rows in one transaction, each with its audit row. Export writes the same columns.
 */
@Injectable()
export class HallImportService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async preview(user: AuthUser, fileName: string, bytes: Buffer): Promise<HallImportDto> {
    const root = await this.oversight(user);
    const lines = await this.readSheet(bytes);
    if (lines.length === 0) throw fileError('文件是空的，请按模板填写后再上传');
    const [header, ...data] = lines;
    const { columns, missing } = mapHeader(header.cells);
    if (missing.length) throw fileError(`第 ${header.line} 行应为列名，缺少：${missing.join('、')}。请下载模板对照填写`, { missingColumns: missing });
    if (data.length === 0) throw fileError('文件里只有列名，没有礼堂数据');
    if (data.length > MAX_ROWS) throw fileError(`一次最多导入 ${MAX_ROWS} 行，这个文件有 ${data.length} 行，请分成几个文件`);

    const planned = planRows(data, columns, await this.context(root));
    const count = (r: PlannedRow['result']) => planned.filter((p) => p.result === r).length;
    const id = await this.db.transaction(async (m) => {
      const saved = await m.save(
        m.create(HallImport, {
          createdBy: user.id,
          fileName: fileName.slice(0, 120) || '未命名文件',
          status: 'previewed',
          mode: null,
          rowCount: planned.length,
          createCount: count('create'),
          updateCount: count('update'),
          unchangedCount: count('unchanged'),
          errorCount: count('error'),
          confirmedAt: null,
        }),
      );
      for (let i = 0; i < planned.length; i += 500) {
        await m.insert(
          HallImportRow,
          planned.slice(i, i + 500).map((p) => ({ importId: saved.id, ...p }) as QueryDeepPartialEntity<HallImportRow>),
        );
      }
      return saved.id;
    });
    return this.get(user, id, { page: 1, pageSize: 100 });
  }

  /** Past uploads, newest first: every one for an admin, their own for a reviewer (as `get` allows). */
  async list(user: AuthUser, query: HallImportListQuery): Promise<Paged<HallImportSummaryDto>> {
    const [imports, total] = await this.db.manager.findAndCount(HallImport, {
      where: user.roles.includes('admin') ? {} : { createdBy: user.id },
      order: { id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const creatorIds = [...new Set(imports.map((i) => i.createdBy))];
    const creators = new Map((creatorIds.length ? await this.db.manager.find(User, { where: { id: In(creatorIds) } }) : []).map((u) => [u.id, u]));
    return { items: imports.map((i) => summaryOf(i, creators.get(i.createdBy))), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: number, query: HallImportRowsQuery): Promise<HallImportDto> {
    const hallImport = await this.load(user, id);
    const creator = await this.db.manager.findOne(User, { where: { id: hallImport.createdBy } });
    const where = query.result ? { importId: id, result: query.result } : { importId: id };
    const [rows, total] = await this.db.manager.findAndCount(HallImportRow, {
      where,
      order: { line: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const codes = [...new Set(rows.map((r) => r.villageCode).filter((c): c is string => !!c))];
    const villages = new Map((codes.length ? await this.db.manager.find(Region, { where: { code: In(codes) } }) : []).map((v) => [v.code, v.fullName]));
    return {
      ...summaryOf(hallImport, creator ?? undefined),
      rows: {
        items: rows.map((r) => ({
          line: r.line,
          result: r.result,
          hallId: r.hallId,
          writtenHallId: r.writtenHallId,
          name: r.values?.name ?? r.rawName,
          villageCode: r.villageCode,
          villagePath: r.villageCode ? (villages.get(r.villageCode) ?? null) : null,
          errors: r.errors,
          changes: r.changes,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      },
    };
  }

  /**
   * Writes the previewed creates and updates in ONE transaction. `only-if-clean` refuses a file with any error row;
   * `skip-errors` leaves those rows out. Each update first checks the hall is still as previewed; any failure (a
   * changed hall, a name someone else just took) undoes the whole import. A retry after success answers the same.
   */
  async confirm(user: AuthUser, id: number, mode: ImportMode): Promise<HallImportDto> {
    const hallImport = await this.load(user, id);
    if (hallImport.createdBy !== user.id) throw outOfScope('只能确认您自己上传的导入');
    if (hallImport.status === 'confirmed') return this.get(user, id, { page: 1, pageSize: 100 });
    const now = this.clock.now();
    if (now.getTime() - new Date(hallImport.createdAt).getTime() > PREVIEW_VALID_MS) {
      throw new DomainError(ErrorCode.Conflict, '预览已超过 24 小时，礼堂数据可能已变化，请重新上传文件预览');
    }
    if (mode === 'only-if-clean' && hallImport.errorCount > 0) {
      throw new DomainError(ErrorCode.ImportHasErrors, `有 ${hallImport.errorCount} 行存在错误，没有写入任何数据。请修改后重新上传，或选择「跳过错误行」导入其余 ${hallImport.createCount + hallImport.updateCount} 行`, {
        errorRows: hallImport.errorCount,
      });
    }
    const rows = await this.db.manager.find(HallImportRow, { where: { importId: id, result: In(['create', 'update']) }, order: { line: 'ASC' } });
    const year = quotaYearAt(now);
    let writing: HallImportRow | null = null;
    try {
      await this.db.transaction(async (m) => {
        const claimed = await m
          .createQueryBuilder()
          .update(HallImport)
          .set({ status: 'confirmed', mode, confirmedAt: now })
          .where("id = :id AND status = 'previewed'", { id })
          .execute();
        if (claimed.affected !== 1) throw new DomainError(ErrorCode.StaleState, '这次导入刚刚已被确认，请刷新查看结果');
        for (const row of rows) {
          writing = row;
          const values = row.values!;
          if (row.result === 'create') {
            const hall = await m.save(m.create(Hall, { ...values, blackoutDates: null, quotaYear: year, quotaUsed: 0, active: true }));
            await m.update(HallImportRow, { id: row.id }, { writtenHallId: hall.id });
            await this.audit.record(m, { actor: user, objectType: 'hall', objectId: hall.id, action: 'import_create', after: { ...values, importId: id }, regionCode: values.villageCode });
            continue;
          }
          await this.db.lockRow(m, 'halls', row.hallId!);
          const current = await m.findOneBy(Hall, { id: row.hallId! });
          if (!current || JSON.stringify(valuesOf(current)) !== JSON.stringify(row.seen)) {
            throw new DomainError(ErrorCode.StaleState, `第 ${row.line} 行的礼堂「${row.seen!.name}」在预览之后被修改过，本次导入已全部撤销，没有写入任何数据。请重新上传文件预览`, { line: row.line });
          }
          const { annualQuota, ...fields } = values;
          await m.update(Hall, { id: current.id }, fields);
          await applyQuota(m, current, annualQuota, year);
          const diff = changedFields(row.seen!, values)!;
          await this.audit.record(m, { actor: user, objectType: 'hall', objectId: current.id, action: 'import_update', before: diff.before, after: { ...diff.after, importId: id }, regionCode: values.villageCode });
        }
        writing = null;
        // An update row writes the hall it matched.
        await m.createQueryBuilder().update(HallImportRow).set({ writtenHallId: () => 'hall_id' }).where("import_id = :id AND result = 'update'", { id }).execute();
        if (rows.length > 0) {
          const counts = { created: hallImport.createCount, updated: hallImport.updateCount, skippedErrors: mode === 'skip-errors' ? hallImport.errorCount : 0 };
          await this.audit.record(m, { actor: user, objectType: 'hall_import', objectId: id, action: 'confirm', after: { fileName: hallImport.fileName, mode, ...counts }, regionCode: await this.scope.oversightRegion(user) || null });
        }
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const line = (writing as HallImportRow | null)?.line;
      throw new DomainError(
        ErrorCode.Conflict,
        `写入${line ? `第 ${line} 行` : ''}时发现同一个村已有同名礼堂（可能刚被他人添加），本次导入已全部撤销，没有写入任何数据。请重新上传文件预览`,
        { line },
      );
    }
    return this.get(user, id, { page: 1, pageSize: 100 });
  }

  /** The open halls of a region in the import format, so an export can be edited and imported back. */
  async export(user: AuthUser, format: SheetFormat, region: string | undefined): Promise<Buffer> {
    const root = await this.oversight(user);
    const prefix = region ?? root;
    if (!prefix.startsWith(root)) throw outOfScope('只能导出您负责地区内的礼堂');
    const halls = await this.db.manager
      .createQueryBuilder(Hall, 'h')
      .where('h.active = :active AND h.village_code LIKE :prefix', { active: true, prefix: `${prefix}%` })
      .orderBy('h.village_code', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .getMany();
    const codes = [...new Set(halls.flatMap((h) => [h.villageCode, h.villageCode.slice(0, 6)]))];
    const regions = new Map((codes.length ? await this.db.manager.find(Region, { where: { code: In(codes) } }) : []).map((r) => [r.code, r.name]));
    const protect = (text: string) => (format === 'csv' && /^[=+@]/.test(text) ? `'${text}` : text);
    const rows = halls.map((h) => {
      const v = valuesOf(h);
      const byKey: Record<string, string | number | null> = {
        id: h.id,
        county: regions.get(h.villageCode.slice(0, 6)) ?? '',
        villageCode: h.villageCode,
        villageName: regions.get(h.villageCode) ?? '',
        name: protect(v.name),
        address: protect(v.address),
        latitude: v.latitude,
        longitude: v.longitude,
        seats: v.seats,
        facilities: v.facilities.map((f) => HALL_FACILITY_LABELS[f]).join('、'),
        starLevel: v.starLevel,
        annualQuota: v.annualQuota,
      };
      return HALL_SHEET_COLUMNS.map((c) => byKey[c.key]);
    });
    return this.sheet(format, rows);
  }

  /** An empty sheet with the columns (and, in XLSX, a sheet of instructions). */
  template(format: SheetFormat): Promise<Buffer> {
    return this.sheet(format, []);
  }

  private async sheet(format: SheetFormat, rows: (string | number | null)[][]): Promise<Buffer> {
    const all = [HALL_SHEET_COLUMNS.map((c) => c.header), ...rows];
    if (format === 'csv') return writeCsv(all);
    const villageCodeColumn = HALL_SHEET_COLUMNS.findIndex((c) => c.key === 'villageCode');
    return writeXlsx('礼堂', all, { widths: [10, 12, 16, 14, 24, 36, 11, 11, 8, 28, 6, 12], textColumns: [villageCodeColumn], notes: TEMPLATE_NOTES });
  }

  private async readSheet(bytes: Buffer): Promise<SheetLine[]> {
    const format = sniffFormat(bytes);
    if (format === 'xls') throw fileError('不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再上传');
    if (format === 'csv') {
      if (bytes.includes(0)) throw fileError('无法读取这个文件，请上传 Excel（.xlsx）或 CSV 文件');
      return parseCsv(decodeText(bytes));
    }
    try {
      return await readXlsx(bytes);
    } catch {
      throw fileError('无法读取这个 Excel 文件，它可能已损坏，请重新保存为 .xlsx 后再上传');
    }
  }

  private async context(root: string) {
    const regions = await this.db.manager.find(Region, { where: { level: In(['county', 'village']) } });
    const ref = (r: Region) => ({ code: r.code, name: r.name, fullName: r.fullName });
    // Every hall: a city has a few thousand at most, one per village, and rows may name any of them.
    const halls: ExistingHall[] = (await this.db.manager.find(Hall)).map((h) => ({ id: h.id, ...valuesOf(h) }));
    return {
      root,
      counties: regions.filter((r) => r.level === 'county').map(ref),
      villages: regions.filter((r) => r.level === 'village').map(ref),
      halls,
    };
  }

  private async load(user: AuthUser, id: number): Promise<HallImport> {
    const hallImport = await this.db.manager.findOne(HallImport, { where: { id } });
    if (!hallImport) throw notFound('导入记录', { id });
    if (hallImport.createdBy !== user.id && !user.roles.includes('admin')) throw outOfScope('只能查看您自己上传的导入');
    return hallImport;
  }

  private async oversight(user: AuthUser): Promise<string> {
    const root = await this.scope.oversightRegion(user);
    if (root === null) throw outOfScope('您没有负责的地区');
    return root;
  }
}

/** The upload without its rows: the list of past imports, and the head of a preview or result. */
function summaryOf(hallImport: HallImport, creator: User | undefined): HallImportSummaryDto {
  return {
    id: hallImport.id,
    fileName: hallImport.fileName,
    status: hallImport.status,
    mode: hallImport.mode,
    createdBy: creator ? { id: creator.id, nickname: creator.nickname } : null,
    createdAt: new Date(hallImport.createdAt).toISOString(),
    expiresAt: new Date(new Date(hallImport.createdAt).getTime() + PREVIEW_VALID_MS).toISOString(),
    confirmedAt: hallImport.confirmedAt ? new Date(hallImport.confirmedAt).toISOString() : null,
    counts: {
      total: hallImport.rowCount,
      create: hallImport.createCount,
      update: hallImport.updateCount,
      unchanged: hallImport.unchangedCount,
      error: hallImport.errorCount,
    },
  };
}

const fileError = (message: string, details?: Record<string, unknown>) => new DomainError(ErrorCode.ValidationFailed, message, { ...details, fields: [{ field: 'file', message }] });
