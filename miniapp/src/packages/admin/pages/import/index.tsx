import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  HALL_SHEET_COLUMNS,
  IMPORT_ROW_RESULT_LABELS,
  IMPORT_ROW_RESULTS,
  type HallImportDto,
  type HallImportRowDto,
  type HallImportSummaryDto,
  type ImportMode,
  type ImportRowResult,
} from '@hall-menu/shared';
import { confirmHallImport, downloadSheet, getHallImport, listHallImports, uploadHallImport, type PickedSheet, type SheetFileKind } from '../../../../api/admin';
import { errorMessage } from '../../../../api/api-error';
import { ChipGroup } from '../../../../components/Chips';
import { FormError } from '../../../../components/Field';
import { EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { ADMIN_PAGES, adminHallUrl } from '../../../../routes';
import { formatDateTime } from '../../../../utils/format';
import { useForm } from '../../../../utils/form-errors';
import { AdminContent } from '../../components/AdminContent';
import { AdminPage, type Official } from '../../components/AdminPage';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { confirmed, toastDone } from '../../components/actions';
import { IMPORT_MODE_LABELS, IMPORT_RESULT_TONES } from '../../format';
import '../../admin.scss';

const ROWS_PAGE_SIZE = 20;
const HISTORY_PAGE_SIZE = 10;

const formatCell = (value: unknown) => (value === null || value === undefined || value === '' ? '（空）' : Array.isArray(value) ? value.join('、') : String(value));

/** What happens to the row, in words: its errors, its changes, or that it is new or the same. */
function RowOutcome({ row, confirmed: done }: { row: HallImportRowDto; confirmed: boolean }) {
  if (row.result === 'error') {
    return (
      <View className='data-table__errors'>
        {row.errors.map((error) => (
          <View key={error}>{error}</View>
        ))}
        {done && <View>已跳过，没有写入</View>}
      </View>
    );
  }
  if (row.result === 'update') {
    return (
      <View>
        {row.changes.map((change) => (
          <View key={change.field} className='change-line'>
            {change.label}：<Text className='change-line__from'>{formatCell(change.from)}</Text> → {formatCell(change.to)}
          </View>
        ))}
      </View>
    );
  }
  if (row.result === 'create') return <View>{done ? '已新建' : '将新建这座礼堂'}</View>;
  return <View>{done ? '与现有礼堂相同，没有改动' : '与现有礼堂相同，不作改动'}</View>;
}

/** The hall a row created or updated (after confirming), or the existing one it matches (before). */
function HallLink({ row }: { row: HallImportRowDto }) {
  const hallId = row.writtenHallId ?? row.hallId;
  if (hallId === null) return null;
  return (
    <Button className='btn btn--small spaced' onClick={() => Taro.navigateTo({ url: adminHallUrl(hallId) })}>
      查看礼堂（编号 {hallId}）
    </Button>
  );
}

function rowColumns(done: boolean): Column<HallImportRowDto>[] {
  return [
    {
      title: '礼堂',
      primary: true,
      render: (row) => (
        <>
          {row.name || '（未填写名称）'}
          <View className='data-table__sub'>第 {row.line} 行</View>
        </>
      ),
    },
    { title: '村/社区', render: (row) => row.villagePath ?? row.villageCode ?? '未找到' },
    { title: '结果', render: (row) => <View className={`status-tag status-tag--${IMPORT_RESULT_TONES[row.result]}`}>{IMPORT_ROW_RESULT_LABELS[row.result]}</View> },
    {
      title: '说明',
      render: (row) => (
        <>
          <RowOutcome row={row} confirmed={done} />
          <HallLink row={row} />
        </>
      ),
    },
  ];
}

/** H5: a hidden file input behind a big button. weapp: a file from a chat (WeChat has no other file picker). */
function FilePicker({ busy, label, onPicked }: { busy: boolean; label: string; onPicked: (sheet: PickedSheet) => void }) {
  const input = useRef<HTMLInputElement>(null);

  async function pickInWeapp() {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
      if (tempFiles[0]) onPicked({ kind: 'weapp', path: tempFiles[0].path, name: tempFiles[0].name });
    } catch {
      // The person closed the picker.
    }
  }

  return (
    <>
      {process.env.TARO_ENV === 'h5' && (
        <input
          ref={input}
          className='file-input'
          type='file'
          accept='.xlsx,.csv'
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Cleared so picking the same file again (after fixing it) is noticed.
            e.currentTarget.value = '';
            if (file) onPicked({ kind: 'browser', file });
          }}
        />
      )}
      <Button className='btn btn--primary btn--block' disabled={busy} onClick={() => (process.env.TARO_ENV === 'h5' ? input.current?.click() : pickInWeapp())}>
        {label}
      </Button>
    </>
  );
}

function SheetFormat() {
  const [error, setError] = useState<string | null>(null);
  const download = (kind: SheetFileKind) => {
    setError(null);
    downloadSheet(kind).catch((failure: unknown) => setError(errorMessage(failure)));
  };
  return (
    <View className='section'>
      <View className='section__title'>表格格式</View>
      <View className='card'>
        <View>第一行是列名，每行一座礼堂：</View>
        <View className='column-list'>
          {HALL_SHEET_COLUMNS.map((column) => (
            <View key={column.key} className='column-list__item'>
              {column.header}
            </View>
          ))}
        </View>
        <View className='card__meta spaced'>礼堂编号留空表示新建，填写导出文件中的编号表示修改；村/社区填 12 位代码，或同时填区县和村/社区名称。</View>
        <View className='admin-actions'>
          <Button className='btn' onClick={() => download('template-xlsx')}>
            下载模板（Excel）
          </Button>
          <Button className='btn' onClick={() => download('template-csv')}>
            下载模板（CSV）
          </Button>
        </View>
        {error && <View className='form-error'>{error}</View>}
      </View>
    </View>
  );
}

function Counts({ preview }: { preview: HallImportDto }) {
  const tones: Record<ImportRowResult, string> = { create: 'ok', update: '', unchanged: '', error: 'alert' };
  return (
    <View className='admin-figures'>
      {IMPORT_ROW_RESULTS.map((result) => (
        <View key={result} className='admin-figure'>
          <View className='admin-figure__label'>{IMPORT_ROW_RESULT_LABELS[result]}</View>
          <View className={tones[result] && preview.counts[result] > 0 ? `admin-figure__value admin-figure__value--${tones[result]}` : 'admin-figure__value'}>
            {preview.counts[result]} 行
          </View>
        </View>
      ))}
    </View>
  );
}

interface ConfirmBarProps {
  preview: HallImportDto;
  official: Official;
  onConfirmed: (result: HallImportDto) => void;
  onRestart: () => void;
}

function ConfirmBar({ preview, official, onConfirmed, onRestart }: ConfirmBarProps) {
  const { failure, busy, send } = useForm({ oneMessage: true });
  const { create, update, error: errorRows } = preview.counts;
  const writable = create + update;
  // A preview opened from the list may be someone else's: only its uploader may confirm it.
  const uploader = preview.createdBy;
  const othersPreview = uploader !== null && uploader.id !== official.me.id;

  async function confirm(mode: ImportMode) {
    if (busy) return;
    const question =
      mode === 'skip-errors'
        ? `将新建 ${create} 座、更新 ${update} 座礼堂，跳过 ${errorRows} 行有错误的行（不写入）。确定导入吗？`
        : `将新建 ${create} 座、更新 ${update} 座礼堂。确定导入吗？`;
    if (!(await confirmed(mode === 'skip-errors' ? '跳过错误行导入' : '确认导入', question, '导入'))) return;
    await send(async () => {
      onConfirmed(await confirmHallImport(preview.id, mode));
      toastDone('导入完成');
    });
  }

  return (
    <View className='section'>
      <View className='card'>
        {othersPreview ? (
          <View className='notice notice--inline'>这是{uploader.nickname}上传的预览，只有上传人可以确认导入。</View>
        ) : errorRows > 0 ? (
          <View className='notice notice--error notice--inline'>
            有 {errorRows} 行存在错误（见下表红字），这些行不能导入。可以修改文件后重新上传；也可以跳过这些行，只导入其余 {writable} 行。
          </View>
        ) : writable === 0 ? (
          <View className='notice notice--inline'>文件里的礼堂都与现有的相同，没有需要写入的内容。</View>
        ) : (
          <View className='notice notice--inline'>每一行都没有问题。确认后整个文件一次写入；任何一行写入失败，全部撤销。</View>
        )}
        <FormError message={failure} />
        <View className='admin-actions'>
          <Button className='btn btn--primary' disabled={busy || othersPreview || errorRows > 0 || writable === 0} onClick={() => confirm('only-if-clean')}>
            全部无误才导入
          </Button>
          {errorRows > 0 && (
            <Button className='btn btn--primary' disabled={busy || othersPreview || writable === 0} onClick={() => confirm('skip-errors')}>
              跳过错误行导入
            </Button>
          )}
          <Button className='btn' disabled={busy} onClick={onRestart}>
            重新选择文件
          </Button>
        </View>
        <View className='card__meta spaced'>预览在 {formatDateTime(preview.expiresAt)} 前有效，之前不会写入任何数据。</View>
      </View>
    </View>
  );
}

function ImportResult({ preview, onRestart }: { preview: HallImportDto; onRestart: () => void }) {
  const skipped = preview.mode === 'skip-errors' ? preview.counts.error : 0;
  return (
    <View className='section'>
      <View className='result'>
        导入完成：新建 {preview.counts.create} 座，更新 {preview.counts.update} 座礼堂{skipped > 0 ? `，跳过 ${skipped} 行有错误的行` : ''}。
      </View>
      <View className='button-row'>
        <Button className='btn btn--primary' onClick={() => Taro.navigateTo({ url: ADMIN_PAGES.halls })}>
          查看礼堂列表
        </Button>
        <Button className='btn' onClick={onRestart}>
          再导入一个文件
        </Button>
      </View>
    </View>
  );
}

function PreviewRows({ preview }: { preview: HallImportDto }) {
  const [filter, setFilter] = useState<{ result: ImportRowResult | null; page: number }>({ result: null, page: 1 });
  // Read again after a confirm too: created rows then carry their new hall's number.
  const rows = useAsync(
    () => getHallImport(preview.id, { result: filter.result ?? undefined, page: filter.page, pageSize: ROWS_PAGE_SIZE }),
    [preview.id, preview.status, filter],
  );
  const options = [
    { value: 'all', label: `全部 ${preview.counts.total}` },
    ...IMPORT_ROW_RESULTS.map((result) => ({ value: result, label: `${IMPORT_ROW_RESULT_LABELS[result]} ${preview.counts[result]}` })),
  ];
  const done = preview.status === 'confirmed';
  return (
    <View className='section'>
      <View className='section__title'>
        每一行的结果
        <View className='section__note'>{preview.fileName}</View>
      </View>
      <ChipGroup options={options} value={filter.result ?? 'all'} onChange={(value) => value && setFilter({ result: value === 'all' ? null : (value as ImportRowResult), page: 1 })} />
      <View className='spaced'>
        <AdminContent state={rows}>
          {(data) =>
            data.rows.items.length === 0 ? (
              <EmptyState title='没有这类行' />
            ) : (
              <>
                <DataTable columns={rowColumns(done)} rows={data.rows.items} keyOf={(row) => row.line} />
                <Pager page={filter.page} pageSize={ROWS_PAGE_SIZE} total={data.rows.total} unit='行' onChange={(page) => setFilter((current) => ({ ...current, page }))} />
              </>
            )
          }
        </AdminContent>
      </View>
    </View>
  );
}

type ImportStatusTone = 'ok' | 'waiting' | 'ended';

function importStatus(item: HallImportSummaryDto): { label: string; tone: ImportStatusTone } {
  if (item.status === 'confirmed') return { label: '已导入', tone: 'ok' };
  return Date.parse(item.expiresAt) <= Date.now() ? { label: '未确认，已过期', tone: 'ended' } : { label: '待确认', tone: 'waiting' };
}

const countsText = ({ counts }: HallImportSummaryDto) =>
  IMPORT_ROW_RESULTS.filter((result) => counts[result] > 0)
    .map((result) => `${IMPORT_ROW_RESULT_LABELS[result]} ${counts[result]}`)
    .join(' · ');

const HISTORY_COLUMNS: Column<HallImportSummaryDto>[] = [
  {
    title: '文件',
    primary: true,
    render: (item) => (
      <>
        {item.fileName}
        <View className='data-table__sub'>上传于 {formatDateTime(item.createdAt)}</View>
      </>
    ),
  },
  { title: '上传人', render: (item) => item.createdBy?.nickname ?? '（账号已删除）' },
  {
    title: '状态',
    render: (item) => {
      const status = importStatus(item);
      return <View className={`status-tag status-tag--${status.tone}`}>{status.label}</View>;
    },
  },
  { title: '行数', render: (item) => `共 ${item.counts.total} 行：${countsText(item)}` },
  { title: '导入方式', render: (item) => (item.mode ? `${IMPORT_MODE_LABELS[item.mode]}，${formatDateTime(item.confirmedAt!)}` : '—') },
];

/** Earlier uploads, newest first; opening one shows its rows (and its result, once confirmed). */
function PastImports({ onOpen }: { onOpen: (id: number) => void }) {
  const [page, setPage] = useState(1);
  const list = useAsync(() => listHallImports({ page, pageSize: HISTORY_PAGE_SIZE }), [page]);
  return (
    <View className='section'>
      <View className='section__title'>导入记录</View>
      <AdminContent state={list}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title='还没有导入过礼堂' />
          ) : (
            <>
              <DataTable columns={HISTORY_COLUMNS} rows={data.items} keyOf={(item) => item.id} onRowClick={(item) => onOpen(item.id)} />
              <Pager page={page} pageSize={HISTORY_PAGE_SIZE} total={data.total} unit='次' onChange={setPage} />
            </>
          )
        }
      </AdminContent>
    </View>
  );
}

function HallImport({ official }: { official: Official }) {
  const [preview, setPreview] = useState<HallImportDto | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  async function upload(sheet: PickedSheet) {
    const name = sheet.kind === 'browser' ? sheet.file.name : sheet.name;
    setUploading(name);
    setUploadError(null);
    try {
      setPreview(await uploadHallImport(sheet));
    } catch (error) {
      setUploadError(errorMessage(error));
    } finally {
      setUploading(null);
    }
  }

  async function open(id: number) {
    setUploadError(null);
    try {
      setPreview(await getHallImport(id, { page: 1, pageSize: ROWS_PAGE_SIZE }));
      void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
    } catch (error) {
      setUploadError(errorMessage(error));
    }
  }

  const restart = () => {
    setPreview(null);
    setUploadError(null);
  };

  if (!preview) {
    return (
      <>
        <View className='section'>
          <View className='card'>
            <View>上传县里的礼堂表格（Excel .xlsx 或 CSV，最多 2000 行）。先预览每一行的结果，确认后才会写入。</View>
            {uploadError && <View className='notice notice--error notice--inline spaced'>{uploadError}</View>}
            <FilePicker busy={uploading !== null} label={uploading ? `正在上传并检查「${uploading}」…` : '选择文件'} onPicked={upload} />
            {process.env.TARO_ENV === 'weapp' && <View className='card__meta spaced'>请先把表格发到微信聊天（例如文件传输助手），再从聊天中选择。</View>}
          </View>
        </View>
        <SheetFormat />
        <PastImports onOpen={open} />
      </>
    );
  }

  return (
    <>
      <View className='section'>
        <Counts preview={preview} />
      </View>
      {preview.status === 'confirmed' ? (
        <ImportResult preview={preview} onRestart={restart} />
      ) : (
        <ConfirmBar preview={preview} official={official} onConfirmed={setPreview} onRestart={restart} />
      )}
      <PreviewRows preview={preview} />
    </>
  );
}

export default function AdminImportPage() {
  return (
    <AdminPage section='import' title='批量导入礼堂'>
      {(official) => <HallImport official={official} />}
    </AdminPage>
  );
}
