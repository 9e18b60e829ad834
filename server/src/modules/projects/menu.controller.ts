import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { menuQuerySchema, type MenuItemDto, type MenuQuery, type Paged } from '@hall-menu/shared';
import { Public } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { MenuService } from './menu.service';

@ApiTags('menu')
@Public()
@Controller('menu')
export class MenuController {
  constructor(private readonly menu: MenuService) {}

  @Get()
  list(@Query(new ZodPipe(menuQuerySchema)) query: MenuQuery): Promise<Paged<MenuItemDto>> {
    return this.menu.list(query);
  }
}
