import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

  /** Records the templates the person accepted in `wx.requestSubscribeMessage`: one consent each. */
  @Post()
  @HttpCode(200)
  grant(@CurrentUser() user: AuthUser, @Body(new ZodPipe(subscribeConsentSchema)) body: SubscribeConsentInput): Promise<SubscriptionsDto> {
    return this.subscriptions.grant(user, body.accepted);
  }
}
