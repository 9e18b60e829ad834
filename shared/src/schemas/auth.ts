import { z } from 'zod';
import { USER_ROLES } from '../types/roles';

export const wechatLoginSchema = z.object({
  code: z.string({ required_error: '缺少微信登录凭证 code' }).min(1, '缺少微信登录凭证 code').max(128, '微信登录凭证过长'),
});
export type WechatLoginRequest = z.infer<typeof wechatLoginSchema>;

export const demoLoginSchema = z.object({
  role: z.enum(USER_ROLES, { errorMap: () => ({ message: '请选择一个角色：村民、礼堂管理员、服务方、审核员或平台管理员' }) }),
  /** A specific demo user of that role; the first one when omitted. */
  userId: z.number({ invalid_type_error: '用户编号必须是数字' }).int().positive().optional(),
});
export type DemoLoginRequest = z.infer<typeof demoLoginSchema>;

export const refreshSchema = z.object({
  refreshToken: z.string({ required_error: '缺少刷新令牌' }).min(20, '刷新令牌格式不对'),
});
export type RefreshRequest = z.infer<typeof refreshSchema>;
