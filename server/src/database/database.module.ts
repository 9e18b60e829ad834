import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { DatabaseService } from './database.service';
import { DemoSeedService } from './seed/demo-seed.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule],
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.database), migrationsRun: true }),
    }),
  ],
  providers: [DatabaseService, DemoSeedService],
  exports: [DatabaseService],
})
export class DatabaseModule {}
