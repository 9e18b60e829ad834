import { useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { CATEGORY_LABELS, ErrorCode, type EventDetailDto, type ReservationDto } from '@hall-menu/shared';
import { ApiError, errorMessage } from '../../api/api-error';
import { getEvent, reserveSeats } from '../../api/events';
import { CancelReservation } from '../../components/CancelReservation';
import { ChipGroup } from '../../components/Chips';
import { PageShell } from '../../components/PageShell';
import { ReservationTicket } from '../../components/ReservationTicket';
import { AsyncContent } from '../../components/StateViews';
import { useAsync } from '../../hooks/use-async';
import { checkInUrl, goToLogin } from '../../routes';
import { selectIsLoggedIn, useAuthStore } from '../../stores/auth';
import { formatTimeSpan } from '../../utils/format';
import { askSubscribe } from '../../utils/subscribe';
import { EventRatings } from './EventRatings';

/** Reserving: seat count chips and 预约; a full event takes the request onto the waitlist. */
function ReserveForm({ event, onReserved }: { event: EventDetailDto; onReserved: (reservation: ReservationDto) => void }) {
  const [seats, setSeats] = useState<number | null>(1);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; suspended: boolean } | null>(null);
  const options = Array.from({ length: Math.max(event.maxSeatsPerPerson, 1) }, (_, i) => ({ value: i + 1, label: `${i + 1} 个座位` }));

  async function reserve() {
    if (busy || !seats) return;
    // WeChat opens the consent prompt only inside a tap: ask now, while the seats are reserved.
    void askSubscribe('seatsReserved');
    setBusy(true);
    setFailure(null);
    try {
      onReserved(await reserveSeats(event.id, seats));
    } catch (error) {
      setFailure({ message: errorMessage(error), suspended: error instanceof ApiError && error.code === ErrorCode.ReservationSuspended });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='section'>
      <View className='section__title'>
        预约座位
        <View className='section__note'>每人最多 {event.maxSeatsPerPerson} 个</View>
      </View>
      {failure && (
        <View className={failure.suspended ? 'result result--waiting' : 'notice notice--error notice--inline'}>
          {failure.suspended ? `暂时不能预约：${failure.message}` : failure.message}
        </View>
      )}
      {event.seatsLeft === 0 && <View className='notice notice--inline'>座位已满，现在预约会加入候补，有人取消时按顺序补上。</View>}
      <ChipGroup options={options} value={seats} onChange={setSeats} />
      <Button className='btn btn--primary btn--block' disabled={busy || !seats} onClick={reserve}>
        {busy ? '正在预约…' : event.seatsLeft === 0 ? '预约（加入候补）' : '预约'}
      </Button>
    </View>
  );
}

function EventDetail({ event, onChanged }: { event: EventDetailDto; onChanged: () => void }) {
  const loggedIn = useAuthStore(selectIsLoggedIn);
  const isVillager = useAuthStore((state) => state.me?.roles.includes('villager') ?? false);
  const managesHall = useAuthStore((state) => state.me?.roles.includes('hall_manager') === true && state.me.scopes.halls.some((h) => h.id === event.hallId));
  const [justReserved, setJustReserved] = useState<ReservationDto | null>(null);
  const latest = event.myReservation ?? justReserved;
  // A cancelled reservation leaves the way open to reserve again.
  const mine = latest?.status === 'cancelled' ? null : latest;
  const ended = Date.now() > Date.parse(event.endsAt);

  function reserved(reservation: ReservationDto) {
    setJustReserved(reservation);
    void Taro.showToast({ title: reservation.status === 'waitlisted' ? `已加入候补，第 ${reservation.waitlistPosition} 位` : '预约成功', icon: 'none' });
    onChanged();
  }

  return (
    <>
      <View className='section'>
        <View className='detail-title'>{event.title}</View>
        <View className='tag-list'>
          <View className='tag'>{CATEGORY_LABELS[event.category]}</View>
        </View>
      </View>
      <View className='section'>
        <View className='card facts'>
          <View className='fact'>
            <View className='fact__label'>时间</View>
            <View className='fact__value'>{formatTimeSpan(event.startsAt, event.endsAt)}</View>
          </View>
          <View className='fact'>
            <View className='fact__label'>地点</View>
            <View className='fact__value'>{event.hallName}</View>
          </View>
          <View className='fact'>
            <View className='fact__label'>服务方</View>
            <View className='fact__value'>{event.providerName}</View>
          </View>
          <View className='fact'>
            <View className='fact__label'>座位</View>
            <View className='fact__value'>
              剩余 {event.seatsLeft} 个，共 {event.seats} 个{event.waitlistCount > 0 && `，候补 ${event.waitlistCount} 人`}
            </View>
          </View>
        </View>
      </View>

      {justReserved?.status === 'waitlisted' && (
        <View className='section'>
          <View className='result result--waiting'>已加入候补，第 {justReserved.waitlistPosition} 位</View>
        </View>
      )}
      {justReserved?.status === 'reserved' && (
        <View className='section'>
          <View className='result'>预约成功，共 {justReserved.seats} 个座位</View>
        </View>
      )}

      {mine ? (
        <View className='section'>
          <View className='section__title'>我的预约</View>
          <ReservationTicket reservation={mine}>
            <CancelReservation
              reservation={mine}
              cancelUntil={event.cancelUntil}
              onDone={() => {
                setJustReserved(null);
                onChanged();
              }}
            />
          </ReservationTicket>
        </View>
      ) : ended ? (
        <View className='notice'>活动已结束</View>
      ) : !loggedIn ? (
        <View className='section'>
          <Button className='btn btn--primary btn--block' onClick={() => goToLogin()}>
            登录后预约
          </Button>
        </View>
      ) : isVillager ? (
        <ReserveForm event={event} onReserved={reserved} />
      ) : null}

      {managesHall && (
        <View className='section'>
          <View className='section__title'>
            礼堂管理
            <View className='section__note'>
              已签到 {event.checkedIn} 人 · 现场登记 {event.walkIns} 人
            </View>
          </View>
          <Button className='btn btn--block' onClick={() => Taro.navigateTo({ url: checkInUrl(event.id) })}>
            签到管理
          </Button>
        </View>
      )}

      <EventRatings event={event} />
    </>
  );
}

function loadEvent(id: number): Promise<EventDetailDto> {
  if (!Number.isInteger(id) || id <= 0) return Promise.reject(new ApiError(ErrorCode.NotFound, '找不到这场活动，链接可能不完整', 404));
  return getEvent(id);
}

export default function EventPage() {
  const id = Number(useRouter().params.id);
  const event = useAsync(() => loadEvent(id), [id]);
  const shownBefore = useRef(false);

  useDidShow(() => {
    if (shownBefore.current) event.refresh();
    shownBefore.current = true;
  });

  return (
    <PageShell>
      <AsyncContent state={event}>{(data) => <EventDetail event={data} onChanged={event.refresh} />}</AsyncContent>
    </PageShell>
  );
}
