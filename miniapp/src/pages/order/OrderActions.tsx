import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Input, Textarea, View } from '@tarojs/components';
import {
  completionSchema,
  ORDER_EVENT_LABELS,
  ORDER_STATE_LABELS,
  orderMachine,
  timeSlotSchema,
  type OrderDto,
  type OrderEvent,
} from '@hall-menu/shared';
import { errorMessage } from '../../api/api-error';
import { mediaUrl } from '../../api/media';
import { fireOrderEvent, type OrderActionBody } from '../../api/orders';
import { uploadPhoto } from '../../api/uploads';
import { Field, FormError } from '../../components/Field';
import { SlotPicker, type Slot } from '../../components/SlotPicker';
import { addDays, beijingDateAndTime, beijingInstant, beijingToday } from '../../utils/format';
import { errorsFromZod, useForm } from '../../utils/form-errors';

/** How an event is asked for: a time (accept, propose), a completion report, a reason, or a plain confirmation. */
type ActionInput = 'slot' | 'completion' | 'reason' | 'confirm';

const SLOT_EVENTS = new Set<OrderEvent>(['accept', 'propose']);
const PRIMARY_EVENTS = new Set<OrderEvent>(['accept', 'agree', 'check_in', 'complete', 'confirm', 'resolve_confirm']);
const MAX_PHOTOS = 9;

/** The transition table says which events need a reason; the server checks it again. */
function inputFor(order: OrderDto, event: OrderEvent): ActionInput {
  if (SLOT_EVENTS.has(event)) return 'slot';
  if (event === 'complete') return 'completion';
  const needsReason = orderMachine.transitions.some((t) => t.from === order.status && t.event === event && t.requiresReason === true);
  return needsReason ? 'reason' : 'confirm';
}

const CONFIRM_TEXT: Partial<Record<OrderEvent, string>> = {
  cancel: '取消后服务方不会再为这次点单安排时间，点单额度会退回。确定取消吗？',
  agree: '同意后按服务方建议的时间安排，确定同意吗？',
  check_in: '确认已经到达礼堂，开始服务吗？',
  confirm: '确认服务已经完成吗？确认后不能再提出异议。',
};

const REASON_HINTS: Partial<Record<OrderEvent, string>> = {
  decline: '例如：这段时间演员都有演出，排不开',
  cancel: '例如：礼堂临时有其他安排',
  provider_cancel: '例如：主要演员生病，无法按时到场',
  dispute: '请写明服务哪里与约定不符',
  report_no_show: '例如：约定时间服务方没有到场，也联系不上',
};

/**
 * The slot a picker starts from: the time already suggested, else the first day the hall asked for, 14:00–16:00 —
 * unless that day is today, where the default is the next full hour after one hour from now (a same-day order must
 * not start in the past).
 */
export function firstSlot(order: OrderDto, now = new Date()): Slot {
  const start = order.proposedStart ?? order.scheduledStart;
  const end = order.proposedEnd ?? order.scheduledEnd;
  if (start && end) return { date: beijingDateAndTime(start).date, start: beijingDateAndTime(start).time, end: beijingDateAndTime(end).time };
  const date = order.windows[0]?.from ?? '';
  const today = beijingToday(now);
  if (date !== today) return { date, start: '14:00', end: '16:00' };
  const hour = Number(beijingDateAndTime(now.toISOString()).time.slice(0, 2)) + 2;
  // Too late for a two-hour service today: the next afternoon (inside the wished days or, if not, to propose).
  if (hour > 21) return { date: addDays(today, 1), start: '14:00', end: '16:00' };
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return { date, start: hh(hour), end: hh(hour + 2) };
}

/** Buttons drawn from `allowedActions`; each opens the inputs its event needs. */
export function OrderActions({ order, onDone }: { order: OrderDto; onDone: (order: OrderDto) => void }) {
  const [asking, setAsking] = useState<OrderEvent | null>(null);
  const [slot, setSlot] = useState<Slot>(() => firstSlot(order));
  const [text, setText] = useState('');
  const [headCount, setHeadCount] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(0);
  const { errors, setErrors, failure, clearFailure, busy, send } = useForm();

  const actions = order.allowedActions.filter((event) => event !== 'expire' && event !== 'auto_confirm');
  if (actions.length === 0) return null;

  const run = (event: OrderEvent, body: OrderActionBody) =>
    send(async () => {
      const result = await fireOrderEvent(order.id, event, body);
      setAsking(null);
      void Taro.showToast({ title: `已${ORDER_EVENT_LABELS[event]}，状态：${ORDER_STATE_LABELS[result.status]}`, icon: 'none' });
      onDone(result);
    });

  async function start(event: OrderEvent) {
    if (busy) return;
    clearFailure();
    setErrors({});
    if (inputFor(order, event) !== 'confirm') {
      setAsking(event);
      setText('');
      return;
    }
    const question = CONFIRM_TEXT[event];
    if (question) {
      const { confirm } = await Taro.showModal({ title: ORDER_EVENT_LABELS[event], content: question, confirmText: '确定', cancelText: '再想想' });
      if (!confirm) return;
    }
    await run(event, {});
  }

  function submit() {
    if (!asking || busy) return;
    const input = inputFor(order, asking);
    if (input === 'reason') {
      const reason = text.trim();
      if (!reason) return setErrors({ reason: '请填写原因' });
      if (reason.length > 500) return setErrors({ reason: '原因最多 500 个字' });
      return void run(asking, { reason });
    }
    if (input === 'slot') {
      const checked = timeSlotSchema.safeParse({
        start: beijingInstant(slot.date, slot.start),
        end: beijingInstant(slot.date, slot.end),
        ...(asking === 'propose' && text.trim() ? { note: text.trim() } : {}),
      });
      if (!checked.success) return setErrors(errorsFromZod(checked.error));
      return void run(asking, checked.data);
    }
    const count = headCount.trim() === '' ? undefined : Number(headCount);
    const checked = completionSchema.safeParse({ headCount: count, photos, note: text });
    if (!checked.success) return setErrors(errorsFromZod(checked.error));
    void run(asking, checked.data);
  }

  async function addPhotos() {
    const room = MAX_PHOTOS - photos.length;
    if (room <= 0 || uploading > 0) return;
    let paths: string[];
    try {
      paths = (await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths.slice(0, room);
    } catch {
      return; // the person closed the picker
    }
    setUploading(paths.length);
    for (const path of paths) {
      try {
        const { url } = await uploadPhoto(path);
        setPhotos((current) => [...current, url].slice(0, MAX_PHOTOS));
      } catch (error) {
        setErrors((current) => ({ ...current, photos: errorMessage(error) }));
      } finally {
        setUploading((left) => left - 1);
      }
    }
  }

  const input = asking ? inputFor(order, asking) : null;

  return (
    <View className='section'>
      <View className='section__title'>操作</View>
      <FormError message={failure} />
      {asking ? (
        <View className='card reason-form'>
          <View className='card__title'>{ORDER_EVENT_LABELS[asking]}</View>
          <View className='spaced'>
            {input === 'slot' && (
              <>
                <Field label='服务时间' required hint={asking === 'accept' ? '须在礼堂希望的日期段内' : '建议一个您能来的时间'} error={errors.start ?? errors.end}>
                  <SlotPicker
                    slot={slot}
                    onChange={(next) => {
                      setSlot(next);
                      setErrors({});
                    }}
                  />
                </Field>
                {asking === 'propose' && (
                  <Field label='给礼堂的说明' error={errors.note}>
                    <Textarea className='textarea' value={text} maxlength={200} placeholder='例如：12月上旬都有演出，中旬可以来' onInput={(e) => setText(e.detail.value)} />
                  </Field>
                )}
              </>
            )}
            {input === 'reason' && (
              <Field label='原因' required error={errors.reason}>
                <Textarea
                  className='textarea'
                  value={text}
                  maxlength={500}
                  placeholder={REASON_HINTS[asking] ?? '请填写原因，对方会看到这段话'}
                  onInput={(e) => {
                    setText(e.detail.value);
                    setErrors({});
                  }}
                />
              </Field>
            )}
            {input === 'completion' && (
              <>
                <Field label='到场人数' required error={errors.headCount}>
                  <Input className='input' type='number' value={headCount} maxlength={5} placeholder='例如 120' onInput={(e) => setHeadCount(e.detail.value)} />
                </Field>
                <Field label='现场照片' hint={`最多 ${MAX_PHOTOS} 张`} error={errors.photos}>
                  <View className='photo-grid'>
                    {photos.map((url) => (
                      <View key={url} className='photo-grid__item'>
                        <Image className='photo-grid__image' src={mediaUrl(url)} mode='aspectFill' />
                        <Button className='btn btn--small' onClick={() => setPhotos((current) => current.filter((p) => p !== url))}>
                          删除
                        </Button>
                      </View>
                    ))}
                  </View>
                  {photos.length < MAX_PHOTOS && (
                    <Button className='btn btn--block' disabled={uploading > 0} onClick={addPhotos}>
                      {uploading > 0 ? `正在上传，还剩 ${uploading} 张…` : '添加照片'}
                    </Button>
                  )}
                </Field>
                <Field label='服务情况说明' error={errors.note}>
                  <Textarea className='textarea' value={text} maxlength={500} placeholder='例如：演出顺利，观众反响热烈' onInput={(e) => setText(e.detail.value)} />
                </Field>
              </>
            )}
          </View>
          <View className='button-row'>
            <Button className='btn' disabled={busy} onClick={() => setAsking(null)}>
              返回
            </Button>
            <Button className='btn btn--primary' disabled={busy || uploading > 0} onClick={submit}>
              {busy ? '正在提交…' : `确认${ORDER_EVENT_LABELS[asking]}`}
            </Button>
          </View>
        </View>
      ) : (
        <View className='action-list'>
          {actions.map((event) => (
            <Button key={event} className={PRIMARY_EVENTS.has(event) ? 'btn btn--primary' : 'btn'} disabled={busy} onClick={() => start(event)}>
              {ORDER_EVENT_LABELS[event]}
            </Button>
          ))}
        </View>
      )}
    </View>
  );
}
