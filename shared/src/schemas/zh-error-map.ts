import { z, ZodIssueCode } from 'zod';

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
};

/**
 * Chinese defaults for zod's generic messages, so a field without a hand-written message
 * still tells a person what to fix. Schemas keep their own messages where they have them.
 */
export const zhErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: '此项必填' };
      return { message: `应为${typeNames[issue.expected] ?? issue.expected}` };
    case ZodIssueCode.too_small:
      if (issue.type === 'string') return { message: `至少 ${String(issue.minimum)} 个字` };
      if (issue.type === 'array') return { message: `至少选择 ${String(issue.minimum)} 项` };
      return { message: `不能小于 ${String(issue.minimum)}` };
    case ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `最多 ${String(issue.maximum)} 个字` };
      if (issue.type === 'array') return { message: `最多选择 ${String(issue.maximum)} 项` };
      return { message: `不能大于 ${String(issue.maximum)}` };
    case ZodIssueCode.invalid_enum_value:
      return { message: '不是可选的值' };
    case ZodIssueCode.unrecognized_keys:
      return { message: `不认识的字段：${issue.keys.join('、')}` };
    case ZodIssueCode.invalid_string:
      return { message: '格式不对' };
    default:
      return { message: ctx.defaultError };
  }
};

z.setErrorMap(zhErrorMap);
