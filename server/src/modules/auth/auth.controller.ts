import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  demoLoginSchema,
  refreshSchema,
  wechatLoginSchema,
  type AuthTokens,
  type DemoLoginRequest,
  type DemoUserOption,
  type LoginResponse,
  type RefreshRequest,
  type WechatLoginRequest,
} from '@hall-menu/shared';
import { Public } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('wechat')
  @HttpCode(200)
  wechat(@Body(new ZodPipe(wechatLoginSchema)) body: WechatLoginRequest): Promise<LoginResponse> {
    return this.auth.loginWithWechat(body.code);
  }

  @Public()
  @Get('demo-users')
  demoUsers(): Promise<DemoUserOption[]> {
    return this.auth.demoUsers();
  }

  @Public()
  @Post('demo')
  @HttpCode(200)
  demo(@Body(new ZodPipe(demoLoginSchema)) body: DemoLoginRequest): Promise<LoginResponse> {
    return this.auth.loginAsDemoUser(body.role, body.userId);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body(new ZodPipe(refreshSchema)) body: RefreshRequest): Promise<AuthTokens> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body(new ZodPipe(refreshSchema)) body: RefreshRequest): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }
}
