import { z } from 'zod';
import { ORDER_RATING_DIMENSIONS } from '../types/ratings';

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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-05-01');

export const statsQuerySchema = z
  .object({
    region: z.string().regex(/^(\d{4}|\d{6}|\d{9})$/, '地区编码应为市、县或乡镇一级').optional(),
    from: isoDate,
    to: isoDate,
  })
  .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] });
export type StatsQuery = z.infer<typeof statsQuerySchema>;
