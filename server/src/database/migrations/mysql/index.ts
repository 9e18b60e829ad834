import { COMMON_MIGRATIONS } from '../common';
import { Initial1795461080252 as M0 } from './1795461080252-Initial';
import { Projects1795461789986 as M1 } from './1795461789986-Projects';
import { Orders1795462451741 as M2 } from './1795462451741-Orders';
import { Reservations1795462796124 as M3 } from './1795462796124-Reservations';
import { MenuIndexes1795463552076 as M4 } from './1795463552076-MenuIndexes';
import { Needs1795464102793 as M5 } from './1795464102793-Needs';
import { Ratings1795465344639 as M6 } from './1795465344639-Ratings';
import { Notifications1795465733553 as M7 } from './1795465733553-Notifications';

/**
 * Generated for this driver by scripts/generate-migration.mjs, then the hand-written ones shared by both drivers
 * (../common). TypeORM runs them in timestamp order.
 */
export const MIGRATIONS = [M0, M1, M2, M3, M4, M5, M6, M7, ...COMMON_MIGRATIONS];
