import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Picker, Textarea, View } from '@tarojs/components';
import { createOrderSchema, ErrorCode, type DateRange, type HallDto, type MeResponse, type ProjectDetailDto } from '@hall-menu/shared';
import { ApiError } from '../../../../api/api-error';
import { getHall } from '../../../../api/halls';
import { createOrder } from '../../../../api/orders';
import { getProject } from '../../../../api/projects';
import { ChipGroup } from '../../../../components/Chips';
import { Field, FormError } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { AsyncContent, EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { orderUrl } from '../../../../routes';
import { addDays, beijingToday, formatDate } from '../../../../utils/format';
import { useForm, withoutErrorsOf } from '../../../../utils/form-errors';
import { newIdempotencyKey } from '../../../../utils/idempotency';
import { askSubscribe } from '../../../../utils/subscribe';

const MAX_WINDOWS = 3;

interface FormStart {
  project: ProjectDetailDto;
  halls: HallDto[];
}

async function loadStart(projectId: number, me: MeResponse): Promise<FormStart> {
  if (!Number.isInteger(projectId) || projectId <= 0) throw new ApiError(ErrorCode.NotFound, '找不到要点单的项目，链接可能不完整', 404);
  const [project, halls] = await Promise.all([getProject(projectId), Promise.all(me.scopes.halls.map((hall) => getHall(hall.id)))]);
  return { project, halls };
}

const quotaLeft = (hall: HallDto) => Math.max(hall.annualQuota - hall.quotaUsed, 0);

/** '' is "not filled in"; other text goes to the schema as it is, which says it must be a number. */
function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

function OrderForm({ start }: { start: FormStart }) {
  const { project, halls } = start;
  const today = beijingToday();
  const [hallId, setHallId] = useState<number | null>(halls.length === 1 ? halls[0].id : null);
  // Start from the first date the project's lead time allows, with two weeks to choose from.
  const earliest = addDays(today, project.leadDays);
  const [windows, setWindows] = useState<DateRange[]>([{ from: earliest, to: addDays(earliest, 14) }]);
  const [audience, setAudience] = useState('');
  const [notes, setNotes] = useState('');
  const { errors, setErrors, failure, busy, submit } = useForm();
  // One key for this form: pressing 提交 again after a failure (or a lost answer) cannot order twice.
  const [idempotencyKey] = useState(newIdempotencyKey);

  const hall = halls.find((h) => h.id === hallId) ?? null;
  const clear = (field: string) => setErrors((current) => withoutErrorsOf(current, field));

  function setWindow(index: number, patch: Partial<DateRange>) {
    setWindows((current) =>
      current.map((w, i) => {
        if (i !== index) return w;
        const next = { ...w, ...patch };
        // Moving the start past the end moves the end with it.
        return patch.from && next.to < next.from ? { ...next, to: next.from } : next;
      }),
    );
    clear('windows');
  }

  const place = () =>
    submit(createOrderSchema.safeParse({ projectId: project.id, hallId: hallId ?? undefined, windows, expectedAudience: numberOrText(audience), notes }), async (input) => {
      // WeChat opens the consent prompt only inside a tap: ask now (before the first wait), while the order is sent.
      void askSubscribe('orderPlaced');
      const order = await createOrder(input, idempotencyKey);
      void Taro.showToast({ title: '点单已提交，等待服务方答复', icon: 'none' });
      void Taro.redirectTo({ url: orderUrl(order.id) });
    });

  if (project.status !== 'published') return <EmptyState title='这个项目现在不能点单' hint='只有服务菜单上的项目可以点单' />;
  if (halls.length === 0) return <EmptyState title='您还没有负责的礼堂' hint='请联系所在县(市、区)的审核员添加' />;

  return (
    <View className='form'>
      <View className='section'>
        <View className='card'>
          <View className='card__title'>{project.title}</View>
          <View className='card__meta'>服务方：{project.provider.name}</View>
          <View className='card__meta'>需提前 {project.leadDays} 天预约</View>
        </View>
      </View>

      <View className='section'>
        <FormError message={failure} />
        {halls.length > 1 && (
          <Field label='为哪个礼堂点单' required error={errors.hallId}>
            <ChipGroup
              options={halls.map((h) => ({ value: h.id, label: h.name }))}
              value={hallId}
              onChange={(id) => {
                setHallId(id);
                clear('hallId');
              }}
            />
          </Field>
        )}
        {hall && (
          <View className='notice notice--inline'>
            {hall.name}：今年剩余点单额度 {quotaLeft(hall)} 次
          </View>
        )}

        <Field label='希望的日期' required hint={`可以给 1 到 ${MAX_WINDOWS} 个日期段，服务方从中选一天`} error={errors.windows}>
          {windows.map((w, index) => (
            <View key={index} className='row-item'>
              <View className='range-row'>
                <Picker mode='date' value={w.from} start={today} onChange={(e) => setWindow(index, { from: String(e.detail.value) })}>
                  <View className='filter-button'>从 {formatDate(w.from)}</View>
                </Picker>
                <Picker mode='date' value={w.to} start={w.from} onChange={(e) => setWindow(index, { to: String(e.detail.value) })}>
                  <View className='filter-button'>到 {formatDate(w.to)}</View>
                </Picker>
                {windows.length > 1 && (
                  <Button className='btn btn--small' onClick={() => setWindows((current) => current.filter((_, i) => i !== index))}>
                    删除
                  </Button>
                )}
              </View>
              {[errors[`windows.${index}.from`], errors[`windows.${index}.to`], errors[`windows.${index}`]]
                .filter(Boolean)
                .slice(0, 1)
                .map((message) => (
                  <View key={message} className='form-error'>
                    {message}
                  </View>
                ))}
            </View>
          ))}
          {windows.length < MAX_WINDOWS && (
            <Button className='btn btn--block' onClick={() => setWindows((current) => [...current, { ...current[current.length - 1] }])}>
              再加一个日期段
            </Button>
          )}
        </Field>

        <Field label='预计观众人数' required error={errors.expectedAudience}>
          <Input
            className='input'
            type='number'
            value={audience}
            maxlength={4}
            placeholder='例如 150'
            onInput={(e) => {
              setAudience(e.detail.value);
              clear('expectedAudience');
            }}
          />
        </Field>

        <Field label='备注' hint='场地、时间偏好等，最多 300 字' error={errors.notes}>
          <Textarea
            className='textarea'
            value={notes}
            maxlength={300}
            placeholder='例如：希望安排在下午，礼堂有舞台和音响'
            onInput={(e) => {
              setNotes(e.detail.value);
              clear('notes');
            }}
          />
        </Field>

        <Button className='btn btn--primary btn--block' disabled={busy} onClick={place}>
          {busy ? '正在提交…' : '提交点单'}
        </Button>
      </View>
    </View>
  );
}

function OrderFormLoader({ me }: { me: MeResponse }) {
  const projectId = Number(useRouter().params.projectId);
  const start = useAsync(() => loadStart(projectId, me), [projectId]);
  return <AsyncContent state={start}>{(data) => <OrderForm start={data} />}</AsyncContent>;
}

export default function OrderFormPage() {
  return (
    <PageShell>
      <RoleGate role='hall_manager'>{(me) => <OrderFormLoader me={me} />}</RoleGate>
    </PageShell>
  );
}
