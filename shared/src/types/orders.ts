import type { OrderEvent, OrderState } from '../machines/order';
import type { Category } from './catalog';
import type { DateRange } from './projects';

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  pending: '待服务方答复',
  proposed: '服务方建议改期',
  accepted: '已确定时间',
  declined: '服务方已婉拒',
  expired: '超时未答复',
  cancelled: '已取消',
  in_service: '服务进行中',
  completed: '待礼堂确认',
  confirmed: '已完成',
  disputed: '有争议',
  voided: '争议成立',
  no_show_reported: '已报告未到场',
  no_show: '服务方未到场',
};

export const ORDER_EVENT_LABELS: Record<OrderEvent, string> = {
  accept: '接单并确定时间',
  propose: '建议其他时间',
  decline: '婉拒',
  expire: '超时',
  cancel: '取消点单',
  agree: '同意新时间',
  provider_cancel: '取消服务',
  check_in: '到场签到',
  complete: '报告完成',
  confirm: '确认完成',
  auto_confirm: '自动确认',
  dispute: '提出异议',
  resolve_confirm: '裁定服务有效',
  resolve_void: '裁定异议成立',
  report_no_show: '报告未到场',
  confirm_no_show: '确认未到场',
  dismiss_no_show: '驳回未到场报告',
};

export interface OrderEventRef {
  id: number;
  seats: number;
  startsAt: string;
  endsAt: string;
}

export interface OrderDto {
  id: number;
  status: OrderState;
  project: { id: number; title: string; category: Category };
  hall: { id: number; name: string; regionPath: string };
  provider: { id: number; name: string };
  /** Date ranges the hall would like, 'YYYY-MM-DD' inclusive. */
  windows: DateRange[];
  expectedAudience: number;
  notes: string;
  /** ISO times with offset. */
  scheduledStart: string | null;
  scheduledEnd: string | null;
  proposedStart: string | null;
  proposedEnd: string | null;
  proposalNote: string | null;
  answerDeadline: string;
  confirmDeadline: string | null;
  headCount: number | null;
  completionNote: string | null;
  completionPhotos: string[];
  quotaReturned: boolean;
  event: OrderEventRef | null;
  createdAt: string;
  /** Events the viewer may fire now: buttons are drawn from this. */
  allowedActions: OrderEvent[];
}

export interface CalendarEntryDto {
  orderId: number;
  eventId: number | null;
  title: string;
  hallName: string;
  providerName: string;
  startsAt: string;
  endsAt: string;
  status: OrderState;
}

export interface HallEventDto {
  id: number;
  orderId: number;
  title: string;
  category: Category;
  providerName: string;
  hallId: number;
  hallName: string;
  startsAt: string;
  endsAt: string;
  seats: number;
}
