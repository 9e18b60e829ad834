import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, View } from '@tarojs/components';
import {
  checkInSchema,
  ErrorCode,
  eventSeatsSchema,
  proxyReserveSchema,
  walkInSchema,
  type CheckInResultDto,
  type EventDetailDto,
  type ReservationDto,
} from '@hall-menu/shared';
import { ApiError } from '../../../../api/api-error';
import { addWalkIns, checkIn, getEvent, proxyReserve, setEventSeats } from '../../../../api/events';
import { ChipGroup } from '../../../../components/Chips';
import { Field, FormError } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { AsyncContent } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { formatTimeSpan } from '../../../../utils/format';
import { errorsFromZod, useForm } from '../../../../utils/form-errors';

/** Only the weapp has a camera scanner; in H5 the code is typed. */
const CAN_SCAN = process.env.TARO_ENV === 'weapp';

function CheckInForm({ eventId, onDone }: { eventId: number; onDone: () => void }) {
  const [code, setCode] = useState('');
  const [result, setResult] = useState<CheckInResultDto | null>(null);
  const { failure, clearFailure, busy, submit } = useForm({ oneMessage: true });

  function checkInCode(raw = code) {
    if (busy) return;
    setResult(null);
    return submit(checkInSchema.safeParse({ code: raw }), async (input) => {
      setResult(await checkIn(eventId, input.code));
      setCode('');
      onDone();
    });
  }

  async function scan() {
    try {
      const { result: scanned } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      const value = scanned.trim().toUpperCase();
      setCode(value);
      await checkInCode(value);
    } catch {
      // the person closed the scanner
    }
  }

  return (
    <View className='section'>
      <View className='section__title'>预约码签到</View>
      <View className='card'>
        <Field label='预约码' hint='村民手机上的 8 位字母或数字'>
          <Input
            className='input code-input'
            value={code}
            maxlength={8}
            placeholder='例如 AB12CD34'
            onInput={(e) => {
              setCode(e.detail.value.toUpperCase());
              clearFailure();
            }}
          />
        </Field>
        {result && (
          <View className='result'>
            签到成功：{result.holderName}，{result.reservation.seats} 个座位
          </View>
        )}
        <FormError message={failure} />
        <View className='button-row'>
          {CAN_SCAN && (
            <Button className='btn' disabled={busy} onClick={scan}>
              扫码签到
            </Button>
          )}
          <Button className='btn btn--primary' disabled={busy} onClick={() => checkInCode()}>
            {busy ? '正在签到…' : '签到'}
          </Button>
        </View>
      </View>
    </View>
  );
}

function WalkInForm({ eventId, onDone }: { eventId: number; onDone: (event: EventDetailDto) => void }) {
  const [count, setCount] = useState('');
  const [registered, setRegistered] = useState<string | null>(null);
  const { failure, busy, submit } = useForm({ oneMessage: true });

  function register() {
    if (busy) return;
    setRegistered(null);
    return submit(walkInSchema.safeParse({ count: count.trim() === '' ? undefined : Number(count) }), async (input) => {
      const event = await addWalkIns(eventId, input.count);
      setRegistered(`已登记 ${input.count} 人，现场登记共 ${event.walkIns} 人`);
      setCount('');
      onDone(event);
    });
  }

  return (
    <View className='section'>
      <View className='section__title'>现场登记</View>
      <View className='card'>
        <Field label='没有预约、直接来的人数'>
          <Input className='input' type='number' value={count} maxlength={4} placeholder='例如 5' onInput={(e) => setCount(e.detail.value)} />
        </Field>
        {registered && <View className='result'>{registered}</View>}
        <FormError message={failure} />
        <Button className='btn btn--primary btn--block' disabled={busy} onClick={register}>
          {busy ? '正在登记…' : '登记人数'}
        </Button>
      </View>
    </View>
  );
}

function ProxyForm({ event, onDone }: { event: EventDetailDto; onDone: () => void }) {
  const [guestName, setGuestName] = useState('');
  const [guestPhone, setGuestPhone] = useState('');
  const [seats, setSeats] = useState<number | null>(1);
  const [made, setMade] = useState<ReservationDto | null>(null);
  const { errors, setErrors, failure, busy, send } = useForm();
  const options = Array.from({ length: Math.max(event.maxSeatsPerPerson, 1) }, (_, i) => ({ value: i + 1, label: `${i + 1} 个` }));

  function reserve() {
    if (busy) return;
    setMade(null);
    const checked = proxyReserveSchema.safeParse({ seats: seats ?? undefined, guestName, ...(guestPhone.trim() ? { guestPhone: guestPhone.trim() } : {}) });
    if (!checked.success) return setErrors(errorsFromZod(checked.error));
    return send(async () => {
      setMade(await proxyReserve(event.id, checked.data));
      setGuestName('');
      setGuestPhone('');
      onDone();
    });
  }

  return (
    <View className='section'>
      <View className='section__title'>代村民预约</View>
      <View className='card'>
        <FormError message={failure} />
        <Field label='村民姓名' required error={errors.guestName}>
          <Input className='input' value={guestName} maxlength={20} placeholder='例如 王阿婆' onInput={(e) => setGuestName(e.detail.value)} />
        </Field>
        <Field label='手机号' hint='没有可以不填' error={errors.guestPhone}>
          <Input className='input' type='number' value={guestPhone} maxlength={11} placeholder='11 位手机号' onInput={(e) => setGuestPhone(e.detail.value)} />
        </Field>
        <Field label='座位数' required error={errors.seats}>
          <ChipGroup options={options} value={seats} onChange={setSeats} />
        </Field>
        {made && (
          <View className={made.status === 'waitlisted' ? 'result result--waiting' : 'result'}>
            {made.status === 'waitlisted' ? `座位已满，已加入候补，第 ${made.waitlistPosition} 位` : '已代为预约'}，预约码 {made.code}
          </View>
        )}
        <Button className='btn btn--primary btn--block' disabled={busy} onClick={reserve}>
          {busy ? '正在预约…' : '代为预约'}
        </Button>
      </View>
    </View>
  );
}

/** 开放座位: fewer seats than the hall has (part of it kept for walk-ins, say); the server refuses fewer than are reserved. */
function SeatsForm({ event, onDone }: { event: EventDetailDto; onDone: () => void }) {
  const [seats, setSeats] = useState(String(event.seats));
  const [saved, setSaved] = useState<number | null>(null);
  const { errors, failure, busy, submit } = useForm();

  function save() {
    setSaved(null);
    return submit(eventSeatsSchema.safeParse({ seats: seats.trim() === '' ? undefined : Number(seats) }), async (input) => {
      setSaved((await setEventSeats(event.id, input.seats)).seats);
      onDone();
    });
  }

  return (
    <View className='section'>
      <View className='section__title'>
        开放座位
        <View className='section__note'>已预约 {event.seatsReserved} 个</View>
      </View>
      <View className='card'>
        <FormError message={failure} />
        <Field label='开放给村民预约的座位数' hint={`不能少于已预约的 ${event.seatsReserved} 个，也不能多于礼堂的座位`} error={errors.seats}>
          <Input className='input' type='number' value={seats} maxlength={4} placeholder='例如 150' onInput={(e) => setSeats(e.detail.value)} />
        </Field>
        {saved !== null && <View className='result'>已改为开放 {saved} 个座位</View>}
        <Button className='btn btn--primary btn--block' disabled={busy} onClick={save}>
          {busy ? '正在保存…' : '保存座位数'}
        </Button>
      </View>
    </View>
  );
}

function CheckInScreen({ eventId }: { eventId: number }) {
  const event = useAsync(
    () => (Number.isInteger(eventId) && eventId > 0 ? getEvent(eventId) : Promise.reject(new ApiError(ErrorCode.NotFound, '找不到这场活动，链接可能不完整', 404))),
    [eventId],
  );
  return (
    <AsyncContent state={event}>
      {(data) => (
        <>
          <View className='section'>
            <View className='card'>
              <View className='card__title'>{data.title}</View>
              <View className='card__meta'>{formatTimeSpan(data.startsAt, data.endsAt)}</View>
              <View className='card__meta'>{data.hallName}</View>
              <View className='card__meta'>
                已签到 {data.checkedIn} 人 · 现场登记 {data.walkIns} 人 · 剩余座位 {data.seatsLeft} 个
              </View>
            </View>
          </View>
          <CheckInForm eventId={data.id} onDone={event.refresh} />
          <WalkInForm eventId={data.id} onDone={event.refresh} />
          <ProxyForm event={data} onDone={event.refresh} />
          <SeatsForm event={data} onDone={event.refresh} />
        </>
      )}
    </AsyncContent>
  );
}

export default function CheckInPage() {
  const eventId = Number(useRouter().params.eventId);
  return (
    <PageShell>
      <RoleGate role='hall_manager'>{() => <CheckInScreen eventId={eventId} />}</RoleGate>
    </PageShell>
  );
}
