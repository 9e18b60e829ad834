import { Global, Module } from '@nestjs/common';
import { ScopeService } from './scope.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  controllers: [UsersController],
  providers: [UsersService, ScopeService],
  exports: [UsersService, ScopeService],
})
export class UsersModule {}
