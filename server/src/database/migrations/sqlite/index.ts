import { COMMON_MIGRATIONS } from '../common';
import { Initial1795461082854 as M0 } from './1795461082854-Initial';
import { Projects1795461794933 as M1 } from './1795461794933-Projects';
import { Orders1795462454717 as M2 } from './1795462454717-Orders';
import { Reservations1795462803537 as M3 } from './1795462803537-Reservations';
import { MenuIndexes1795463556050 as M4 } from './1795463556050-MenuIndexes';
import { Needs1795464107590 as M5 } from './1795464107590-Needs';
import { Ratings1795465348047 as M6 } from './1795465348047-Ratings';
import { Notifications1795465737114 as M7 } from './1795465737114-Notifications';

/**
 * Generated for this driver by scripts/generate-migration.mjs, then the hand-written ones shared by both drivers
 * (../common). TypeORM runs them in timestamp order.
 */
export const MIGRATIONS = [M0, M1, M2, M3, M4, M5, M6, M7, ...COMMON_MIGRATIONS];
