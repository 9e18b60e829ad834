import { z } from 'zod';
import { ORDER_STATES } from '../machines/order';
import { pageQuerySchema } from './common';
import { dateRangeSchema } from './projects';

/** An instant with its offset, e.g. 2026-12-05T14:00:00+08:00 (what a date-time picker in China produces). */
export const instantSchema = z.string({ required_error: '请选择时间' }).datetime({ offset: true, message: '时间格式不对' });

export const createOrderSchema = z.object({
  projectId: z.number({ required_error: '请选择服务项目', invalid_type_error: '项目编号必须是数字' }).int().positive(),
  hallId: z.number({ required_error: '请选择礼堂', invalid_type_error: '礼堂编号必须是数字' }).int().positive(),
  windows: z.array(dateRangeSchema).min(1, '请至少选择一个希望的日期段').max(3, '最多选择 3 个日期段'),
  expectedAudience: z.number({ required_error: '请填写预计观众人数', invalid_type_error: '人数必须是数字' }).int('人数填整数').min(1, '预计观众至少 1 人').max(5000, '预计观众不超过 5000 人'),
  notes: z.string().trim().max(300, '备注最多 300 个字').default(''),
});
export type CreateOrderInput = z.infer<typeof createOrderSchema>;

export const timeSlotSchema = z
  .object({ start: instantSchema, end: instantSchema, note: z.string().trim().max(200, '说明最多 200 个字').optional() })
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), { message: '结束时间要晚于开始时间', path: ['end'] })
  .refine((s) => Date.parse(s.end) - Date.parse(s.start) <= 12 * 3_600_000, { message: '一次服务不超过 12 小时', path: ['end'] });
export type TimeSlotInput = z.infer<typeof timeSlotSchema>;

export const completionSchema = z.object({
  headCount: z.number({ required_error: '请填写到场人数', invalid_type_error: '人数必须是数字' }).int('人数填整数').min(0, '人数不能为负').max(20000, '人数过大'),
  photos: z.array(z.string().regex(/^\/uploads\/[\w\-/.]+$/, '照片地址无效，请重新上传')).max(9, '最多 9 张照片').default([]),
  note: z.string().trim().max(500, '说明最多 500 个字').default(''),
});
export type CompletionInput = z.infer<typeof completionSchema>;

export const reasonSchema = z.object({ reason: z.string().trim().max(500, '原因最多 500 个字').optional() });
export type ReasonInput = z.infer<typeof reasonSchema>;

export const orderListQuerySchema = pageQuerySchema.extend({
  status: z.enum(ORDER_STATES).optional(),
  hallId: z.coerce.number().int().positive().optional(),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export const monthQuerySchema = z.object({
  month: z.string({ required_error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-05'),
});
export type MonthQuery = z.infer<typeof monthQuerySchema>;
