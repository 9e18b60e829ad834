import type { ProjectContent } from '@hall-menu/shared';
import type { ServiceProject } from './service-project.entity';

/** ISO weekdays (1 = Monday) ⇄ the bit mask stored for SQL filtering. */
export const weekdaysToMask = (days: number[]): number => days.reduce((mask, day) => mask | (1 << (day - 1)), 0);
export const maskToWeekdays = (mask: number): number[] => [1, 2, 3, 4, 5, 6, 7].filter((day) => (mask & (1 << (day - 1))) !== 0);

/** The declared content as columns of `service_projects` (service area and blackouts also go to their tables). */
export function contentColumns(content: ProjectContent): Partial<ServiceProject> {
  const { serviceArea: _area, weekdays, ...rest } = content;
  return { ...rest, weekdayMask: weekdaysToMask(weekdays) };
}

export function contentOf(project: ServiceProject, serviceArea: string[]): ProjectContent {
  return {
    category: project.category,
    title: project.title,
    description: project.description,
    photos: project.photos,
    durationMinutes: project.durationMinutes,
    audienceMin: project.audienceMin,
    audienceMax: project.audienceMax,
    targetAudience: project.targetAudience,
    requirements: project.requirements,
    serviceArea,
    weekdays: maskToWeekdays(project.weekdayMask),
    timeWindows: project.timeWindows,
    leadDays: project.leadDays,
    blackoutDates: project.blackoutDates,
    cost: project.cost,
    costNote: project.costNote,
  };
}

/** Codes of a region and all its ancestors: a project covers a village when any of them is in its service area. */
export function ancestorCodes(code: string): string[] {
  return [2, 4, 6, 9, 12].filter((length) => length <= code.length).map((length) => code.slice(0, length));
}
