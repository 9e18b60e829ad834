import { Module } from '@nestjs/common';
import { HallImportController } from './hall-import.controller';
import { HallImportService } from './hall-import.service';

@Module({ controllers: [HallImportController], providers: [HallImportService] })
export class HallImportModule {}
