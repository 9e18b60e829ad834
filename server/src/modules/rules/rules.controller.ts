import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ruleKeyParamSchema, ruleUpdateSchema, type RuleChangeDto, type RuleDto, type RuleKey, type RuleUpdateInput } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { RulesService } from './rules.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  /** Every rule with its current value, default, description and last change. */
  @Roles('admin', 'reviewer')
  @Get()
  list(): Promise<RuleDto[]> {
    return this.rules.list();
  }

  @Roles('admin', 'reviewer')
  @Get(':key/changes')
  history(@Param('key', new ZodPipe(ruleKeyParamSchema)) key: RuleKey): Promise<RuleChangeDto[]> {
    return this.rules.history(key);
  }

  @Roles('admin')
  @Put(':key')
  update(
    @CurrentUser() user: AuthUser,
    @Param('key', new ZodPipe(ruleKeyParamSchema)) key: RuleKey,
    @Body(new ZodPipe(ruleUpdateSchema)) body: RuleUpdateInput,
  ): Promise<RuleDto> {
    return this.rules.update(user, key, body);
  }
}
