import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { regionCodeSchema, regionQuerySchema, type RegionDto, type RegionQuery } from '@hall-menu/shared';
import { Public } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { RegionsService } from './regions.service';

@ApiTags('places')
@Public()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  list(@Query(new ZodPipe(regionQuerySchema)) query: RegionQuery): Promise<RegionDto[]> {
    return this.regions.list(query);
  }

  @Get(':code')
  get(@Param('code', new ZodPipe(regionCodeSchema)) code: string): Promise<RegionDto> {
    return this.regions.get(code);
  }
}
