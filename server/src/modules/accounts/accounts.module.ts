import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { InvitesController } from './invites.controller';
import { InvitesService } from './invites.service';

@Module({ controllers: [AccountsController, InvitesController], providers: [AccountsService, InvitesService] })
export class AccountsModule {}
