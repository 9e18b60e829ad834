import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { subscribeConsentSchema, type SubscribeConsentInput, type SubscriptionsDto } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { SubscriptionsService } from './subscriptions.service';

@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('me/subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  /** Each template with its WeChat id (for `wx.requestSubscribeMessage`) and the consents left. */
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<SubscriptionsDto> {
    return this.subscriptions.list(user);
  }

  /**
   * Records the templates the person accepted in `wx.requestSubscribeMessage`: one consent each. Send a fresh
   * `Idempotency-Key` per prompt and the same one on retries, so a retry does not count the consents again.
   */
  @Post()
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8–64 letters, digits, - or _; the same key counts the consents once' })
  grant(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(subscribeConsentSchema)) body: SubscribeConsentInput,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<SubscriptionsDto> {
    return this.subscriptions.grant(user, body.accepted, idempotencyKey);
  }
}
