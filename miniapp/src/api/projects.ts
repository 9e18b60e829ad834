import type {
  HistoryEntryDto,
  MenuItemDto,
  MenuQuery,
  MyProjectsQuery,
  Paged,
  ProjectContent,
  ProjectDetailDto,
  ProjectDto,
  ProjectEvent,
  RevisionEvent,
} from '@hall-menu/shared';
import { request } from './request';

/** The service menu (服务菜单): published projects only; no login needed. */
export const listMenu = (query: Partial<MenuQuery> = {}) => request<Paged<MenuItemDto>>('/menu', { query });

export const getProject = (id: number) => request<ProjectDetailDto>(`/projects/${id}`);

export const listMyProjects = (query: Partial<MyProjectsQuery> = {}) => request<Paged<ProjectDto>>('/projects/mine', { query });

/** A new project starts as a draft of the provider's organisation. */
export const createProject = (content: ProjectContent) => request<ProjectDto>('/projects', { method: 'POST', body: content });

/** A published project's edit becomes its `pendingRevision`; the menu keeps the published content until approved. */
export const updateProject = (id: number, content: ProjectContent) => request<ProjectDto>(`/projects/${id}`, { method: 'PUT', body: content });

export const fireProjectEvent = (id: number, event: ProjectEvent, reason?: string) =>
  request<ProjectDto>(`/projects/${id}/actions/${event}`, { method: 'POST', body: reason ? { reason } : {} });

export const decideRevision = (projectId: number, revisionId: number, event: RevisionEvent, reason?: string) =>
  request<ProjectDto>(`/projects/${projectId}/revisions/${revisionId}/${event}`, { method: 'POST', body: reason ? { reason } : {} });

export const getProjectHistory = (id: number) => request<HistoryEntryDto[]>(`/projects/${id}/history`);
