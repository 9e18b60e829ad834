import { act, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Chart, TextGuide } from '@antv/f2';
import { usePrefsStore } from '../../stores/prefs';
import { BarChart, RingChart } from './charts';
import { CHART_STYLES } from './chart-style';

/**
 * jsdom cannot draw, so F2's Canvas is replaced by a recorder and the selector query answers with a fake
 * canvas node: these tests check what the components hand F2 and when (drawing is checked in the browser test).
 */
const f2 = { created: [] as FakeF2[] };
class FakeF2 {
  rendered = 0;
  updates: unknown[] = [];
  destroyed = false;
  constructor(public props: Record<string, unknown>) {
    f2.created.push(this);
  }
  render() {
    this.rendered++;
    return Promise.resolve();
  }
  update(next: Record<string, unknown>) {
    // F2 replaces its props on update.
    this.props = next;
    this.updates.push(next.children);
    return Promise.resolve();
  }
  destroy() {
    this.destroyed = true;
  }
}
jest.mock('@antv/f2', () => ({ ...jest.requireActual('@antv/f2'), Canvas: jest.fn((props) => new FakeF2(props)) }));

const context2d = { canvas: null };
const node = { width: 0, height: 0, getContext: jest.fn(() => context2d) };
const taro = Taro as unknown as Record<string, unknown>;
const queried: string[] = [];

beforeEach(() => {
  f2.created = [];
  queried.length = 0;
  node.width = 0;
  node.height = 0;
  taro.getSystemInfoSync = () => ({ pixelRatio: 2 });
  // The chained selector query: the first select asks for the node, the second for its box (as in H5).
  taro.createSelectorQuery = () => {
    const selectors: string[] = [];
    const query = {
      select(selector: string) {
        selectors.push(selector);
        queried.push(selector);
        return { fields: () => query, boundingClientRect: () => query };
      },
      exec(callback: (results: unknown[]) => void) {
        setTimeout(() => callback([{ node }, { width: 320 }]), 0);
      },
    };
    return query;
  };
  usePrefsStore.setState({ elderMode: false });
});

const data = [
  { label: '瑞安市', value: 12 },
  { label: '鹿城区', value: 7 },
];

/** Every TextGuide value of the scene F2 was given. */
function drawnValues(scene: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const node = n as { type: unknown; props?: { children?: unknown; content?: string } };
    if (node.type === TextGuide) out.push(String(node.props?.content));
    walk(node.props?.children);
  };
  walk(scene);
  return out;
}

describe('BarChart on F2', () => {
  it('finds its canvas node, sizes it for the screen density and has F2 draw the bars', async () => {
    render(<BarChart title='各县服务场次' data={data} unit='场' emptyText='没有数据' />);
    await waitFor(() => expect(f2.created).toHaveLength(1));
    const [chart] = f2.created;
    await waitFor(() => expect(chart.rendered).toBe(1));
    const height = 2 * CHART_STYLES.normal.rowHeight + 16;
    expect(chart.props).toMatchObject({ context: context2d, pixelRatio: 2, width: 320, height, animate: false });
    expect([node.width, node.height]).toEqual([640, height * 2]);
    expect((chart.props.px2hd as (px: number) => number)(28)).toBe(14);
    expect(drawnValues(chart.props.children)).toEqual(['7场', '12场']);
    expect(queried[0]).toMatch(/^#chart-canvas-\d+$/);
    // Read out instead of the picture.
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('各县服务场次：瑞安市 12场，鹿城区 7场');
  });

  it('redraws the same canvas for new numbers, makes a new one for another size, and lets go of it on unmount', async () => {
    const view = render(<BarChart title='各县' data={data} emptyText='没有数据' />);
    await waitFor(() => expect(f2.created[0]?.rendered).toBe(1));
    const first = f2.created[0];

    view.rerender(<BarChart title='各县' data={[{ label: '瑞安市', value: 13 }, data[1]]} emptyText='没有数据' />);
    await waitFor(() => expect(first.updates).toHaveLength(1));
    expect(drawnValues(first.updates[0])).toEqual(['7', '13']);
    // Still drawn at once, still for this screen.
    expect(first.props).toMatchObject({ animate: false, pixelRatio: 2, width: 320 });
    expect(f2.created).toHaveLength(1);

    view.rerender(<BarChart title='各县' data={[...data, { label: '龙湾区', value: 1 }]} emptyText='没有数据' />);
    await waitFor(() => expect(f2.created).toHaveLength(2));
    expect(first.destroyed).toBe(true);
    const second = f2.created[1];
    await waitFor(() => expect(second.rendered).toBe(1));

    view.unmount();
    await waitFor(() => expect(second.destroyed).toBe(true));
  });

  it('redraws with larger text when 长辈模式 is switched on', async () => {
    render(<BarChart title='各县' data={data} emptyText='没有数据' />);
    await waitFor(() => expect(f2.created[0]?.rendered).toBe(1));
    act(() => usePrefsStore.setState({ elderMode: true }));
    // Elder rows are taller: a canvas of the new height.
    await waitFor(() => expect(f2.created).toHaveLength(2));
    const chart = f2.created[1].props.children as { type: unknown };
    expect(chart.type).toBe(Chart);
    expect(f2.created[1].props.height).toBe(2 * CHART_STYLES.elder.rowHeight + 16);
  });

  it('says so instead of drawing an empty chart', () => {
    render(<BarChart title='各县' data={[{ label: '瑞安市', value: 0 }]} emptyText='这段时间还没有完成的服务' />);
    expect(screen.getByText('这段时间还没有完成的服务')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(f2.created).toHaveLength(0);
  });
});

describe('RingChart', () => {
  it('lists each share with its number and percentage beside the ring, leaving out the empty ones', async () => {
    render(
      <RingChart
        title='点单进展'
        totalLabel='单'
        unit='单'
        emptyText='没有点单'
        slices={[
          { label: '已完成', value: 2, colour: '#16a34a' },
          { label: '已取消', value: 0, colour: '#cbd5e1' },
          { label: '待服务方答复', value: 1, colour: '#d97706' },
        ]}
      />,
    );
    expect(screen.getByText('已完成').parentElement!.textContent).toBe('已完成2单（66.7%）');
    expect(screen.getByText('待服务方答复').parentElement!.textContent).toBe('待服务方答复1单（33.3%）');
    expect(screen.queryByText('已取消')).toBeNull();
    await waitFor(() => expect(f2.created[0]?.rendered).toBe(1));
  });
});
