import type { NeedEvent, NeedState } from '../machines/need';
import type { Audience, Category } from './catalog';
import type { MenuItemDto } from './projects';

export const NEED_STATE_LABELS: Record<NeedState, string> = {
  open: '征集中',
  matched: '已对接',
  closed: '已关闭',
  expired: '已过期',
};

export type NeedResponseStatus = 'pending' | 'accepted' | 'declined';

export interface NeedResponseDto {
  id: number;
  needId: number;
  provider: { id: number; name: string };
  project: { id: number; title: string };
  proposedStart: string;
  proposedEnd: string;
  message: string;
  status: NeedResponseStatus;
  orderId: number | null;
  createdAt: string;
}

export interface NeedDto {
  id: number;
  hall: { id: number; name: string; regionPath: string };
  category: Category;
  title: string;
  description: string;
  /** 'YYYY-MM-DD', inclusive. */
  periodFrom: string;
  periodTo: string;
  expectedAudience: number;
  targetAudience: Audience;
  status: NeedState;
  /** 我也想看: how many villagers want this. */
  upvotes: number;
  upvotedByMe: boolean;
  createdAt: string;
  allowedActions: NeedEvent[];
  /** Responses from providers (visible to the hall's managers and to each provider for its own). */
  responses: NeedResponseDto[];
}

/** A project suggested for a need or a hall, with the reasons in words a manager understands. */
export interface SuggestionDto {
  project: MenuItemDto;
  score: number;
  reasons: string[];
}

/** A need suggested to a provider, with the reasons and which of its projects fit. */
export interface NeedMatchDto {
  need: NeedDto;
  score: number;
  reasons: string[];
  fittingProjectIds: number[];
}
