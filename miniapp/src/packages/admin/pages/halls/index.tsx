import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, View } from '@tarojs/components';
import type { AdminHallDto, AdminHallQuery } from '@hall-menu/shared';
import { downloadSheet, listAdminHalls, type SheetFileKind } from '../../../../api/admin';
import { errorMessage } from '../../../../api/api-error';
import { listRegions } from '../../../../api/regions';
import { ChipGroup } from '../../../../components/Chips';
import { EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { ADMIN_PAGES, adminHallUrl } from '../../../../routes';
import { AdminContent } from '../../components/AdminContent';
import { AdminPage, type Official } from '../../components/AdminPage';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { SearchBar } from '../../components/SearchBar';
import { useRefreshOnShow } from '../../components/actions';
import '../../admin.scss';

const PAGE_SIZE = 20;

const STATUS_OPTIONS: { value: AdminHallQuery['status']; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'open', label: '开放中' },
  { value: 'closed', label: '已关闭' },
];

const HALL_COLUMNS: Column<AdminHallDto>[] = [
  {
    title: '礼堂',
    primary: true,
    render: (hall) => (
      <>
        {hall.name}
        <View className='data-table__sub'>编号 {hall.id}</View>
      </>
    ),
  },
  { title: '所在村', render: (hall) => hall.regionPath || hall.villageCode },
  { title: '座位', render: (hall) => `${hall.seats} 个` },
  { title: `今年额度`, render: (hall) => `剩 ${hall.quotaLeft} / 共 ${hall.annualQuota}` },
  { title: '管理员', render: (hall) => (hall.managers.length ? hall.managers.map((m) => m.nickname).join('、') : '未指定') },
  {
    title: '状态',
    render: (hall) => <View className={hall.active ? 'status-tag status-tag--ok' : 'status-tag status-tag--ended'}>{hall.active ? '开放中' : '已关闭'}</View>,
  },
];

/** The region filter: the official's whole region or one area directly below it. */
function AreaFilter({ official, value, onChange }: { official: Official; value: string; onChange: (code: string) => void }) {
  const areas = useAsync(() => listRegions({ parent: official.rootCode }), [official.rootCode]);
  if (areas.status !== 'success' || areas.data.length === 0) return null;
  const options = [`全部（${official.region.name}）`, ...areas.data.map((area) => area.name)];
  const index = Math.max(0, areas.data.findIndex((area) => area.code === value) + 1);
  return (
    <Picker mode='selector' range={options} value={index} onChange={(e) => onChange(Number(e.detail.value) === 0 ? '' : areas.data[Number(e.detail.value) - 1].code)}>
      <View className={value ? 'filter-button filter-button--on' : 'filter-button'}>地区：{options[index]}</View>
    </Picker>
  );
}

function HallList({ official }: { official: Official }) {
  const [query, setQuery] = useState({ q: '', status: 'all' as AdminHallQuery['status'], region: '', page: 1 });
  const halls = useAsync(() => listAdminHalls({ ...query, region: query.region || undefined, q: query.q || undefined, pageSize: PAGE_SIZE }), [query]);
  useRefreshOnShow(halls.refresh);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const filter = (patch: Partial<typeof query>) => setQuery((current) => ({ ...current, page: 1, ...patch }));

  async function download(kind: SheetFileKind) {
    setDownloadError(null);
    try {
      await downloadSheet(kind, query.region || undefined);
    } catch (error) {
      setDownloadError(errorMessage(error));
    }
  }

  return (
    <>
      <View className='section'>
        <View className='button-row admin-toolbar'>
          <Button className='btn btn--primary' onClick={() => Taro.navigateTo({ url: ADMIN_PAGES.hallForm })}>
            新建礼堂
          </Button>
          <Button className='btn' onClick={() => Taro.navigateTo({ url: ADMIN_PAGES.import })}>
            批量导入
          </Button>
          <Button className='btn' onClick={() => download('export-xlsx')}>
            导出 Excel
          </Button>
          <Button className='btn' onClick={() => download('export-csv')}>
            导出 CSV
          </Button>
        </View>
        {downloadError && <View className='form-error'>{downloadError}</View>}
      </View>
      <View className='section'>
        <SearchBar value={query.q} placeholder='礼堂名称、村名或编号' onSearch={(q) => filter({ q })} />
        <View className='filter-row spaced'>
          <ChipGroup options={STATUS_OPTIONS} value={query.status} onChange={(status) => status && filter({ status })} />
          <AreaFilter official={official} value={query.region} onChange={(region) => filter({ region })} />
        </View>
      </View>
      <View className='section'>
        <AdminContent state={halls}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title='没有找到礼堂' hint={query.q ? '换个搜索词试试' : '可以新建礼堂，或从 Excel 批量导入'} />
            ) : (
              <>
                <DataTable columns={HALL_COLUMNS} rows={page.items} keyOf={(hall) => hall.id} onRowClick={(hall) => Taro.navigateTo({ url: adminHallUrl(hall.id) })} />
                <Pager page={query.page} pageSize={PAGE_SIZE} total={page.total} unit='个' onChange={(next) => setQuery((current) => ({ ...current, page: next }))} />
              </>
            )
          }
        </AdminContent>
      </View>
    </>
  );
}

export default function AdminHallsPage() {
  return (
    <AdminPage section='halls' title='礼堂管理'>
      {(official) => <HallList official={official} />}
    </AdminPage>
  );
}
