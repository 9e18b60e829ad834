/// <reference types="@tarojs/taro" />

declare module '*.scss';

/** API base URL for the weapp build, from TARO_APP_API_BASE (config/index.ts). */
declare const API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** Build target, replaced at compile time by Taro. */
    TARO_ENV: 'weapp' | 'h5';
    TARO_APP_API_BASE?: string;
  }
}
