import { z } from 'zod';
import { AUDIENCES, CATEGORIES } from '../types/catalog';
import { COST_TYPES, MENU_SORTS } from '../types/projects';
import { PROJECT_STATES } from '../machines/project';
import { pageQuerySchema, regionCodeSchema } from './common';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 09:30 这样的 24 小时制');
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-05-01')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), '不是有效的日期');

export const timeWindowSchema = z
  .object({ start: time, end: time })
  .refine((w) => w.start < w.end, { message: '结束时间要晚于开始时间', path: ['end'] });

export const dateRangeSchema = z
  .object({ from: date, to: date })
  .refine((r) => r.from <= r.to, { message: '结束日期不能早于开始日期', path: ['to'] });

const photoUrl = z.string().regex(/^\/uploads\/[\w\-/.]+$/, '照片地址无效，请重新上传');

/** The declaration form (申报). Fields and messages are the same in the mini-program and on the server. */
export const projectContentSchema = z
  .object({
    category: z.enum(CATEGORIES, { errorMap: () => ({ message: '请选择服务类别' }) }),
    title: z.string({ required_error: '请填写项目名称' }).trim().min(4, '项目名称至少 4 个字').max(40, '项目名称最多 40 个字'),
    description: z.string({ required_error: '请填写项目介绍' }).trim().min(20, '项目介绍至少 20 个字，讲清楚演什么、讲什么').max(2000, '项目介绍最多 2000 个字'),
    photos: z.array(photoUrl).max(9, '最多上传 9 张照片').default([]),
    durationMinutes: z.number({ required_error: '请填写时长', invalid_type_error: '时长必须是数字' }).int('时长填整数分钟').min(15, '时长至少 15 分钟').max(480, '时长最多 8 小时'),
    audienceMin: z.number({ required_error: '请填写最少观众人数', invalid_type_error: '人数必须是数字' }).int().min(1, '最少观众人数至少为 1'),
    audienceMax: z.number({ required_error: '请填写最多观众人数', invalid_type_error: '人数必须是数字' }).int().max(5000, '最多观众人数不超过 5000'),
    targetAudience: z.enum(AUDIENCES, { errorMap: () => ({ message: '请选择适合人群' }) }),
    requirements: z.string().trim().max(500, '场地要求最多 500 个字').default(''),
    serviceArea: z.array(regionCodeSchema).min(1, '请至少选择一个服务区域').max(50, '服务区域最多 50 个'),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, '请至少选择一天可服务的日子').max(7),
    timeWindows: z.array(timeWindowSchema).min(1, '请至少填写一个可服务时段').max(4, '最多 4 个时段'),
    leadDays: z.number({ invalid_type_error: '提前天数必须是数字' }).int().min(0, '提前天数不能为负').max(90, '提前天数最多 90 天').default(7),
    blackoutDates: z.array(dateRangeSchema).max(20, '不可服务日期最多 20 段').default([]),
    cost: z.enum(COST_TYPES, { errorMap: () => ({ message: '请选择费用方式' }) }).default('free'),
    costNote: z.string().trim().max(200, '费用说明最多 200 个字').default(''),
  })
  .refine((p) => p.audienceMin <= p.audienceMax, { message: '最多观众人数不能少于最少人数', path: ['audienceMax'] })
  .refine((p) => p.cost === 'free' || p.costNote.length > 0, { message: '需要礼堂承担费用时，请写明费用说明', path: ['costNote'] });
export type ProjectContentInput = z.infer<typeof projectContentSchema>;

export const projectActionSchema = z.object({
  reason: z.string().trim().max(500, '原因最多 500 个字').optional(),
});
export type ProjectActionInput = z.infer<typeof projectActionSchema>;

export const myProjectsQuerySchema = pageQuerySchema.extend({
  status: z.enum(PROJECT_STATES).optional(),
});
export type MyProjectsQuery = z.infer<typeof myProjectsQuerySchema>;

export const menuQuerySchema = pageQuerySchema.extend({
  category: z.enum(CATEGORIES).optional(),
  /** Only projects whose service area covers this hall's village. */
  hallId: z.coerce.number().int().positive().optional(),
  /** Only projects available on this date (weekday, lead time, blackout dates). */
  date: date.optional(),
  audience: z.enum(AUDIENCES).optional(),
  keyword: z.string().trim().max(30, '搜索词最多 30 个字').optional(),
  providerId: z.coerce.number().int().positive().optional(),
  sort: z.enum(MENU_SORTS).default('newest'),
});
export type MenuQuery = z.infer<typeof menuQuerySchema>;

export const reviewQueueQuerySchema = pageQuerySchema.extend({
  category: z.enum(CATEGORIES).optional(),
  kind: z.enum(['project', 'revision']).optional(),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;
