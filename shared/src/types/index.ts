export * from './roles';
export * from './catalog';
export * from './api';
export * from './projects';
export * from './orders';
export * from './reservations';
export * from './needs';
export * from './ratings';
