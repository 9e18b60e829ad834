import { render, screen } from '@testing-library/react';
import { fakeApi, networkFailure, ok } from '../../../test/fake-api';
import { liveSystem, reservation, tokens, villager } from '../../../test/fixtures';
import { useAuthStore } from '../../stores/auth';
import ReservationsPage from './index';

beforeEach(() => {
  useAuthStore.getState().signOut();
  useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
});

describe('我的预约', () => {
  it('lists reservations with their codes, and shows the last list when the network fails', async () => {
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /reservations/mine': () => ok([reservation(), reservation({ id: 72, code: 'QW34ER56', status: 'waitlisted', waitlistPosition: 3, allowedActions: ['cancel'] })]),
    });
    const first = render(<ReservationsPage />);
    expect(await screen.findByText('AB12CD34')).toBeTruthy();
    expect(screen.getByText('已加入候补，第 3 位。有人取消时按顺序补上，补上后预约码即可使用')).toBeTruthy();
    first.unmount();

    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /reservations/mine': networkFailure });
    render(<ReservationsPage />);
    expect(await screen.findByText('QW34ER56', {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.getByText('AB12CD34')).toBeTruthy();
    expect(screen.getByText(/网络不太好，请检查网络后重试。下面是 .* 加载的预约，预约码仍可使用。/)).toBeTruthy();
    // Offline, nothing can be cancelled.
    expect(screen.queryByText('取消预约')).toBeNull();
  }, 15_000);
});
