import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { NominationsController } from './nominations.controller';
import { NominationsService } from './nominations.service';

@Module({ imports: [ProjectsModule], controllers: [NominationsController], providers: [NominationsService] })
export class NominationsModule {}
