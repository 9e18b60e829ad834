import { z } from 'zod';
import { NOMINATION_STATES } from '../machines/nomination';
import { AUDIENCES, CATEGORIES, PROVIDER_KINDS } from '../types/catalog';
import { pageQuerySchema, regionCodeSchema } from './common';

const photoUrl = z.string().regex(/^\/uploads\/[\w\-/.]+$/, '照片地址无效，请重新上传');

const newProviderSchema = z.object({
  name: z.string({ required_error: '请填写新服务方的名称' }).trim().min(2, '服务方名称至少 2 个字').max(60, '服务方名称最多 60 个字'),
  kind: z.enum(PROVIDER_KINDS, { errorMap: () => ({ message: '请选择服务方类型' }) }).default('art_troupe'),
  contactName: z.string({ required_error: '请填写联系人' }).trim().min(1, '请填写联系人').max(20, '联系人最多 20 个字'),
  contactPhone: z.string({ required_error: '请填写联系人手机号' }).regex(/^1\d{10}$/, '请填写联系人的 11 位手机号，对方用这个号码登录后确认'),
});

/** A reviewer nominates a 村晚 programme: what it is, where it was seen, and who performs it. */
export const nominationInputSchema = z
  .object({
    galaName: z.string({ required_error: '请填写村晚名称' }).trim().min(4, '村晚名称至少 4 个字，如“2026年鲍田村村晚”').max(60, '村晚名称最多 60 个字'),
    title: z.string({ required_error: '请填写节目名称' }).trim().min(4, '节目名称至少 4 个字').max(40, '节目名称最多 40 个字'),
    description: z.string({ required_error: '请填写节目介绍' }).trim().min(20, '节目介绍至少 20 个字，讲清楚演什么').max(1500, '节目介绍最多 1500 个字'),
    category: z.enum(CATEGORIES, { errorMap: () => ({ message: '请选择节目类别' }) }),
    performers: z.string({ required_error: '请填写演出人员' }).trim().min(2, '请填写演出人员').max(300, '演出人员最多 300 个字'),
    sourceVillageCode: z.string({ required_error: '请选择节目来自哪个村' }).regex(/^\d{12}$/, '请选择到村(社区)一级'),
    sourceHallId: z.number().int().positive().nullable().default(null),
    photos: z.array(photoUrl).max(9, '最多 9 张照片').default([]),
    durationMinutes: z.number({ required_error: '请填写节目时长', invalid_type_error: '时长必须是数字' }).int('时长填整数分钟').min(15, '时长至少 15 分钟').max(480, '时长最多 8 小时'),
    targetAudience: z.enum(AUDIENCES).default('all'),
    /** Where the programme can go; the source village's county when left out. */
    serviceArea: z.array(regionCodeSchema).min(1, '请至少选择一个服务区域').max(50, '服务区域最多 50 个').optional(),
    providerId: z.number().int().positive().optional(),
    newProvider: newProviderSchema.optional(),
  })
  .refine((n) => (n.providerId === undefined) !== (n.newProvider === undefined), {
    message: '请选择已有的服务方，或填写新服务方的名称和联系方式（二选一）',
    path: ['providerId'],
  });
export type NominationInput = z.infer<typeof nominationInputSchema>;

export const nominationQuerySchema = pageQuerySchema.extend({
  status: z.enum(NOMINATION_STATES).optional(),
});
export type NominationQuery = z.infer<typeof nominationQuerySchema>;
