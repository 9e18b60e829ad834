import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ReservationDto } from '@hall-menu/shared';
import { errorMessage } from '../../api/api-error';
import { listMyReservations } from '../../api/events';
import { CancelReservation } from '../../components/CancelReservation';
import { PageShell } from '../../components/PageShell';
import { AsyncContent, EmptyState, LoginPrompt } from '../../components/StateViews';
import { ReservationTicket } from '../../components/ReservationTicket';
import { useAsync } from '../../hooks/use-async';
import { selectIsLoggedIn, useAuthStore } from '../../stores/auth';
import { formatDateTime } from '../../utils/format';

/** The last list shown, per person: the codes must open at the hall door even without a signal. */
export const RESERVATIONS_STORAGE_KEY = 'hall-menu.reservations';

interface SavedReservations {
  userId: number;
  savedAt: string;
  items: ReservationDto[];
}

interface Loaded {
  items: ReservationDto[];
  /** Set when the request failed and the saved list is shown instead. */
  offline: { savedAt: string; reason: string } | null;
}

function readSaved(userId: number): SavedReservations | null {
  try {
    const raw: unknown = Taro.getStorageSync(RESERVATIONS_STORAGE_KEY);
    const saved = (typeof raw === 'string' && raw ? JSON.parse(raw) : null) as SavedReservations | null;
    return saved && saved.userId === userId && Array.isArray(saved.items) ? saved : null;
  } catch {
    return null;
  }
}

async function loadReservations(userId: number): Promise<Loaded> {
  try {
    const items = await listMyReservations();
    const saved: SavedReservations = { userId, savedAt: new Date().toISOString(), items };
    Taro.setStorageSync(RESERVATIONS_STORAGE_KEY, JSON.stringify(saved));
    return { items, offline: null };
  } catch (error) {
    const saved = readSaved(userId);
    if (!saved) throw error;
    return { items: saved.items, offline: { savedAt: saved.savedAt, reason: errorMessage(error) } };
  }
}

/** Upcoming and usable first, then the rest, newest event first. */
function ordered(items: ReservationDto[]): ReservationDto[] {
  const live = (r: ReservationDto) => r.status === 'reserved' || r.status === 'waitlisted';
  return [...items].sort((a, b) => Number(live(b)) - Number(live(a)) || Date.parse(b.event.startsAt) - Date.parse(a.event.startsAt));
}

function Reservations({ userId }: { userId: number }) {
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((n) => n + 1));
  const list = useAsync(() => loadReservations(userId), [userId, visit]);

  return (
    <AsyncContent
      state={list}
      isEmpty={(data) => data.items.length === 0}
      empty={<EmptyState title='还没有预约' hint='在「活动」里选一场活动，点「预约」' />}
    >
      {(data) => (
        <>
          {data.offline && (
            <View className='notice'>
              {data.offline.reason}。下面是 {formatDateTime(data.offline.savedAt)} 加载的预约，预约码仍可使用。
            </View>
          )}
          <View className='section'>
            {ordered(data.items).map((reservation) => (
              <ReservationTicket key={reservation.id} reservation={reservation} showEvent>
                {!data.offline && <CancelReservation reservation={reservation} onDone={list.refresh} />}
              </ReservationTicket>
            ))}
          </View>
        </>
      )}
    </AsyncContent>
  );
}

export default function ReservationsPage() {
  const loggedIn = useAuthStore(selectIsLoggedIn);
  const userId = useAuthStore((state) => state.me?.id);
  return <PageShell>{loggedIn && userId ? <Reservations userId={userId} /> : <LoginPrompt hint='登录后可以查看您预约的活动' />}</PageShell>;
}
