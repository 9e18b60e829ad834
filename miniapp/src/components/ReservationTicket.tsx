import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { ReservationDto } from '@hall-menu/shared';
import { formatTimeSpan } from '../utils/format';
import { QrCode } from './QrCode';
import { ReservationStatusTag } from './StatusTag';

/** What a reservation means for the person holding it, in one sentence. */
export function reservationNote(reservation: ReservationDto): string {
  switch (reservation.status) {
    case 'reserved':
      return `已预约 ${reservation.seats} 个座位，到场时出示给管理员`;
    case 'waitlisted':
      return `已加入候补，第 ${reservation.waitlistPosition ?? '?'} 位。有人取消时按顺序补上，补上后预约码即可使用`;
    case 'checked_in':
      return '已签到，欢迎观看';
    case 'cancelled':
      return '预约已取消';
    case 'no_show':
      return '预约了但没有到场';
    case 'lapsed':
      return '活动开始前没有补上座位';
  }
}

/** The reservation code as a QR code and in big letters: the manager scans it or types it. */
export function ReservationTicket({ reservation, showEvent, children }: { reservation: ReservationDto; showEvent?: boolean; children?: ReactNode }) {
  const usable = reservation.status === 'reserved' || reservation.status === 'waitlisted';
  return (
    <View className='card ticket'>
      {showEvent && (
        <>
          <View className='card__title'>{reservation.event.title}</View>
          <View className='card__meta'>{formatTimeSpan(reservation.event.startsAt, reservation.event.endsAt)}</View>
          <View className='card__meta'>地点：{reservation.event.hallName}</View>
        </>
      )}
      <View className='tag-list' style={{ justifyContent: 'center' }}>
        <ReservationStatusTag status={reservation.status} />
        {reservation.guestName && <View className='tag'>代{reservation.guestName}预约</View>}
      </View>
      {usable && <QrCode text={reservation.code} />}
      <View className='ticket__hint'>预约码</View>
      <View className='ticket__code'>{reservation.code}</View>
      <View className={reservation.status === 'waitlisted' ? 'result result--waiting' : 'ticket__hint'}>{reservationNote(reservation)}</View>
      {usable && <View className='ticket__hint'>入场时把这个页面出示给管理员</View>}
      {children}
    </View>
  );
}
