import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { listAdminHalls, listInvites, listUsers } from '../../../../api/admin';
import { LinkList } from '../../../../components/LinkList';
import { useAsync } from '../../../../hooks/use-async';
import { ADMIN_LINKS, ADMIN_PAGES } from '../../../../routes';
import { AdminContent } from '../../components/AdminContent';
import { AdminPage, type Official } from '../../components/AdminPage';
import { useRefreshOnShow } from '../../components/actions';
import '../../admin.scss';

/** Totals read from the first page of each list (one row each; the totals are what matter). */
function loadFigures() {
  return Promise.all([
    listAdminHalls({ status: 'open', pageSize: 1 }),
    listAdminHalls({ status: 'closed', pageSize: 1 }),
    listUsers({ pageSize: 1 }),
    listInvites({ status: 'pending', pageSize: 1 }),
  ]).then(([open, closed, users, invites]) => ({ open: open.total, closed: closed.total, users: users.total, invites: invites.total }));
}

function Figure({ label, value, url }: { label: string; value: number; url: string }) {
  return (
    <View className='admin-figure admin-figure--button' onClick={() => Taro.navigateTo({ url })}>
      <View className='admin-figure__label'>{label}</View>
      <View className='admin-figure__value'>{value}</View>
    </View>
  );
}

function Overview({ official }: { official: Official }) {
  const figures = useAsync(loadFigures, []);
  useRefreshOnShow(figures.refresh);
  const links = official.isAdmin
    ? ADMIN_LINKS
    : ADMIN_LINKS.map((link) => (link.url === ADMIN_PAGES.rules ? { ...link, note: '查看平台规则和修改记录（由平台管理员修改）' } : link));
  return (
    <>
      <View className='section'>
        <AdminContent state={figures}>
          {(data) => (
            <View className='admin-figures'>
              <Figure label='开放中的礼堂' value={data.open} url={ADMIN_PAGES.halls} />
              <Figure label='已关闭的礼堂' value={data.closed} url={ADMIN_PAGES.halls} />
              <Figure label='账号' value={data.users} url={ADMIN_PAGES.users} />
              <Figure label='待使用的邀请码' value={data.invites} url={ADMIN_PAGES.invites} />
            </View>
          )}
        </AdminContent>
      </View>
      <View className='section admin-links'>
        <LinkList links={links} />
      </View>
    </>
  );
}

export default function AdminHomePage() {
  return (
    <AdminPage section='home' title='管理工作台'>
      {(official) => <Overview official={official} />}
    </AdminPage>
  );
}
