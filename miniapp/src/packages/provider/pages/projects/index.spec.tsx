import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { content, liveSystem, paged, projectDetail, providerMember, tokens } from '../../../../../test/fixtures';
import Taro from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import ProviderProjectsPage from './index';

beforeEach(() => useAuthStore.getState().signIn({ tokens: tokens(), me: providerMember }));

describe('我的项目', () => {
  it('lists the organisation’s projects with their status, by status tab', async () => {
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /me': () => ok(providerMember),
      'GET /projects/mine': (req) =>
        ok(
          paged(
            req.query.get('status') === 'rejected'
              ? [projectDetail({ id: 3, title: '剪纸体验课', status: 'rejected' })]
              : [
                  projectDetail({ id: 1, title: '越剧经典折子戏专场', status: 'draft' }),
                  projectDetail({
                    id: 2,
                    title: '防诈骗宣讲',
                    status: 'published',
                    pendingRevision: { id: 5, status: 'pending_review', reason: null, createdAt: '2026-03-02T02:00:00.000Z', content: content(), allowedActions: ['withdraw'] },
                  }),
                ],
          ),
        ),
    });
    const { container } = render(<ProviderProjectsPage />);

    expect(await screen.findByText('越剧经典折子戏专场')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.status-tag')).map((t) => t.textContent)).toEqual(['草稿', '已上架']);
    expect(screen.getByText('有一份修改正在审核')).toBeTruthy();

    fireEvent.click(screen.getByText('未通过'));
    expect(await screen.findByText('剪纸体验课')).toBeTruthy();
    const calls = api.callsTo('GET /projects/mine');
    expect(calls[calls.length - 1].query.get('status')).toBe('rejected');

    fireEvent.click(screen.getByText('剪纸体验课'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=3' });
    fireEvent.click(screen.getByText('申报新项目'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/provider/pages/project-form/index' });
  });

  it('invites a first declaration when there is none', async () => {
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(providerMember), 'GET /projects/mine': () => ok(paged([])) });
    render(<ProviderProjectsPage />);
    await waitFor(() => expect(screen.getByText('还没有申报项目')).toBeTruthy());
  });
});
