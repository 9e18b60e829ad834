import { act, fireEvent, render, screen } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { fakeApi, ok } from '../../test/fake-api';
import { demoSystem, liveSystem } from '../../test/fixtures';
import { usePrefsStore } from '../stores/prefs';
import { useSystemStore } from '../stores/system';
import { ELDER_ROOT_CLASS, PageShell } from './PageShell';

beforeEach(() => {
  useSystemStore.setState({ info: null });
  usePrefsStore.getState().setElderMode(false);
});

describe('PageShell', () => {
  it('shows the 演示 banner when the server is in demo mode', async () => {
    fakeApi({ 'GET /system': () => ok(demoSystem) });
    render(<PageShell>内容</PageShell>);
    expect(await screen.findByText('演示')).toBeTruthy();
    expect(screen.getByText('演示环境，所有数据均为演示数据')).toBeTruthy();
  });

  it('shows no banner on a live server', async () => {
    const api = fakeApi({ 'GET /system': () => ok(liveSystem) });
    render(<PageShell>内容</PageShell>);
    await screen.findByText('内容');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.callsTo('GET /system')).toHaveLength(1);
    expect(screen.queryByText('演示')).toBeNull();
  });

  it('applies 长辈模式 from the saved preference', () => {
    useSystemStore.setState({ info: liveSystem });
    usePrefsStore.getState().setElderMode(true);
    const { container } = render(<PageShell>内容</PageShell>);
    expect(container.querySelector('.page-shell.page-shell--elder')).not.toBeNull();
  });

  it('marks the document in 长辈模式 so the H5 tab bar, outside every page, grows too', () => {
    useSystemStore.setState({ info: liveSystem });
    render(<PageShell>内容</PageShell>);
    expect(document.documentElement.classList.contains(ELDER_ROOT_CLASS)).toBe(false);
    act(() => usePrefsStore.getState().setElderMode(true));
    expect(document.documentElement.classList.contains(ELDER_ROOT_CLASS)).toBe(true);
    act(() => usePrefsStore.getState().setElderMode(false));
    expect(document.documentElement.classList.contains(ELDER_ROOT_CLASS)).toBe(false);
  });

  it('replaces a page that fails to render with a way to reload it', () => {
    useSystemStore.setState({ info: liveSystem });
    const quietConsole = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Fragile() {
      if (broken) throw new Error('boom');
      return <Text>恢复正常</Text>;
    }
    render(
      <PageShell>
        <Fragile />
      </PageShell>,
    );
    expect(screen.getByText('页面出了点问题')).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(screen.getByText('恢复正常')).toBeTruthy();
    quietConsole.mockRestore();
  });
});
