import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ROLE_LABELS, USER_ROLES, type AdminUserDto, type UserRole } from '@hall-menu/shared';
import { listUsers } from '../../../../api/admin';
import { ChipGroup } from '../../../../components/Chips';
import { EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { adminUserUrl } from '../../../../routes';
import { AdminContent } from '../../components/AdminContent';
import { AdminPage } from '../../components/AdminPage';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { SearchBar } from '../../components/SearchBar';
import { useRefreshOnShow } from '../../components/actions';
import { roleWithScope } from '../../format';
import '../../admin.scss';

const PAGE_SIZE = 20;

type StatusFilter = 'all' | 'false' | 'true';
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'false', label: '正常' },
  { value: 'true', label: '已停用' },
];

const USER_COLUMNS: Column<AdminUserDto>[] = [
  {
    title: '账号',
    primary: true,
    render: (user) => (
      <>
        {user.nickname}
        <View className='data-table__sub'>编号 {user.id}</View>
      </>
    ),
  },
  { title: '手机', render: (user) => user.phone ?? '未绑定' },
  {
    title: '角色',
    render: (user) => (
      <View className='tag-list tag-list--tight'>
        {user.roles.map((role) => (
          <View key={role.role} className='tag'>
            {roleWithScope(role)}
          </View>
        ))}
      </View>
    ),
  },
  { title: '所在村', render: (user) => user.village?.name ?? '未设置' },
  {
    title: '状态',
    render: (user) => <View className={user.disabled ? 'status-tag status-tag--alert' : 'status-tag status-tag--ok'}>{user.disabled ? '已停用' : '正常'}</View>,
  },
];

function UserList() {
  const [query, setQuery] = useState<{ q: string; role: UserRole | null; status: StatusFilter; page: number }>({ q: '', role: null, status: 'all', page: 1 });
  const users = useAsync(
    () =>
      listUsers({
        q: query.q || undefined,
        role: query.role ?? undefined,
        disabled: query.status === 'all' ? undefined : query.status,
        page: query.page,
        pageSize: PAGE_SIZE,
      }),
    [query],
  );
  useRefreshOnShow(users.refresh);
  const filter = (patch: Partial<typeof query>) => setQuery((current) => ({ ...current, page: 1, ...patch }));

  return (
    <>
      <View className='section'>
        <SearchBar value={query.q} placeholder='昵称、手机号或编号' onSearch={(q) => filter({ q })} />
        <View className='spaced'>
          <ChipGroup<UserRole | 'all'>
            options={[{ value: 'all', label: '全部角色' }, ...USER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))]}
            value={query.role ?? 'all'}
            onChange={(role) => role && filter({ role: role === 'all' ? null : role })}
          />
        </View>
        <View className='spaced'>
          <ChipGroup options={STATUS_OPTIONS} value={query.status} onChange={(status) => status && filter({ status })} />
        </View>
      </View>
      <View className='section'>
        <AdminContent state={users}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title='没有找到账号' hint='换个搜索词或筛选条件试试' />
            ) : (
              <>
                <DataTable columns={USER_COLUMNS} rows={page.items} keyOf={(user) => user.id} onRowClick={(user) => Taro.navigateTo({ url: adminUserUrl(user.id) })} />
                <Pager page={query.page} pageSize={PAGE_SIZE} total={page.total} unit='个' onChange={(next) => setQuery((current) => ({ ...current, page: next }))} />
              </>
            )
          }
        </AdminContent>
      </View>
    </>
  );
}

export default function AdminUsersPage() {
  return (
    <AdminPage section='users' title='账号与角色'>
      {() => <UserList />}
    </AdminPage>
  );
}
