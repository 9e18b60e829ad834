import { z } from 'zod';

/** Page and page size from a query string; strings are coerced because query values arrive as text. */
export const pageQuerySchema = z.object({
  page: z.coerce.number({ invalid_type_error: '页码必须是数字' }).int('页码必须是整数').min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce
    .number({ invalid_type_error: '每页条数必须是数字' })
    .int('每页条数必须是整数')
    .min(1, '每页至少 1 条')
    .max(100, '每页最多 100 条')
    .default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** Official administrative code: 2 (province), 4 (city), 6 (county), 9 (township) or 12 (village) digits. */
export const regionCodeSchema = z
  .string({ required_error: '请选择地区', invalid_type_error: '地区编码必须是文字' })
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '地区编码格式不对，应为 2、4、6、9 或 12 位数字');

export const idParamSchema = z.coerce
  .number({ invalid_type_error: '编号必须是数字' })
  .int('编号必须是整数')
  .positive('编号必须是正数');
