/**
 * Stable error codes. The server maps each to an HTTP status in one filter;
 * the mini-program maps each to a Chinese sentence a person can act on.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  TokenExpired = 'TOKEN_EXPIRED',
  RefreshTokenInvalid = 'REFRESH_TOKEN_INVALID',
  RefreshTokenReused = 'REFRESH_TOKEN_REUSED',
  AccountDisabled = 'ACCOUNT_DISABLED',
  Forbidden = 'FORBIDDEN',
  OutOfScope = 'OUT_OF_SCOPE',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  InvalidTransition = 'INVALID_TRANSITION',
  StaleState = 'STALE_STATE',
  QuotaExhausted = 'QUOTA_EXHAUSTED',
  ScheduleConflict = 'SCHEDULE_CONFLICT',
  IdempotencyKeyRequired = 'IDEMPOTENCY_KEY_REQUIRED',
  AlreadyReserved = 'ALREADY_RESERVED',
  ReservationSuspended = 'RESERVATION_SUSPENDED',
  EventFull = 'EVENT_FULL',
  AlreadyRated = 'ALREADY_RATED',
  ReasonRequired = 'REASON_REQUIRED',
  DemoLoginDisabled = 'DEMO_LOGIN_DISABLED',
  WechatLoginFailed = 'WECHAT_LOGIN_FAILED',
  WechatNotConfigured = 'WECHAT_NOT_CONFIGURED',
  RateLimited = 'RATE_LIMITED',
  SensitiveContent = 'SENSITIVE_CONTENT',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  HallClosed = 'HALL_CLOSED',
  HallBlackout = 'HALL_BLACKOUT',
  InviteInvalid = 'INVITE_INVALID',
  ImportHasErrors = 'IMPORT_HAS_ERRORS',
  Internal = 'INTERNAL',
}

/** What a person reads when the server did not send a more specific message. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: '填写的内容有误，请检查后重试',
  [ErrorCode.Unauthenticated]: '请先登录',
  [ErrorCode.TokenExpired]: '登录已过期，请重新登录',
  [ErrorCode.RefreshTokenInvalid]: '登录已失效，请重新登录',
  [ErrorCode.RefreshTokenReused]: '检测到登录异常，已为您退出所有设备，请重新登录',
  [ErrorCode.AccountDisabled]: '该账号已被停用，请联系管理员',
  [ErrorCode.Forbidden]: '您没有权限进行此操作',
  [ErrorCode.OutOfScope]: '该内容不在您的管理范围内',
  [ErrorCode.NotFound]: '找不到该内容，可能已被删除',
  [ErrorCode.Conflict]: '操作冲突，请刷新后重试',
  [ErrorCode.InvalidTransition]: '当前状态下不能进行此操作',
  [ErrorCode.StaleState]: '内容已被他人更新，请刷新后重试',
  [ErrorCode.ReasonRequired]: '请填写原因',
  [ErrorCode.QuotaExhausted]: '本礼堂今年的点单额度已用完',
  [ErrorCode.ScheduleConflict]: '该时段已有其他安排，请换个时间',
  [ErrorCode.IdempotencyKeyRequired]: '请求缺少防重复标识，请刷新页面后重试',
  [ErrorCode.AlreadyReserved]: '您已经预约过这场活动了',
  [ErrorCode.ReservationSuspended]: '您的预约资格已被暂停',
  [ErrorCode.EventFull]: '座位已满',
  [ErrorCode.AlreadyRated]: '您已经评价过了',
  [ErrorCode.DemoLoginDisabled]: '演示登录未开启',
  [ErrorCode.WechatLoginFailed]: '微信登录失败，请重试',
  [ErrorCode.WechatNotConfigured]: '服务器未配置微信登录',
  [ErrorCode.RateLimited]: '操作太频繁，请稍后再试',
  [ErrorCode.SensitiveContent]: '内容含有不当用语，请修改后再提交',
  [ErrorCode.ServiceUnavailable]: '服务暂时不可用，请稍后再试，已填写的内容不会丢失',
  [ErrorCode.HallClosed]: '该礼堂已关闭，不能点单',
  [ErrorCode.HallBlackout]: '礼堂在这段时间暂停接待，请换个日期',
  [ErrorCode.InviteInvalid]: '邀请码不正确或已失效，请核对后重新输入',
  [ErrorCode.ImportHasErrors]: '导入文件中有错误行，请修改后重新上传，或选择跳过错误行导入',
  [ErrorCode.Internal]: '服务器开小差了，请稍后再试',
};

/** The body of every error response. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Field-level problems in `details.fields` of a VALIDATION_FAILED error. */
export interface FieldError {
  field: string;
  message: string;
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorBody).code === 'string' &&
    typeof (value as ApiErrorBody).message === 'string'
  );
}
