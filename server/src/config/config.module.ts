import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, loadConfig } from './app-config';

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadConfig() }, Clock],
  exports: [APP_CONFIG, Clock],
})
export class ConfigModule {}
