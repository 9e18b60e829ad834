import type { NominationEvent, NominationState } from '../machines/nomination';
import type { Category } from './catalog';
import type { ProjectProviderRef } from './projects';

export const NOMINATION_STATE_LABELS: Record<NominationState, string> = {
  nominated: '待服务方确认',
  confirmed: '已确认上架',
  declined: '服务方已谢绝',
  withdrawn: '已撤回',
};

export const NOMINATION_EVENT_LABELS: Record<NominationEvent, string> = {
  confirm: '确认上架',
  decline: '谢绝',
  withdraw: '撤回提名',
};

/** A 村晚 programme a reviewer nominated into the menu, and where it stands. */
export interface NominationDto {
  id: number;
  status: NominationState;
  /** The gala it was picked from: "2026年鲍田村村晚". */
  galaName: string;
  performers: string;
  sourceVillage: { code: string; name: string };
  sourceHall: { id: number; name: string } | null;
  /** The 村晚 project: a draft while the nomination waits, published once confirmed, archived when declined. */
  project: { id: number; title: string; category: Category; status: string; cover: string | null };
  provider: ProjectProviderRef & {
    /** Made for this nomination (unverified) rather than an existing organisation. */
    createdForNomination: boolean;
    contactName: string;
    contactPhone: string;
  };
  nominatedBy: string | null;
  nominatedAt: string;
  decidedAt: string | null;
  /** Why it was declined or withdrawn. */
  reason: string | null;
  allowedActions: NominationEvent[];
}
