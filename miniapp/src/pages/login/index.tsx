import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { ROLE_LABELS, type DemoUserOption, type LoginResponse, type UserRole } from '@hall-menu/shared';
import { errorMessage } from '../../api/api-error';
import { demoLogin, listDemoUsers, wechatLogin } from '../../api/auth';
import { PageShell } from '../../components/PageShell';
import { AsyncContent, EmptyState } from '../../components/StateViews';
import { useAsync } from '../../hooks/use-async';
import { leaveLogin } from '../../routes';
import { useAuthStore } from '../../stores/auth';
import { useSystemStore } from '../../stores/system';

interface LoginOptions {
  wechat: boolean;
  demoUsers: DemoUserOption[];
}

/** WeChat login exists only inside WeChat; demo login only on a server in demo mode. */
async function loadLoginOptions(): Promise<LoginOptions> {
  const system = await useSystemStore.getState().load();
  return {
    wechat: process.env.TARO_ENV === 'weapp' && system.wechatLogin,
    demoUsers: system.demoMode ? await listDemoUsers() : [],
  };
}

/** weapp hands query values over still encoded, H5 already decoded; decoding twice must not throw. */
function decodeNotice(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export default function LoginPage() {
  const notice = decodeNotice(useRouter().params.notice);
  const options = useAsync(loadLoginOptions, []);
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  /** `role`: the demo identity picked (礼堂管理员, 村民…) becomes the active role. */
  async function logIn(key: string, login: () => Promise<LoginResponse>, role?: UserRole) {
    setPending(key);
    setFailure(null);
    try {
      useAuthStore.getState().signIn(await login());
      if (role) useAuthStore.getState().setActiveRole(role);
      leaveLogin();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPending(null);
    }
  }

  const logInWithWechat = () =>
    logIn('wechat', async () => {
      const { code } = await Taro.login();
      return wechatLogin(code);
    });

  return (
    <PageShell>
      {notice && <View className='notice'>{notice}</View>}
      {failure && <View className='notice'>{failure}</View>}
      <AsyncContent
        state={options}
        isEmpty={({ wechat, demoUsers }) => !wechat && demoUsers.length === 0}
        empty={<EmptyState title='暂时无法登录' hint='此环境还没有开放登录方式，请联系平台管理员' />}
      >
        {({ wechat, demoUsers }) => (
          <>
            {wechat && (
              <View className='section'>
                <Button className='btn btn--primary btn--block' disabled={pending !== null} onClick={logInWithWechat}>
                  {pending === 'wechat' ? '正在登录…' : '微信一键登录'}
                </Button>
              </View>
            )}
            {demoUsers.length > 0 && (
              <View className='section'>
                <View className='section__title'>
                  演示登录
                  <View className='section__note'>选择一个身份进入</View>
                </View>
                <View className='option-list'>
                  {demoUsers.map((user) => (
                    <View
                      key={user.id}
                      className='option'
                      onClick={() => pending === null && logIn(`demo-${user.id}`, () => demoLogin({ role: user.role, userId: user.id }), user.role)}
                    >
                      <View className='option__title'>
                        {user.nickname}（{ROLE_LABELS[user.role]}）{pending === `demo-${user.id}` && ' 正在登录…'}
                      </View>
                      <View className='option__meta'>{user.scopeLabel}</View>
                    </View>
                  ))}
                </View>
              </View>
            )}
          </>
        )}
      </AsyncContent>
    </PageShell>
  );
}
