import "./zh-error-map";
export * from './common';
export * from './auth';
export * from './places';
export * from './projects';
export * from './orders';
export { zhErrorMap } from "./zh-error-map";
