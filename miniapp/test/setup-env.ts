// Runs before any module is loaded: src/api/request.ts reads the target at import time.
process.env.TARO_ENV = 'h5';

// jsdom has no IntersectionObserver; Taro's Image uses one for `lazyLoad`. Nothing scrolls in a test, so it never fires.
class IntersectionObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return [];
  }
}
(globalThis as { IntersectionObserver?: unknown }).IntersectionObserver ??= IntersectionObserverStub;
