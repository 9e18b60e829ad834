export interface EventRatingDto {
  id: number;
  eventId: number;
  stars: number;
  text: string;
  photo: string | null;
  authorName: string;
  createdAt: string;
  /** Until when the author may still change it. */
  editableUntil: string;
  hidden: boolean;
}

export type OrderRatingSide = 'hall' | 'provider';

/** Dimensions each side rates: the hall rates the provider's service, the provider rates the hall's organisation. */
export const ORDER_RATING_DIMENSIONS: Record<OrderRatingSide, Record<string, string>> = {
  hall: { content: '节目内容', punctuality: '准时守约', audience: '群众反响' },
  provider: { organisation: '组织安排', turnout: '到场人数' },
};

export interface OrderRatingDto {
  id: number;
  orderId: number;
  side: OrderRatingSide;
  scores: Record<string, number>;
  stars: number;
  text: string;
  authorName: string;
  createdAt: string;
}
