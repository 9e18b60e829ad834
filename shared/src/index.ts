export * from './machines';
export * from './types';
export * from './schemas';
export * from './errors';
