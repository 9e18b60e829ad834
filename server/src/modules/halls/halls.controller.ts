import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { hallInputSchema, hallQuerySchema, hallUpdateSchema, idParamSchema, type HallDto, type HallInput, type HallQuery, type HallUpdateInput, type Paged } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { HallsService } from './halls.service';

@ApiTags('places')
@Controller('halls')
export class HallsController {
  constructor(private readonly halls: HallsService) {}

  @Public()
  @Get()
  list(@Query(new ZodPipe(hallQuerySchema)) query: HallQuery): Promise<Paged<HallDto>> {
    return this.halls.list(query);
  }

  @Public()
  @Get(':id')
  get(@Param('id', new ZodPipe(idParamSchema)) id: number): Promise<HallDto> {
    return this.halls.get(id);
  }

  @ApiBearerAuth()
  @Roles('admin', 'reviewer')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(hallInputSchema)) body: HallInput): Promise<HallDto> {
    return this.halls.create(user, body);
  }

  @ApiBearerAuth()
  @Roles('admin', 'reviewer')
  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(hallUpdateSchema)) body: HallUpdateInput,
  ): Promise<HallDto> {
    return this.halls.update(user, id, body);
  }
}
