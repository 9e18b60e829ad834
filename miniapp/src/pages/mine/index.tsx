import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { ROLE_LABELS } from '@hall-menu/shared';
import { logout } from '../../api/auth';
import { LinkList } from '../../components/LinkList';
import { PageShell } from '../../components/PageShell';
import { LoginPrompt } from '../../components/StateViews';
import { useFreshMe } from '../../hooks/use-fresh-me';
import { ADMIN_PAGES, MY_HALLS_PAGE, RESERVATIONS_PAGE, WORKSPACES } from '../../routes';
import { selectIsLoggedIn, useAuthStore } from '../../stores/auth';
import { usePrefsStore } from '../../stores/prefs';
import { RedeemInvite } from './RedeemInvite';

/** Reviewers run the admin workspace too, inside their region. */
const REVIEWER_ADMIN_LINK = { title: '管理工作台', url: ADMIN_PAGES.home, note: '辖区内的礼堂、账号、邀请码和操作记录' };

function ElderModeSwitch() {
  const elderMode = usePrefsStore((state) => state.elderMode);
  const setElderMode = usePrefsStore((state) => state.setElderMode);
  return (
    <View className='switch-row' onClick={() => setElderMode(!elderMode)}>
      <View>
        <View className='option__title'>长辈模式</View>
        <View className='option__meta'>{elderMode ? '已开启：文字和按钮更大' : '已关闭：开启后文字和按钮更大'}</View>
      </View>
      <View className={elderMode ? 'switch switch--on' : 'switch'} />
    </View>
  );
}

async function confirmLogout() {
  const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出', cancelText: '取消' });
  if (!confirm) return;
  const { tokens, signOut } = useAuthStore.getState();
  signOut();
  // Ending the server session is best effort: the person is logged out here either way.
  if (tokens) logout(tokens.refreshToken).catch(() => undefined);
}

function Account() {
  const me = useAuthStore((state) => state.me);
  const activeRole = useAuthStore((state) => state.activeRole);
  const setActiveRole = useAuthStore((state) => state.setActiveRole);
  if (!me) return null;
  const workspace = activeRole ? WORKSPACES[activeRole] : undefined;
  const workspaceLinks = workspace ? [...workspace.links, ...(activeRole === 'reviewer' ? [REVIEWER_ADMIN_LINK] : [])] : [];

  return (
    <>
      <View className='section'>
        <View className='card'>
          <View className='card__title'>{me.nickname}</View>
          <View className='tag-list'>
            {me.roles.map((role) => (
              <View key={role} className='tag'>
                {ROLE_LABELS[role]}
              </View>
            ))}
          </View>
        </View>
      </View>

      {me.roles.length > 1 && (
        <View className='section'>
          <View className='section__title'>
            切换身份
            <View className='section__note'>当前：{activeRole ? ROLE_LABELS[activeRole] : '未选择'}</View>
          </View>
          <View className='option-list'>
            {me.roles.map((role) => (
              <View key={role} className={role === activeRole ? 'option option--selected' : 'option'} onClick={() => setActiveRole(role)}>
                <View className='option__title'>
                  {ROLE_LABELS[role]}
                  {role === activeRole && '（当前）'}
                </View>
              </View>
            ))}
          </View>
        </View>
      )}

      {me.roles.includes('villager') && (
        <View className='section'>
          <LinkList
            links={[
              { title: '我的预约', url: RESERVATIONS_PAGE, note: '预约的活动和预约码' },
              { title: '我的村和礼堂', url: MY_HALLS_PAGE, note: '设置您的村、关注附近的礼堂' },
            ]}
          />
        </View>
      )}

      {workspace && (
        <View className='section'>
          <Button className='btn btn--primary btn--block' onClick={() => Taro.navigateTo({ url: workspace.url })}>
            进入{workspace.title}
          </Button>
          {workspaceLinks.length > 0 && (
            <View className='spaced'>
              <LinkList links={workspaceLinks} />
            </View>
          )}
        </View>
      )}

      <View className='section'>
        <RedeemInvite />
      </View>
    </>
  );
}

export default function MinePage() {
  const loggedIn = useAuthStore(selectIsLoggedIn);
  useFreshMe();

  return (
    <PageShell>
      {loggedIn ? <Account /> : <LoginPrompt hint='登录后可以查看您的身份并进入工作台' />}
      <View className='section'>
        <View className='section__title'>设置</View>
        <ElderModeSwitch />
      </View>
      {loggedIn && (
        <View className='section'>
          <Button className='btn btn--block' onClick={confirmLogout}>
            退出登录
          </Button>
        </View>
      )}
    </PageShell>
  );
}
