import {
  projectContentSchema,
  type Audience,
  type Category,
  type CostType,
  type DateRange,
  type ProjectContent,
  type TimeWindow,
} from '@hall-menu/shared';
import { errorsFromZod, type FieldErrors } from '../../../../utils/form-errors';

/**
 * What the form holds while someone types: numbers stay text until validation, so a half-typed
 * or wrong value is shown as typed and the schema's own message explains what is wrong with it.
 */
export interface ProjectDraft {
  category: Category | null;
  title: string;
  description: string;
  photos: string[];
  durationMinutes: string;
  audienceMin: string;
  audienceMax: string;
  targetAudience: Audience;
  requirements: string;
  serviceArea: string[];
  weekdays: number[];
  timeWindows: TimeWindow[];
  leadDays: string;
  blackoutDates: DateRange[];
  cost: CostType;
  costNote: string;
}

export const MAX_PHOTOS = 9;
export const MAX_TIME_WINDOWS = 4;
export const MAX_BLACKOUTS = 20;
export const NEW_TIME_WINDOW: TimeWindow = { start: '14:00', end: '16:00' };

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A further window starts where the last one ends and lasts two hours (within the day), to be adjusted. */
export function nextTimeWindow(windows: TimeWindow[]): TimeWindow {
  const last = windows[windows.length - 1];
  if (!last || !/^\d{2}:\d{2}$/.test(last.end)) return { ...NEW_TIME_WINDOW };
  const start = Math.min(minutesOf(last.end), 21 * 60);
  return { start: timeOf(start), end: timeOf(Math.min(start + 120, 23 * 60 + 59)) };
}

export function emptyDraft(serviceArea: string[]): ProjectDraft {
  return {
    category: null,
    title: '',
    description: '',
    photos: [],
    durationMinutes: '',
    audienceMin: '',
    audienceMax: '',
    targetAudience: 'all',
    requirements: '',
    serviceArea,
    weekdays: [],
    timeWindows: [{ ...NEW_TIME_WINDOW }],
    leadDays: '7',
    blackoutDates: [],
    cost: 'free',
    costNote: '',
  };
}

export function draftFromContent(content: ProjectContent): ProjectDraft {
  return {
    ...content,
    photos: [...content.photos],
    serviceArea: [...content.serviceArea],
    weekdays: [...content.weekdays],
    timeWindows: content.timeWindows.map((w) => ({ ...w })),
    blackoutDates: content.blackoutDates.map((r) => ({ ...r })),
    durationMinutes: String(content.durationMinutes),
    audienceMin: String(content.audienceMin),
    audienceMax: String(content.audienceMax),
    leadDays: String(content.leadDays),
  };
}

/** '' is "not filled in"; text that is not a number goes to the schema as text, which says it must be a number. */
function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

function toInput(draft: ProjectDraft): Record<string, unknown> {
  return {
    ...draft,
    category: draft.category ?? undefined,
    weekdays: [...draft.weekdays].sort((a, b) => a - b),
    durationMinutes: numberOrText(draft.durationMinutes),
    audienceMin: numberOrText(draft.audienceMin),
    audienceMax: numberOrText(draft.audienceMax),
    leadDays: numberOrText(draft.leadDays),
  };
}

/** Runs the same schema the server runs; the content it returns is what gets sent. */
export function validateDraft(draft: ProjectDraft): { ok: true; content: ProjectContent } | { ok: false; errors: FieldErrors } {
  const result = projectContentSchema.safeParse(toInput(draft));
  if (result.success) return { ok: true, content: result.data };
  return { ok: false, errors: errorsFromZod(result.error) };
}
