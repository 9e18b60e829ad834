import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthResponse, SystemInfo } from '@hall-menu/shared';
import { Public } from '../../common/auth/decorators';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DatabaseService } from '../../database/database.service';

const VERSION: string = require('../../../package.json').version;

@ApiTags('system')
@Public()
@Controller()
export class SystemController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
  ) {}

  /** Liveness and database reachability, for load balancers and the start script. */
  @Get('health')
  async health(): Promise<HealthResponse> {
    await this.db.manager.query('SELECT 1');
    return { status: 'ok', database: 'up' };
  }

  /** What the mini-program needs to know before login: demo banner, which login to offer. */
  @Get('system')
  info(): SystemInfo {
    return {
      demoMode: this.config.demoMode,
      wechatLogin: this.config.wechat !== null,
      database: this.config.database.kind,
      version: VERSION,
    };
  }
}
