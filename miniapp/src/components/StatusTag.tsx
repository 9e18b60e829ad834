import { View } from '@tarojs/components';
import {
  NEED_STATE_LABELS,
  ORDER_STATE_LABELS,
  PROJECT_STATE_LABELS,
  RESERVATION_STATE_LABELS,
  type NeedState,
  type OrderState,
  type ProjectState,
  type ReservationState,
} from '@hall-menu/shared';

export function StatusTag({ status }: { status: ProjectState }) {
  return <View className={`status-tag status-tag--${status}`}>{PROJECT_STATE_LABELS[status]}</View>;
}

/** Order states share three colours: waiting (yellow), settled (green), ended without service (grey). */
const ORDER_TONES: Record<OrderState, string> = {
  pending: 'waiting',
  proposed: 'waiting',
  completed: 'waiting',
  no_show_reported: 'waiting',
  disputed: 'alert',
  accepted: 'ok',
  in_service: 'ok',
  confirmed: 'ok',
  declined: 'ended',
  expired: 'ended',
  cancelled: 'ended',
  voided: 'ended',
  no_show: 'alert',
};

export function OrderStatusTag({ status }: { status: OrderState }) {
  return <View className={`status-tag status-tag--${ORDER_TONES[status]}`}>{ORDER_STATE_LABELS[status]}</View>;
}

const RESERVATION_TONES: Record<ReservationState, string> = {
  reserved: 'ok',
  waitlisted: 'waiting',
  checked_in: 'ok',
  cancelled: 'ended',
  no_show: 'alert',
  lapsed: 'ended',
};

export function ReservationStatusTag({ status }: { status: ReservationState }) {
  return <View className={`status-tag status-tag--${RESERVATION_TONES[status]}`}>{RESERVATION_STATE_LABELS[status]}</View>;
}

export function NeedStatusTag({ status }: { status: NeedState }) {
  return <View className={`status-tag status-tag--${status === 'open' ? 'waiting' : status === 'matched' ? 'ok' : 'ended'}`}>{NEED_STATE_LABELS[status]}</View>;
}
