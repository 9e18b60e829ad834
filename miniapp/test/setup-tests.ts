import { cleanup } from '@testing-library/react';
import { resetTaroMock } from './taro-mock';

afterEach(() => {
  cleanup();
  resetTaroMock();
});
