import { Module } from '@nestjs/common';
import { HallAdminController } from './hall-admin.controller';
import { HallAdminService } from './hall-admin.service';
import { HallsController } from './halls.controller';
import { HallsService } from './halls.service';

@Module({ controllers: [HallsController, HallAdminController], providers: [HallsService, HallAdminService], exports: [HallsService, HallAdminService] })
export class HallsModule {}
