import type { ReservationEvent, ReservationState } from '../machines/reservation';
import type { HallEventDto } from './orders';
import type { EventRatingDto } from './ratings';

export const RESERVATION_STATE_LABELS: Record<ReservationState, string> = {
  reserved: '已预约',
  waitlisted: '候补中',
  checked_in: '已签到',
  cancelled: '已取消',
  no_show: '未到场',
  lapsed: '候补未成功',
};

export interface ReservationDto {
  id: number;
  eventId: number;
  status: ReservationState;
  seats: number;
  /** Shown as a QR code; the hall manager scans or types it to check in. */
  code: string;
  /** 1-based place in the waitlist, when waitlisted. */
  waitlistPosition: number | null;
  /** For a reservation a manager made on behalf of someone without a phone. */
  guestName: string | null;
  createdAt: string;
  event: HallEventDto;
  allowedActions: ReservationEvent[];
}

export interface EventDetailDto extends HallEventDto {
  seatsReserved: number;
  seatsLeft: number;
  waitlistCount: number;
  walkIns: number;
  checkedIn: number;
  maxSeatsPerPerson: number;
  /** Reservations can be cancelled until this time. */
  cancelUntil: string;
  myReservation: ReservationDto | null;
  /** The signed-in viewer's own rating of this event (hidden ones too, marked), so every device shows it; null when none. */
  myRating: EventRatingDto | null;
}

export interface ReservationSuspension {
  until: string;
  reason: string;
}

export interface CheckInResultDto {
  reservation: ReservationDto;
  holderName: string;
}
