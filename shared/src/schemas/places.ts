import { z } from 'zod';
import { HALL_FACILITIES, PROVIDER_KINDS } from '../types/catalog';
import { pageQuerySchema, regionCodeSchema } from './common';

export const regionQuerySchema = z.object({
  parent: regionCodeSchema.optional(),
  keyword: z.string().trim().max(20, '搜索词最多 20 个字').optional(),
});
export type RegionQuery = z.infer<typeof regionQuerySchema>;

export const hallQuerySchema = pageQuerySchema.extend({
  region: regionCodeSchema.optional(),
  keyword: z.string().trim().max(30, '搜索词最多 30 个字').optional(),
});
export type HallQuery = z.infer<typeof hallQuerySchema>;

const villageCodeSchema = z
  .string({ required_error: '请选择礼堂所在的村(社区)' })
  .regex(/^\d{12}$/, '礼堂必须建在村(社区)一级，请选择到村');

export const hallInputSchema = z.object({
  name: z.string({ required_error: '请填写礼堂名称' }).trim().min(2, '礼堂名称至少 2 个字').max(40, '礼堂名称最多 40 个字'),
  villageCode: villageCodeSchema,
  address: z.string().trim().max(100, '地址最多 100 个字').default(''),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  seats: z.number({ required_error: '请填写座位数', invalid_type_error: '座位数必须是数字' }).int('座位数必须是整数').min(1, '座位数至少为 1').max(5000, '座位数最多 5000'),
  facilities: z.array(z.enum(HALL_FACILITIES)).default([]),
  annualQuota: z.number({ invalid_type_error: '年度点单额度必须是数字' }).int().min(0, '年度点单额度不能为负').max(200, '年度点单额度最多 200').default(12),
  starLevel: z.number().int().min(1, '星级为 1 到 5').max(5, '星级为 1 到 5').default(3),
});
export type HallInput = z.infer<typeof hallInputSchema>;

/**
 * `PUT /halls/:id`: name, village and seats are required as on create; every other field left out keeps the hall's
 * current value (the defaults above apply only to a new hall). `latitude`/`longitude` sent as null clear them.
 */
export const hallUpdateSchema = hallInputSchema.extend({
  address: hallInputSchema.shape.address.removeDefault().optional(),
  latitude: hallInputSchema.shape.latitude.removeDefault().optional(),
  longitude: hallInputSchema.shape.longitude.removeDefault().optional(),
  facilities: hallInputSchema.shape.facilities.removeDefault().optional(),
  annualQuota: hallInputSchema.shape.annualQuota.removeDefault().optional(),
  starLevel: hallInputSchema.shape.starLevel.removeDefault().optional(),
});
export type HallUpdateInput = z.infer<typeof hallUpdateSchema>;

export const providerQuerySchema = pageQuerySchema.extend({
  kind: z.enum(PROVIDER_KINDS).optional(),
  keyword: z.string().trim().max(30, '搜索词最多 30 个字').optional(),
});
export type ProviderQuery = z.infer<typeof providerQuerySchema>;

export const providerInputSchema = z.object({
  name: z.string({ required_error: '请填写组织名称' }).trim().min(2, '组织名称至少 2 个字').max(60, '组织名称最多 60 个字'),
  kind: z.enum(PROVIDER_KINDS, { errorMap: () => ({ message: '请选择服务方类型' }) }),
  description: z.string().trim().max(500, '简介最多 500 个字').default(''),
  contactName: z.string({ required_error: '请填写联系人' }).trim().min(1, '请填写联系人').max(20, '联系人最多 20 个字'),
  contactPhone: z.string({ required_error: '请填写联系电话' }).regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '联系电话格式不对，请填写手机号或带区号的座机号'),
  serviceArea: z.array(regionCodeSchema).min(1, '请至少选择一个服务区域'),
  /** People who usually go on site (for volunteer hours); left out, it stays as it was (1 for a new provider). */
  teamSize: z.number({ invalid_type_error: '服务人数必须是数字' }).int('服务人数必须是整数').min(1, '服务人数至少 1 人').max(500, '服务人数最多 500 人').optional(),
});
export type ProviderInput = z.infer<typeof providerInputSchema>;
