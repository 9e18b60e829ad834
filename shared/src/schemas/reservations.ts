import { z } from 'zod';
import { pageQuerySchema } from './common';

export const reserveSchema = z.object({
  seats: z.number({ required_error: '请选择座位数', invalid_type_error: '座位数必须是数字' }).int('座位数填整数').min(1, '至少预约 1 个座位').max(10, '座位数过多'),
});
export type ReserveInput = z.infer<typeof reserveSchema>;

/** A hall manager reserving for a villager without a phone. */
export const proxyReserveSchema = reserveSchema.extend({
  guestName: z.string({ required_error: '请填写村民姓名' }).trim().min(1, '请填写村民姓名').max(20, '姓名最多 20 个字'),
  guestPhone: z.string().trim().regex(/^1\d{10}$/, '手机号格式不对').optional(),
  note: z.string().trim().max(100, '备注最多 100 个字').optional(),
});
export type ProxyReserveInput = z.infer<typeof proxyReserveSchema>;

export const checkInSchema = z.object({
  code: z.string({ required_error: '请输入预约码' }).trim().toUpperCase().regex(/^[A-Z0-9]{8}$/, '预约码是 8 位字母或数字'),
});
export type CheckInInput = z.infer<typeof checkInSchema>;

export const walkInSchema = z.object({
  count: z.number({ required_error: '请填写人数', invalid_type_error: '人数必须是数字' }).int('人数填整数').min(1, '至少 1 人').max(2000, '人数过多'),
});
export type WalkInInput = z.infer<typeof walkInSchema>;

export const eventListQuerySchema = pageQuerySchema.extend({
  hallId: z.coerce.number().int().positive().optional(),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventSeatsSchema = z.object({
  seats: z.number({ required_error: '请填写开放的座位数', invalid_type_error: '座位数必须是数字' }).int('座位数填整数').min(1, '至少开放 1 个座位').max(5000, '座位数过多'),
});

export const villageChoiceSchema = z.object({
  villageCode: z.string({ required_error: '请选择您所在的村' }).regex(/^\d{12}$/, '请选择到村(社区)一级'),
});
