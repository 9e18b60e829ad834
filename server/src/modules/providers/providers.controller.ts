import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  idParamSchema,
  providerInputSchema,
  providerQuerySchema,
  VERIFICATION_STATES,
  type Paged,
  type ProviderDto,
  type ProviderInput,
  type ProviderQuery,
  type VerificationState,
} from '@hall-menu/shared';
import { z } from 'zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, OptionalUser, Public, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { ProvidersService } from './providers.service';

const verificationSchema = z.object({
  verification: z.enum(VERIFICATION_STATES, { errorMap: () => ({ message: '认证状态只能是 待认证、已认证 或 已暂停' }) }),
});

@ApiTags('places')
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Public()
  @Get()
  list(@Query(new ZodPipe(providerQuerySchema)) query: ProviderQuery, @OptionalUser() viewer: AuthUser | null): Promise<Paged<ProviderDto>> {
    return this.providers.list(query, viewer);
  }

  @Public()
  @Get(':id')
  get(@Param('id', new ZodPipe(idParamSchema)) id: number, @OptionalUser() viewer: AuthUser | null): Promise<ProviderDto> {
    return this.providers.get(id, viewer);
  }

  @ApiBearerAuth()
  @Roles('admin', 'reviewer')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(providerInputSchema)) body: ProviderInput): Promise<ProviderDto> {
    return this.providers.create(user, body);
  }

  @ApiBearerAuth()
  @Roles('admin', 'reviewer')
  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(providerInputSchema)) body: ProviderInput,
  ): Promise<ProviderDto> {
    return this.providers.update(user, id, body);
  }

  @ApiBearerAuth()
  @Roles('admin', 'reviewer')
  @Post(':id/verification')
  @HttpCode(200)
  setVerification(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(verificationSchema)) body: { verification: VerificationState },
  ): Promise<ProviderDto> {
    return this.providers.setVerification(user, id, body.verification);
  }
}
