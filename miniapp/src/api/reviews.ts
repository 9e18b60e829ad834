import type { PageQuery, Paged, ProjectDto, ReviewQueueItemDto, ReviewQueueQuery } from '@hall-menu/shared';
import { request } from './request';

/** New projects and edits waiting in the reviewer's region, oldest first. */
export const listReviewQueue = (query: Partial<ReviewQueueQuery> = {}) => request<Paged<ReviewQueueItemDto>>('/reviews/queue', { query });

/** Projects reviewers took off the menu in the region, newest first. */
export const listSuspended = (query: Partial<PageQuery> = {}) => request<Paged<ProjectDto>>('/reviews/suspended', { query });
