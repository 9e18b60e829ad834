import { z } from 'zod';
import { ORDER_RATING_DIMENSIONS } from '../types/ratings';
import { pageQuerySchema } from './common';

const stars = z.number({ required_error: '请打分', invalid_type_error: '分数必须是数字' }).int('分数是 1 到 5 的整数').min(1, '最低 1 星').max(5, '最高 5 星');

export const eventRatingSchema = z.object({
  stars,
  text: z.string().trim().max(300, '评价最多 300 个字').default(''),
  photo: z.string().regex(/^\/uploads\/[\w\-/.]+$/, '照片地址无效，请重新上传').nullable().default(null),
});
export type EventRatingInput = z.infer<typeof eventRatingSchema>;

const dimensions = (side: 'hall' | 'provider') =>
  z.object(Object.fromEntries(Object.keys(ORDER_RATING_DIMENSIONS[side]).map((key) => [key, stars])) as Record<string, typeof stars>);

export const hallRatesProviderSchema = z.object({ scores: dimensions('hall'), text: z.string().trim().max(300, '评价最多 300 个字').default('') });
export const providerRatesHallSchema = z.object({ scores: dimensions('provider'), text: z.string().trim().max(300, '评价最多 300 个字').default('') });
export type OrderRatingInput = z.infer<typeof hallRatesProviderSchema>;

const isoDate = z
  .string({ required_error: '请选择日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-05-01')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '不是有效的日期');
const statsRegion = z.string().regex(/^(\d{4}|\d{6}|\d{9})$/, '地区编码应为市、县或乡镇一级');

/** A region (default: the reviewer's own) and a period of Beijing calendar days, both ends included. */
export const statsQuerySchema = z
  .object({
    regionCode: statsRegion.optional(),
    /** The older name of `regionCode`. */
    region: statsRegion.optional(),
    from: isoDate,
    to: isoDate,
  })
  .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 10 * 366 * 86_400_000, { message: '统计期间最长 10 年', path: ['from'] })
  .transform(({ regionCode, region, from, to }) => ({ region: regionCode ?? region, from, to }));
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export const lowScoresQuerySchema = pageQuerySchema;
export type LowScoresQuery = z.infer<typeof lowScoresQuerySchema>;

export const RATING_SUBJECTS = ['project', 'provider', 'hall'] as const;
export type RatingSubjectKind = (typeof RATING_SUBJECTS)[number];

/** `?subject=hall&ids=3,8,12`: scores of up to 100 subjects of one kind. */
export const scoresQuerySchema = z.object({
  subject: z.enum(RATING_SUBJECTS, { errorMap: () => ({ message: '评分对象只能是 服务项目、服务方 或 礼堂' }) }),
  ids: z
    .string({ required_error: '请给出要查询的编号' })
    .regex(/^\d+(,\d+)*$/, '编号用英文逗号分隔，如 3,8,12')
    .transform((s) => [...new Set(s.split(',').map(Number))])
    .refine((ids) => ids.length <= 100, '一次最多查询 100 个'),
});
export type ScoresQuery = z.infer<typeof scoresQuerySchema>;
