import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Picker, View } from '@tarojs/components';
import {
  hallBlackoutsSchema,
  hallCloseSchema,
  hallQuotaSchema,
  type AdminHallDto,
  type AdminUserDto,
  type BlackoutConflictDetails,
  type BlackoutScheduledService,
  type HallBlackoutPeriod,
} from '@hall-menu/shared';
import { addHallManager, closeHall, getAdminHall, listUsers, removeHallManager, reopenHall, setHallBlackouts, setHallQuota } from '../../../../api/admin';
import { ApiError, errorMessage } from '../../../../api/api-error';
import { Field, FormError } from '../../../../components/Field';
import { EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { ADMIN_PAGES } from '../../../../routes';
import { beijingToday, formatDate, formatTimeSpan } from '../../../../utils/format';
import { errorsFromZod, useForm } from '../../../../utils/form-errors';
import { AdminContent } from '../../components/AdminContent';
import { AdminPage } from '../../components/AdminPage';
import { SearchPicker } from '../../components/SearchPicker';
import { ReasonAction } from '../../components/ReasonAction';
import { confirmed, toastDone, useRefreshOnShow } from '../../components/actions';
import { formatBlackout, formatFacilities, roleWithScope } from '../../format';
import '../../admin.scss';

type Changed = (hall: AdminHallDto) => void;

function HallFacts({ hall }: { hall: AdminHallDto }) {
  const facts: [string, string][] = [
    ['编号', String(hall.id)],
    ['所在村', hall.regionPath || hall.villageCode],
    ['地址', hall.address || '未填写'],
    ['位置', hall.latitude !== null && hall.longitude !== null ? `纬度 ${hall.latitude}，经度 ${hall.longitude}` : '未填写'],
    ['座位', `${hall.seats} 个`],
    ['设施', formatFacilities(hall.facilities)],
    ['星级', `${hall.starLevel} 星`],
  ];
  return (
    <View className='section'>
      <View className='card'>
        <View className='card__head'>
          <View className='card__title'>{hall.name}</View>
          <View className={hall.active ? 'status-tag status-tag--ok' : 'status-tag status-tag--ended'}>{hall.active ? '开放中' : '已关闭'}</View>
        </View>
        {facts.map(([label, value]) => (
          <View key={label} className='fact'>
            <View className='fact__label'>{label}</View>
            <View className='fact__value'>{value}</View>
          </View>
        ))}
      </View>
      <View className='button-row'>
        <Button className='btn' onClick={() => Taro.navigateTo({ url: `${ADMIN_PAGES.hallForm}?id=${hall.id}` })}>
          修改礼堂信息
        </Button>
        <Button className='btn' onClick={() => Taro.navigateTo({ url: `${ADMIN_PAGES.audit}?objectType=hall&objectId=${hall.id}` })}>
          查看变更记录
        </Button>
      </View>
    </View>
  );
}

function QuotaForm({ hall, onChanged }: { hall: AdminHallDto; onChanged: Changed }) {
  const [quota, setQuota] = useState(String(hall.annualQuota));
  const [reason, setReason] = useState('');
  const { errors, setErrors, failure, busy, send } = useForm();
  const used = hall.annualQuota - hall.quotaLeft;

  function save() {
    if (busy) return;
    const checked = hallQuotaSchema.safeParse({ annualQuota: quota.trim() === '' ? undefined : Number(quota), reason: reason.trim() || undefined });
    if (!checked.success) return setErrors(errorsFromZod(checked.error));
    return send(async () => {
      onChanged(await setHallQuota(hall.id, checked.data));
      setReason('');
      toastDone('额度已保存');
    });
  }

  return (
    <View className='section'>
      <View className='section__title'>
        点单额度
        <View className='section__note'>
          {hall.quotaYear} 年已用 {used} 个，剩余 {hall.quotaLeft} 个
        </View>
      </View>
      <View className='card'>
        <FormError message={failure} />
        <Field label='年度点单额度' required hint='礼堂今年可以点单的次数，0 到 200，修改后今年立即生效' error={errors.annualQuota}>
          <Input
            className='input'
            type='number'
            value={quota}
            maxlength={3}
            placeholder='例如 12'
            onInput={(e) => {
              setQuota(e.detail.value);
              setErrors((current) => ({ ...current, annualQuota: '' }));
            }}
          />
        </Field>
        <Field label='修改原因' hint='可不填，会记入操作记录' error={errors.reason}>
          <Input className='input' value={reason} maxlength={200} placeholder='例如：年中追加额度' onInput={(e) => setReason(e.detail.value)} />
        </Field>
        <Button className='btn btn--primary btn--block' disabled={busy} onClick={save}>
          {busy ? '正在保存…' : '保存额度'}
        </Button>
      </View>
    </View>
  );
}

const managerText = (user: AdminUserDto) => {
  const roles = user.roles.filter((role) => role.role !== 'villager').map(roleWithScope);
  return [user.phone, user.village?.name, ...roles].filter(Boolean).join(' · ');
};

function Managers({ hall, onChanged }: { hall: AdminHallDto; onChanged: Changed }) {
  const [error, setError] = useState<string | null>(null);

  async function remove(manager: { id: number; nickname: string }) {
    if (!(await confirmed('移除管理员', `确定不再让「${manager.nickname}」管理${hall.name}吗？对方将不能再为这个礼堂点单和签到。`, '移除'))) return;
    setError(null);
    try {
      onChanged(await removeHallManager(hall.id, manager.id));
      toastDone('已移除');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <View className='section'>
      <View className='section__title'>
        礼堂管理员
        <View className='section__note'>共 {hall.managers.length} 人</View>
      </View>
      <View className='card'>
        {hall.managers.length === 0 && <View className='card__meta'>还没有管理员：请在下面查找并添加，或发邀请码给对方</View>}
        <View className='pick-list'>
          {hall.managers.map((manager) => (
            <View key={manager.id} className='pick-row'>
              <View className='pick-row__text'>
                {manager.nickname}
                <View className='pick-row__meta'>编号 {manager.id}</View>
              </View>
              <Button className='btn btn--small' onClick={() => remove(manager)}>
                移除
              </Button>
            </View>
          ))}
        </View>
        {error && <View className='form-error'>{error}</View>}
        <View className='field__label spaced'>添加管理员</View>
        <SearchPicker<AdminUserDto>
          placeholder='昵称、手机号或编号'
          search={(q) => listUsers({ q: q || undefined, pageSize: 10 }).then((page) => page.items)}
          keyOf={(user) => user.id}
          describe={(user) => ({ title: `${user.nickname}（编号 ${user.id}）`, meta: managerText(user) })}
          actionLabel='设为管理员'
          unavailable={(user) => (hall.managers.some((m) => m.id === user.id) ? '已是管理员' : user.disabled ? '账号已停用' : null)}
          onPick={async (user) => {
            onChanged(await addHallManager(hall.id, user.id));
            toastDone('已添加管理员');
          }}
        />
      </View>
    </View>
  );
}

const MAX_BLACKOUTS = 20;

/** The services a refused blackout change would cover (409 with `BlackoutConflictDetails`), or null for another failure. */
function scheduledServicesOf(error: unknown): BlackoutScheduledService[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const services = (error.details as Partial<BlackoutConflictDetails> | undefined)?.scheduledServices;
  return Array.isArray(services) && services.length > 0 ? services : null;
}

/** Who to talk to before the days are blacked out, and the way to set them anyway. */
function ScheduledConflict({ services, busy, onForce, onDrop }: { services: BlackoutScheduledService[]; busy: boolean; onForce: () => void; onDrop: () => void }) {
  return (
    <View className='notice notice--error notice--inline spaced'>
      <View>新的暂停接待日期内已经安排了 {services.length} 场服务，请先与服务方商量改期或取消：</View>
      <View className='pick-list'>
        {services.map((service) => (
          <View key={service.orderId} className='pick-row'>
            <View className='pick-row__text'>
              {formatTimeSpan(service.startsAt, service.endsAt)}「{service.title}」
              <View className='pick-row__meta'>
                {service.provider.name} · 联系人 {service.provider.contactName} {service.provider.contactPhone}
              </View>
            </View>
          </View>
        ))}
      </View>
      <View className='spaced'>确需暂停接待的，可以仍然设置，系统会通知礼堂管理员和这些服务方。</View>
      <View className='button-row'>
        <Button className='btn' disabled={busy} onClick={onDrop}>
          先不设置
        </Button>
        <Button className='btn btn--primary' disabled={busy} onClick={onForce}>
          {busy ? '正在保存…' : '仍然设置'}
        </Button>
      </View>
    </View>
  );
}

function Blackouts({ hall, onChanged }: { hall: AdminHallDto; onChanged: Changed }) {
  const [periods, setPeriods] = useState<HallBlackoutPeriod[]>(hall.blackouts);
  const { errors, setErrors, failure, busy, send, showInvalid } = useForm();
  const [conflict, setConflict] = useState<BlackoutScheduledService[] | null>(null);
  const today = beijingToday();
  const changed = JSON.stringify(periods) !== JSON.stringify(hall.blackouts);
  // Any edit makes the list of covered services stale: the next save asks the server again.
  const change = (next: (current: HallBlackoutPeriod[]) => HallBlackoutPeriod[]) => {
    setPeriods(next);
    setErrors({});
    setConflict(null);
  };
  const edit = (index: number, patch: Partial<HallBlackoutPeriod>) => change((current) => current.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  function save(force: boolean) {
    if (busy) return;
    const checked = hallBlackoutsSchema.safeParse({ periods });
    if (!checked.success) return showInvalid(errorsFromZod(checked.error), '请按红字提示修改');
    return send(async () => {
      let saved: AdminHallDto;
      try {
        saved = await setHallBlackouts(hall.id, checked.data.periods, force);
      } catch (error) {
        const services = scheduledServicesOf(error);
        if (!services) throw error;
        return setConflict(services);
      }
      setConflict(null);
      setPeriods(saved.blackouts);
      onChanged(saved);
      toastDone('已保存');
    });
  }

  return (
    <View className='section'>
      <View className='section__title'>
        暂停接待日期
        <View className='section__note'>这些日子礼堂不能被点单</View>
      </View>
      <View className='card'>
        <FormError message={failure} />
        {periods.length === 0 && <View className='card__meta'>没有暂停接待的日期</View>}
        {periods.map((period, index) => (
          <View key={index} className='row-item'>
            <View className='range-row'>
              <Picker mode='date' value={period.from} onChange={(e) => edit(index, { from: String(e.detail.value) })}>
                <View className='filter-button'>{formatDate(period.from)}</View>
              </Picker>
              <View className='range-row__to'>至</View>
              <Picker mode='date' value={period.to} onChange={(e) => edit(index, { to: String(e.detail.value) })}>
                <View className='filter-button'>{formatDate(period.to)}</View>
              </Picker>
            </View>
            <View className='range-row spaced'>
              <Input className='input range-row__input' value={period.note} maxlength={40} placeholder='说明，例如：礼堂维修' onInput={(e) => edit(index, { note: e.detail.value })} />
              <Button className='btn btn--small' onClick={() => change((current) => current.filter((_, i) => i !== index))}>
                删除
              </Button>
            </View>
            {(errors[`periods.${index}.from`] || errors[`periods.${index}.to`] || errors[`periods.${index}.note`]) && (
              <View className='form-error'>{errors[`periods.${index}.from`] || errors[`periods.${index}.to`] || errors[`periods.${index}.note`]}</View>
            )}
          </View>
        ))}
        {errors.periods && <View className='form-error'>{errors.periods}</View>}
        <View className='button-row'>
          {periods.length < MAX_BLACKOUTS && (
            <Button className='btn' onClick={() => change((current) => [...current, { from: today, to: today, note: '' }])}>
              添加一段
            </Button>
          )}
          <Button className='btn btn--primary' disabled={busy || !changed || conflict !== null} onClick={() => save(false)}>
            {busy && !conflict ? '正在保存…' : '保存暂停日期'}
          </Button>
        </View>
        {conflict && <ScheduledConflict services={conflict} busy={busy} onForce={() => save(true)} onDrop={() => setConflict(null)} />}
        {hall.blackouts.length > 0 && <View className='card__meta spaced'>已保存：{hall.blackouts.map(formatBlackout).join('；')}</View>}
      </View>
    </View>
  );
}

function OpenOrClose({ hall, onChanged }: { hall: AdminHallDto; onChanged: Changed }) {
  const [error, setError] = useState<string | null>(null);

  async function reopen() {
    if (!(await confirmed('重新开放', `重新开放后，${hall.name}可以再次点单，村民也能看到它。`, '开放'))) return;
    setError(null);
    try {
      onChanged(await reopenHall(hall.id));
      toastDone('已重新开放');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <View className='section'>
      <View className='section__title'>{hall.active ? '关闭礼堂' : '重新开放'}</View>
      <View className='card'>
        {hall.active ? (
          <>
            <View className='card__meta'>关闭后礼堂不能再点单，村民也看不到它；还有进行中的点单时不能关闭。关闭时会通知礼堂管理员，以及在这里还有点单未了结的服务方。</View>
            <ReasonAction
              label='关闭礼堂'
              reasonLabel='关闭原因'
              placeholder='例如：礼堂拆除重建'
              question={`确定关闭${hall.name}吗？`}
              validate={(reason) => {
                const checked = hallCloseSchema.safeParse({ reason });
                return checked.success ? null : checked.error.issues[0].message;
              }}
              onSubmit={async (reason) => {
                onChanged(await closeHall(hall.id, reason));
                toastDone('礼堂已关闭');
              }}
            />
          </>
        ) : (
          <>
            <View className='card__meta'>礼堂已关闭，不能点单。</View>
            <Button className='btn btn--primary btn--block' onClick={reopen}>
              重新开放
            </Button>
          </>
        )}
        {error && <View className='form-error'>{error}</View>}
      </View>
    </View>
  );
}

function HallDetail({ id }: { id: number }) {
  const loaded = useAsync(() => getAdminHall(id), [id]);
  useRefreshOnShow(loaded.refresh);
  const [hall, setHall] = useState<AdminHallDto | null>(null);
  const fresh = loaded.status === 'success' ? loaded.data : null;
  useEffect(() => setHall(fresh), [fresh]);

  return (
    <AdminContent state={loaded}>
      {() =>
        hall && (
          <View className='admin-columns'>
            <View className='admin-column'>
              <HallFacts hall={hall} />
              <QuotaForm key={`quota-${hall.annualQuota}`} hall={hall} onChanged={setHall} />
              <OpenOrClose hall={hall} onChanged={setHall} />
            </View>
            <View className='admin-column'>
              <Managers hall={hall} onChanged={setHall} />
              <Blackouts key={`blackouts-${JSON.stringify(hall.blackouts)}`} hall={hall} onChanged={setHall} />
            </View>
          </View>
        )
      }
    </AdminContent>
  );
}

export default function AdminHallPage() {
  const id = Number(useRouter().params.id);
  return (
    <AdminPage section='halls' title='礼堂详情'>
      {() => (Number.isInteger(id) && id > 0 ? <HallDetail id={id} /> : <EmptyState title='没有指定礼堂' hint='请从礼堂列表进入' />)}
    </AdminPage>
  );
}
