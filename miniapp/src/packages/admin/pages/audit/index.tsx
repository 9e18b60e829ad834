import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Input, Picker, View } from '@tarojs/components';
import { AUDIT_OBJECT_LABELS, ROLE_LABELS, auditQuerySchema, type AuditEntryDto, type AuditPage, type AuditQuery, type UserRole } from '@hall-menu/shared';
import { searchAudit } from '../../../../api/admin';
import { errorMessage } from '../../../../api/api-error';
import { Field } from '../../../../components/Field';
import { EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { formatDate, formatDateTime } from '../../../../utils/format';
import { errorsFromZod, type FieldErrors } from '../../../../utils/form-errors';
import { AdminContent } from '../../components/AdminContent';
import { AdminPage } from '../../components/AdminPage';
import { DataTable, type Column } from '../../components/DataTable';
import { actionText, auditDetails } from '../../format';
import '../../admin.scss';

const PAGE_LIMIT = 30;
const OBJECT_TYPES = Object.keys(AUDIT_OBJECT_LABELS);

interface AuditFilters {
  objectType: string;
  objectId: string;
  actorId: string;
  from: string;
  to: string;
}

/** The search as the shared schema wants it, or the problems to show under the fields. */
function auditSearch(filters: AuditFilters): { ok: true; query: Partial<AuditQuery> } | { ok: false; errors: FieldErrors } {
  const checked = auditQuerySchema.safeParse({
    objectType: filters.objectType || undefined,
    objectId: filters.objectId.trim() || undefined,
    actorId: filters.actorId.trim() || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    limit: PAGE_LIMIT,
  });
  if (!checked.success) return { ok: false, errors: errorsFromZod(checked.error) };
  const { objectType, objectId, actorId, from, to, limit } = checked.data;
  return { ok: true, query: { objectType, objectId, actorId, from, to, limit } };
}

const actorText = (entry: AuditEntryDto) => {
  const role = entry.actor.role in ROLE_LABELS ? ROLE_LABELS[entry.actor.role as UserRole] : entry.actor.role === 'system' ? '系统' : entry.actor.role;
  return entry.actor.nickname ? `${entry.actor.nickname}（${role}，编号 ${entry.actor.id}）` : role;
};

const COLUMNS: Column<AuditEntryDto>[] = [
  {
    title: '操作',
    primary: true,
    render: (entry) => (
      <>
        {actionText(entry)}
        <View className='data-table__sub'>{formatDateTime(entry.at)}</View>
      </>
    ),
  },
  { title: '对象', render: (entry) => `${entry.objectLabel} ${entry.objectId}` },
  { title: '操作人', render: actorText },
  {
    title: '详情',
    render: (entry) => {
      const lines = auditDetails(entry);
      if (lines.length === 0 && !entry.reason) return '—';
      return (
        <View>
          {lines.map((line) => (
            <View key={line}>{line}</View>
          ))}
          {entry.reason && <View className='data-table__sub'>原因：{entry.reason}</View>}
        </View>
      );
    },
  },
];

function Results({ query }: { query: Partial<AuditQuery> }) {
  const first = useAsync(() => searchAudit(query), [query]);
  const [more, setMore] = useState<{ items: AuditEntryDto[]; cursor: string | null; loading: boolean; error: unknown }>({ items: [], cursor: null, loading: false, error: null });
  const firstPage: AuditPage | null = first.status === 'success' ? first.data : null;
  useEffect(() => setMore({ items: [], cursor: firstPage?.nextCursor ?? null, loading: false, error: null }), [firstPage]);

  async function loadMore() {
    if (!more.cursor || more.loading) return;
    setMore((current) => ({ ...current, loading: true, error: null }));
    try {
      const next = await searchAudit({ ...query, cursor: more.cursor });
      setMore((current) => ({ items: [...current.items, ...next.items], cursor: next.nextCursor, loading: false, error: null }));
    } catch (error) {
      setMore((current) => ({ ...current, loading: false, error }));
    }
  }

  return (
    <AdminContent state={first}>
      {(page) =>
        page.items.length === 0 ? (
          <EmptyState title='没有找到记录' hint='换个条件试试，例如放宽日期' />
        ) : (
          <>
            <DataTable columns={COLUMNS} rows={[...page.items, ...more.items]} keyOf={(entry) => entry.id} />
            <View className='paged-footer'>
              {more.error !== null && <View className='form-error'>{errorMessage(more.error)}</View>}
              <View className='paged-footer__count'>已显示 {page.items.length + more.items.length} 条{more.cursor ? '' : '，已全部显示'}</View>
              {more.cursor && (
                <Button className='btn btn--block' disabled={more.loading} onClick={loadMore}>
                  {more.loading ? '正在加载…' : '加载更早的记录'}
                </Button>
              )}
            </View>
          </>
        )
      }
    </AdminContent>
  );
}

function DatePicker({ label, value, onChange }: { label: string; value: string; onChange: (date: string) => void }) {
  return (
    <View className='range-row'>
      <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={value ? 'filter-button filter-button--on' : 'filter-button'}>
          {label}：{value ? formatDate(value) : '不限'}
        </View>
      </Picker>
      {value && (
        <Button className='btn btn--small' onClick={() => onChange('')}>
          清除
        </Button>
      )}
    </View>
  );
}

function AuditSearch() {
  const params = useRouter().params;
  const [filters, setFilters] = useState<AuditFilters>({
    objectType: params.objectType && params.objectType in AUDIT_OBJECT_LABELS ? params.objectType : '',
    objectId: params.objectId ?? '',
    actorId: params.actorId ?? '',
    from: '',
    to: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [query, setQuery] = useState<Partial<AuditQuery>>(() => {
    const start = auditSearch(filters);
    return start.ok ? start.query : { limit: PAGE_LIMIT };
  });
  const change = (patch: Partial<AuditFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setErrors({});
  };

  function search() {
    const checked = auditSearch(filters);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setQuery(checked.query);
  }

  const typeOptions = ['全部', ...OBJECT_TYPES.map((type) => AUDIT_OBJECT_LABELS[type])];
  const typeIndex = filters.objectType ? OBJECT_TYPES.indexOf(filters.objectType) + 1 : 0;

  return (
    <>
      <View className='section'>
        <View className='card'>
          <View className='weights-grid'>
            <Field label='对象类型' error={errors.objectType}>
              <Picker mode='selector' range={typeOptions} value={typeIndex} onChange={(e) => change({ objectType: Number(e.detail.value) === 0 ? '' : OBJECT_TYPES[Number(e.detail.value) - 1] })}>
                <View className='filter-button filter-button--wide'>{typeOptions[typeIndex]}</View>
              </Picker>
            </Field>
            <Field label='对象编号' hint='礼堂、点单等的编号' error={errors.objectId}>
              <Input className='input' value={filters.objectId} maxlength={40} placeholder='例如 12' onInput={(e) => change({ objectId: e.detail.value })} />
            </Field>
            <Field label='操作人编号' hint='在「账号与角色」中可以查到' error={errors.actorId}>
              <Input className='input' type='number' value={filters.actorId} maxlength={9} placeholder='例如 3' onInput={(e) => change({ actorId: e.detail.value })} />
            </Field>
          </View>
          <Field label='日期' error={errors.from ?? errors.to}>
            <View className='region-steps'>
              <DatePicker label='从' value={filters.from} onChange={(from) => change({ from })} />
              <DatePicker label='到' value={filters.to} onChange={(to) => change({ to })} />
            </View>
          </Field>
          <Button className='btn btn--primary btn--block' onClick={search}>
            查询
          </Button>
        </View>
      </View>
      <View className='section'>
        <Results query={query} />
      </View>
    </>
  );
}

export default function AdminAuditPage() {
  return (
    <AdminPage section='audit' title='操作记录' subtitle='每一次状态变化和管理变更，最新的在前'>
      {() => <AuditSearch />}
    </AdminPage>
  );
}
