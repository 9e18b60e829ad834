import { z } from 'zod';
import { AUDIENCES, CATEGORIES } from '../types/catalog';
import { pageQuerySchema } from './common';
import { instantSchema } from './orders';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-05-01');

export const needInputSchema = z
  .object({
    hallId: z.number({ required_error: '请选择礼堂' }).int().positive(),
    category: z.enum(CATEGORIES, { errorMap: () => ({ message: '请选择想要的服务类别' }) }),
    title: z.string({ required_error: '请用一句话说明想要什么' }).trim().min(4, '标题至少 4 个字').max(40, '标题最多 40 个字'),
    description: z.string().trim().max(500, '说明最多 500 个字').default(''),
    periodFrom: date,
    periodTo: date,
    expectedAudience: z.number({ required_error: '请填写预计人数', invalid_type_error: '人数必须是数字' }).int().min(1, '至少 1 人').max(5000, '不超过 5000 人'),
    targetAudience: z.enum(AUDIENCES).default('all'),
  })
  .refine((n) => n.periodFrom <= n.periodTo, { message: '结束日期不能早于开始日期', path: ['periodTo'] });
export type NeedInput = z.infer<typeof needInputSchema>;

export const needResponseSchema = z
  .object({
    projectId: z.number({ required_error: '请选择用哪个项目响应' }).int().positive(),
    start: instantSchema,
    end: instantSchema,
    message: z.string().trim().max(300, '留言最多 300 个字').default(''),
  })
  .refine((r) => Date.parse(r.end) > Date.parse(r.start), { message: '结束时间要晚于开始时间', path: ['end'] });
export type NeedResponseInput = z.infer<typeof needResponseSchema>;

export const needListQuerySchema = pageQuerySchema.extend({
  hallId: z.coerce.number().int().positive().optional(),
  status: z.enum(['open', 'matched', 'closed', 'expired']).optional(),
});
export type NeedListQuery = z.infer<typeof needListQuerySchema>;
