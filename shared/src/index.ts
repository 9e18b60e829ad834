export * from './machines';
export * from './types';
export * from './schemas';
export * from './errors';
export * from './conversations';
export * from './admin';
