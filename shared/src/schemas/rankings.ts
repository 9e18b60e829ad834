import { z } from 'zod';
import { RANKING_KINDS } from '../types/rankings';
import { pageQuerySchema } from './common';

const year = z.coerce
  .number({ required_error: '请选择年度', invalid_type_error: '年度必须是数字' })
  .int('年度必须是整数')
  .min(2000, '年度不能早于 2000 年')
  .max(2100, '年度不能晚于 2100 年');
const kind = z.enum(RANKING_KINDS, { errorMap: () => ({ message: '排名对象只能是 服务项目、服务方 或 文化礼堂' }) });
const regionCode = z.string().regex(/^(\d{4}|\d{6}|\d{9})$/, '地区编码应为市、县或乡镇一级');

export const rankingQuerySchema = z.object({
  year,
  kind,
  regionCode: regionCode.optional(),
  limit: z.coerce.number({ invalid_type_error: '条数必须是数字' }).int('条数必须是整数').min(1, '至少 1 条').max(200, '最多 200 条').default(50),
});
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

export const commendationInputSchema = z.object({
  kind,
  subjectId: z.number({ required_error: '请选择要表彰的对象', invalid_type_error: '对象编号必须是数字' }).int('对象编号必须是整数').positive('对象编号必须是正数'),
  year,
  citation: z
    .string({ required_error: '请填写表彰理由' })
    .trim()
    .min(4, '表彰理由至少 4 个字')
    .max(300, '表彰理由最多 300 个字'),
});
export type CommendationInput = z.infer<typeof commendationInputSchema>;

export const commendationQuerySchema = pageQuerySchema.extend({
  year: year.optional(),
  kind: kind.optional(),
  status: z.enum(['active', 'revoked'], { errorMap: () => ({ message: '状态只能是 有效 或 已撤销' }) }).optional(),
});
export type CommendationQuery = z.infer<typeof commendationQuerySchema>;
