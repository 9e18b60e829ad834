// Runs before any module is loaded: src/api/request.ts reads the target at import time.
process.env.TARO_ENV = 'h5';
