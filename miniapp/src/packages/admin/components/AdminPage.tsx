import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MeResponse } from '@hall-menu/shared';
import { PageShell } from '../../../components/PageShell';
import { EmptyState, LoginPrompt } from '../../../components/StateViews';
import { useFreshMe } from '../../../hooks/use-fresh-me';
import { ADMIN_PAGES } from '../../../routes';
import { selectIsLoggedIn, useAuthStore } from '../../../stores/auth';
import { HOME_CITY_CODE } from '../../../stores/regions';

/** Who is working here: an admin (city-wide) or a reviewer (their region; the server enforces it). */
export interface Official {
  me: MeResponse;
  isAdmin: boolean;
  /** The region overseen; `code` is '' for an admin of the whole platform. */
  region: { code: string; name: string };
  /** Where region pickers start: the region itself, or the home city for a platform-wide admin. */
  rootCode: string;
}

export function officialOf(me: MeResponse): Official | null {
  const isAdmin = me.roles.includes('admin');
  if (!isAdmin && !me.roles.includes('reviewer')) return null;
  const region = me.scopes.region ?? (isAdmin ? { code: '', name: '全平台' } : null);
  if (!region) return null;
  return { me, isAdmin, region, rootCode: region.code || HOME_CITY_CODE };
}

export type AdminSection = 'home' | 'halls' | 'import' | 'users' | 'invites' | 'rules' | 'audit';

const NAV: { section: AdminSection; title: string; url: string }[] = [
  { section: 'home', title: '概览', url: ADMIN_PAGES.home },
  { section: 'halls', title: '礼堂', url: ADMIN_PAGES.halls },
  { section: 'import', title: '批量导入', url: ADMIN_PAGES.import },
  { section: 'users', title: '账号', url: ADMIN_PAGES.users },
  { section: 'invites', title: '邀请码', url: ADMIN_PAGES.invites },
  { section: 'rules', title: '规则', url: ADMIN_PAGES.rules },
  { section: 'audit', title: '操作记录', url: ADMIN_PAGES.audit },
];

/** The sections side by side on a wide window (hidden on a phone, where the home page lists them). */
function AdminNav({ current }: { current: AdminSection }) {
  return (
    <View className='admin-nav'>
      {NAV.map((item) => (
        <View
          key={item.section}
          className={item.section === current ? 'admin-nav__item admin-nav__item--on' : 'admin-nav__item'}
          onClick={() => item.section !== current && Taro.redirectTo({ url: item.url })}
        >
          {item.title}
        </View>
      ))}
    </View>
  );
}

interface AdminPageProps {
  section: AdminSection;
  title: string;
  subtitle?: string;
  children: (official: Official) => ReactNode;
}

/** Every page of the workspace: the frame, the section links, and the door (admins and reviewers only). */
export function AdminPage({ section, title, subtitle, children }: AdminPageProps) {
  useFreshMe();
  const loggedIn = useAuthStore(selectIsLoggedIn);
  const me = useAuthStore((state) => state.me);
  const official = me ? officialOf(me) : null;

  let body: ReactNode;
  if (!loggedIn || !me) body = <LoginPrompt />;
  else if (!me.roles.includes('admin') && !me.roles.includes('reviewer')) {
    body = <EmptyState title='这里是管理工作台' hint='只有平台管理员和审核员可以使用，您的账号没有这两种身份' />;
  } else if (!official) body = <EmptyState title='还没有为您分配负责的地区' hint='请联系平台管理员' />;
  else {
    body = (
      <>
        <View className='admin-header'>
          <View className='admin-header__title'>{title}</View>
          <View className='admin-header__subtitle'>
            {subtitle ?? `${official.isAdmin ? '平台管理员' : '审核员'} · 负责地区：${official.region.name}`}
          </View>
        </View>
        {children(official)}
      </>
    );
  }

  return (
    <PageShell>
      {official && <AdminNav current={section} />}
      {body}
    </PageShell>
  );
}
