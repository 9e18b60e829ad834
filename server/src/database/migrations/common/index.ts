import { Conversations1795470000000 } from './1795470000000-Conversations';
import { Administration1795471000000 } from './1795471000000-Administration';
import { Evaluation1795472000000 } from './1795472000000-Evaluation';
import { StatsRollups1795472000001 } from './1795472000001-StatsRollups';
import { StatsRefreshIds1795472000002 } from './1795472000002-StatsRefreshIds';
import { MenuRatingIndex1795473000000 } from './1795473000000-MenuRatingIndex';
import { RetryKeys1795474000000 } from './1795474000000-RetryKeys';
import { ImportWrittenHalls1795475000000 } from './1795475000000-ImportWrittenHalls';

/**
 * Hand-written once with TypeORM's driver-neutral Table API, so MySQL and the embedded sql.js database run the
 * same file; both drivers' index lists these after their own generated ones. Oldest first.
 */
export const COMMON_MIGRATIONS = [
  Conversations1795470000000,
  Administration1795471000000,
  Evaluation1795472000000,
  StatsRollups1795472000001,
  StatsRefreshIds1795472000002,
  MenuRatingIndex1795473000000,
  RetryKeys1795474000000,
  ImportWrittenHalls1795475000000,
];
