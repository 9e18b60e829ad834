import "./zh-error-map";
export * from './common';
export * from './auth';
export * from './places';
export * from './projects';
export * from './orders';
export * from './reservations';
export * from './needs';
export { zhErrorMap } from "./zh-error-map";
