import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { ROLE_LABELS, accountDisableSchema, type AdminHallDto, type AdminUserDto, type AdminUserRoleDto, type ProviderDto, type UserRole } from '@hall-menu/shared';
import { disableUser, enableUser, getUser, grantRole, listAdminHalls, revokeRole, searchProviders } from '../../../../api/admin';
import { errorMessage } from '../../../../api/api-error';
import { ChipGroup } from '../../../../components/Chips';
import { Field, FormError } from '../../../../components/Field';
import { EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { ADMIN_PAGES } from '../../../../routes';
import { useRegionStore } from '../../../../stores/regions';
import { formatDateTime } from '../../../../utils/format';
import { useForm } from '../../../../utils/form-errors';
import { AdminContent } from '../../components/AdminContent';
import { AdminPage, type Official } from '../../components/AdminPage';
import { ReasonAction } from '../../components/ReasonAction';
import { RegionCascade } from '../../components/RegionCascade';
import { SearchPicker } from '../../components/SearchPicker';
import { confirmed, toastDone, useRefreshOnShow } from '../../components/actions';
import { roleScopeText } from '../../format';
import '../../admin.scss';

type Changed = (user: AdminUserDto) => void;

function Profile({ user }: { user: AdminUserDto }) {
  const facts: [string, string][] = [
    ['编号', String(user.id)],
    ['手机', user.phone ?? '未绑定'],
    ['所在村', user.village?.name ?? '未设置'],
    ['注册时间', formatDateTime(user.createdAt)],
  ];
  return (
    <View className='section'>
      <View className='card'>
        <View className='card__head'>
          <View className='card__title'>{user.nickname}</View>
          <View className={user.disabled ? 'status-tag status-tag--alert' : 'status-tag status-tag--ok'}>{user.disabled ? '已停用' : '正常'}</View>
        </View>
        {facts.map(([label, value]) => (
          <View key={label} className='fact'>
            <View className='fact__label'>{label}</View>
            <View className='fact__value'>{value}</View>
          </View>
        ))}
      </View>
      <Button className='btn btn--block' onClick={() => Taro.navigateTo({ url: `${ADMIN_PAGES.audit}?actorId=${user.id}` })}>
        查看此人的操作记录
      </Button>
    </View>
  );
}

/** Whether this official may take the role away (the server checks again; this only hides buttons that would be refused). */
function mayRevoke(official: Official, user: AdminUserDto, role: AdminUserRoleDto): boolean {
  if (role.role === 'villager') return false;
  if ((role.role === 'admin' || role.role === 'reviewer') && user.id === official.me.id) return false;
  if (role.role === 'admin' && !official.isAdmin) return false;
  return true;
}

function Roles({ official, user, onChanged }: { official: Official; user: AdminUserDto; onChanged: Changed }) {
  const [error, setError] = useState<string | null>(null);

  async function revoke(role: AdminUserRoleDto, hall?: { id: number; name: string }) {
    const question = hall
      ? `确定不再让「${user.nickname}」管理${hall.name}吗？`
      : `确定撤销「${user.nickname}」的${role.label}角色吗？${role.role === 'hall_manager' ? '他管理的所有礼堂都会移除。' : ''}`;
    if (!(await confirmed('撤销角色', question, '撤销'))) return;
    setError(null);
    try {
      onChanged(await revokeRole(user.id, role.role, hall?.id));
      toastDone('已撤销');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <View className='section'>
      <View className='section__title'>角色</View>
      {error && <View className='notice notice--error notice--inline'>{error}</View>}
      {user.roles.map((role) => (
        <View key={role.role} className='card'>
          <View className='card__head'>
            <View className='card__title'>{role.label}</View>
            {mayRevoke(official, user, role) && (
              <Button className='btn btn--small' onClick={() => revoke(role)}>
                撤销角色
              </Button>
            )}
          </View>
          {role.role === 'hall_manager' ? (
            <View className='pick-list'>
              {role.halls.map((hall) => (
                <View key={hall.id} className='pick-row'>
                  <View className='pick-row__text'>
                    {hall.name}
                    <View className='pick-row__meta'>礼堂编号 {hall.id}</View>
                  </View>
                  <Button className='btn btn--small' onClick={() => revoke(role, hall)}>
                    不再管理
                  </Button>
                </View>
              ))}
            </View>
          ) : (
            roleScopeText(role) && <View className='card__meta'>范围：{roleScopeText(role)}</View>
          )}
        </View>
      ))}
    </View>
  );
}

function GrantRole({ official, user, onChanged }: { official: Official; user: AdminUserDto; onChanged: Changed }) {
  const [role, setRole] = useState<UserRole>('hall_manager');
  const [regionCode, setRegionCode] = useState(official.rootCode);
  const { failure, busy, send } = useForm({ oneMessage: true });
  const has = (r: UserRole) => user.roles.some((held) => held.role === r);
  const roles: UserRole[] = ['hall_manager', 'provider', 'reviewer', ...(official.isAdmin ? (['admin'] as const) : []), ...(has('villager') ? [] : (['villager'] as const))];

  async function grant(what: Parameters<typeof grantRole>[1], question: string) {
    if (busy) return;
    if (!(await confirmed('授予角色', question, '授予'))) return;
    await send(async () => {
      onChanged(await grantRole(user.id, what));
      toastDone('已授予');
    });
  }

  return (
    <View className='section'>
      <View className='section__title'>授予角色</View>
      <View className='card'>
        <Field label='角色' required>
          <ChipGroup options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} value={role} onChange={(r) => r && setRole(r)} />
        </Field>
        <FormError message={failure} />
        {role === 'hall_manager' && (
          <Field label='管理哪个礼堂' hint='查找礼堂后点「交给此人管理」，可以多次添加'>
            <SearchPicker<AdminHallDto>
              placeholder='礼堂名称、村名或编号'
              search={(q) => listAdminHalls({ q: q || undefined, status: 'open', pageSize: 10 }).then((page) => page.items)}
              keyOf={(hall) => hall.id}
              describe={(hall) => ({ title: hall.name, meta: `${hall.regionPath} · 编号 ${hall.id}` })}
              actionLabel='交给此人管理'
              unavailable={(hall) => (hall.managers.some((m) => m.id === user.id) ? '已在管理' : null)}
              onPick={(hall) => grant({ role: 'hall_manager', hallIds: [hall.id] }, `让「${user.nickname}」管理${hall.name}？`)}
            />
          </Field>
        )}
        {role === 'provider' && (
          <Field label='加入哪个服务方' hint='一个账号只能加入一个服务方'>
            <SearchPicker<ProviderDto>
              placeholder='服务方名称'
              search={(keyword) => searchProviders({ keyword: keyword || undefined, pageSize: 10 }).then((page) => page.items)}
              keyOf={(provider) => provider.id}
              describe={(provider) => ({ title: provider.name, meta: `联系人 ${provider.contactName}` })}
              actionLabel='加入该服务方'
              onPick={(provider) => grant({ role: 'provider', providerId: provider.id }, `让「${user.nickname}」成为「${provider.name}」的成员？`)}
            />
          </Field>
        )}
        {(role === 'reviewer' || role === 'admin') && (
          <>
            <Field label='负责地区' required hint={`${official.region.name}或其中的县（市、区）、乡镇（街道）`}>
              <RegionCascade rootCode={official.rootCode} value={regionCode} deepest={9} stopAnywhere onChange={setRegionCode} />
            </Field>
            <Button
              className='btn btn--primary btn--block'
              disabled={busy}
              onClick={async () => {
                // The name of the chosen region, for the question (the pickers only hold its code).
                await useRegionStore.getState().resolve([regionCode]);
                const region = useRegionStore.getState().byCode[regionCode];
                const name = regionCode === official.rootCode ? official.region.name || region?.name : (region?.fullName ?? region?.name);
                await grant({ role, regionCode }, `让「${user.nickname}」成为${ROLE_LABELS[role]}，负责${name ?? `地区 ${regionCode}`}？`);
              }}
            >
              授予{ROLE_LABELS[role]}
            </Button>
          </>
        )}
        {role === 'villager' && (
          <Button className='btn btn--primary btn--block' disabled={busy} onClick={() => grant({ role: 'villager' }, `让「${user.nickname}」成为村民？`)}>
            授予村民
          </Button>
        )}
      </View>
    </View>
  );
}

function Access({ user, onChanged }: { user: AdminUserDto; onChanged: Changed }) {
  const [error, setError] = useState<string | null>(null);

  async function enable() {
    if (!(await confirmed('启用账号', `启用后「${user.nickname}」可以重新登录使用。`, '启用'))) return;
    setError(null);
    try {
      onChanged(await enableUser(user.id));
      toastDone('已启用');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <View className='section'>
      <View className='section__title'>{user.disabled ? '启用账号' : '停用账号'}</View>
      <View className='card'>
        {user.disabled ? (
          <>
            <View className='card__meta'>账号已停用，不能登录。</View>
            <Button className='btn btn--primary btn--block' onClick={enable}>
              启用账号
            </Button>
          </>
        ) : (
          <>
            <View className='card__meta'>停用后对方在所有设备上立即退出登录，不能再使用，直到重新启用。</View>
            <ReasonAction
              label='停用账号'
              reasonLabel='停用原因'
              placeholder='例如：人员离职'
              question={`确定停用「${user.nickname}」的账号吗？`}
              validate={(reason) => {
                const checked = accountDisableSchema.safeParse({ reason });
                return checked.success ? null : checked.error.issues[0].message;
              }}
              onSubmit={async (reason) => {
                onChanged(await disableUser(user.id, reason));
                toastDone('账号已停用');
              }}
            />
          </>
        )}
        {error && <View className='form-error'>{error}</View>}
      </View>
    </View>
  );
}

function UserDetail({ official, id }: { official: Official; id: number }) {
  const loaded = useAsync(() => getUser(id), [id]);
  useRefreshOnShow(loaded.refresh);
  const [user, setUser] = useState<AdminUserDto | null>(null);
  const fresh = loaded.status === 'success' ? loaded.data : null;
  useEffect(() => setUser(fresh), [fresh]);

  return (
    <AdminContent state={loaded}>
      {() =>
        user && (
          <View className='admin-columns'>
            <View className='admin-column'>
              <Profile user={user} />
              <Roles official={official} user={user} onChanged={setUser} />
            </View>
            <View className='admin-column'>
              {!user.disabled && <GrantRole official={official} user={user} onChanged={setUser} />}
              {user.id !== official.me.id && <Access user={user} onChanged={setUser} />}
            </View>
          </View>
        )
      }
    </AdminContent>
  );
}

export default function AdminUserPage() {
  const id = Number(useRouter().params.id);
  return (
    <AdminPage section='users' title='账号详情'>
      {(official) => (Number.isInteger(id) && id > 0 ? <UserDetail official={official} id={id} /> : <EmptyState title='没有指定账号' hint='请从账号列表进入' />)}
    </AdminPage>
  );
}
