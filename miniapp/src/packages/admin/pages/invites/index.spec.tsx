import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { liveSystem, paged, tokens } from '../../../../../test/fixtures';
import { typeInto } from '../../../../../test/interact';
import Taro from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { adminHall, cityAdmin, invite } from '../../admin-fixtures';
import AdminInvitesPage from './index';

const clipboard = jest.fn(() => Promise.resolve());
beforeEach(() => {
  useAuthStore.getState().signIn({ tokens: tokens(), me: cityAdmin });
  clipboard.mockClear();
  (Taro as unknown as { setClipboardData: typeof clipboard }).setClipboardData = clipboard;
});

describe('邀请码', () => {
  it('creates a hall manager invite, shows the code once with a copy button, and lists it', async () => {
    let created = false;
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /me': () => ok(cityAdmin),
      'GET /admin/halls': () => ok(paged([adminHall()])),
      'GET /admin/invites': () => ok(paged(created ? [invite({ id: 4 })] : [])),
      'POST /admin/invites': () => {
        created = true;
        return ok(invite({ id: 4, code: 'K7PX2Q9M' }));
      },
    });
    const { container } = render(<AdminInvitesPage />);
    expect(await screen.findByText('没有邀请码')).toBeTruthy();

    fireEvent.click(screen.getByText('生成邀请码', { selector: 'taro-button-core' }));
    expect(await screen.findByText('请先选择礼堂')).toBeTruthy();

    await typeInto(container, 'input[placeholder="礼堂名称、村名或编号"]', '鲍田');
    fireEvent.click(screen.getByText('搜索'));
    fireEvent.click(await screen.findByText('选择'));
    fireEvent.click(screen.getByText('14 天'));
    fireEvent.click(screen.getByText('生成邀请码', { selector: 'taro-button-core' }));

    expect(await screen.findByText('K7PX2Q9M')).toBeTruthy();
    expect(api.callsTo('POST /admin/invites')[0].data).toEqual({ kind: 'hall_manager', hallId: 11, expiresInDays: 14 });
    fireEvent.click(screen.getByText('复制邀请码'));
    expect(clipboard).toHaveBeenCalledWith({ data: 'K7PX2Q9M' });
    // The list below shows the new invite (without its code).
    expect(await screen.findByText('待使用', { selector: '.status-tag' })).toBeTruthy();

    fireEvent.click(screen.getByText('我已记下'));
    expect(screen.queryByText('K7PX2Q9M')).toBeNull();
  });

  it('revokes a pending invite after confirming', async () => {
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /me': () => ok(cityAdmin),
      'GET /admin/invites': () => ok(paged([invite()])),
      'POST /admin/invites/3/revoke': () => ok(invite({ status: 'revoked' })),
    });
    render(<AdminInvitesPage />);
    fireEvent.click(await screen.findByText('作废'));
    await waitFor(() => expect(api.callsTo('POST /admin/invites/3/revoke')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '作废邀请码' }));
    await waitFor(() => expect(api.callsTo('GET /admin/invites')).toHaveLength(2));
  });
});
