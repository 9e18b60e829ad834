import { Axis, Chart, Interval, Line, TextGuide } from '@antv/f2';
import { CHART_STYLES, niceCeiling, textWidth } from './chart-style';
import { barChartHeight, barChartTree, lineChartTree, ringChartTree, type F2Scene } from './trees';

interface Node {
  type: unknown;
  key?: string;
  props: Record<string, unknown> & { children?: Node | Node[] };
}

type Tree = F2Scene | Node | Node[];

/** Every element of an F2 scene of the given type, depth first. */
function all(scene: Tree, type: unknown): Node[] {
  const nodes = (Array.isArray(scene) ? scene : [scene]) as Node[];
  return nodes.flatMap((node) => {
    if (!node || typeof node !== 'object') return [];
    const children = node.props?.children;
    return [...(node.type === type ? [node] : []), ...(children ? all(children, type) : [])];
  });
}
const one = (scene: Tree, type: unknown) => {
  const found = all(scene, type);
  expect(found).toHaveLength(1);
  return found[0];
};

const normal = CHART_STYLES.normal;

describe('barChartTree', () => {
  const data = [
    { label: '瑞安市', value: 12 },
    { label: '鹿城区', value: 7 },
    { label: '洞头区', value: 0 },
  ];

  it('lists the first datum at the top (a transposed chart draws its data bottom-up) with horizontal bars', () => {
    const chart = one(barChartTree(data, 328, { style: normal }), Chart);
    expect(chart.props.coord).toEqual({ transposed: true });
    expect((chart.props.data as { label: string }[]).map((d) => d.label)).toEqual(['洞头区', '鹿城区', '瑞安市']);
    expect(one(chart, Interval).props).toMatchObject({ x: 'label', y: 'value' });
  });

  it('writes each value with its unit at the end of its bar', () => {
    const guides = all(barChartTree(data, 328, { style: normal, unit: '场' }), TextGuide);
    expect(guides.map((g) => [(g.props.records as { label: string }[])[0].label, g.props.content])).toEqual([
      ['洞头区', '0场'],
      ['鹿城区', '7场'],
      ['瑞安市', '12场'],
    ]);
    expect(guides.every((g) => (g.props.style as { fontSize: number }).fontSize === normal.valueSize)).toBe(true);
  });

  it('leaves room on the right for the longest value, in the larger text of 长辈模式', () => {
    const chart = one(barChartTree([{ label: '非遗展示', value: 1234 }], 328, { style: CHART_STYLES.elder, unit: '人次' }), Chart);
    const [, right] = (chart.props.style as { padding: number[] }).padding;
    expect(right).toBeGreaterThanOrEqual(textWidth('1234人次', CHART_STYLES.elder.valueSize));
    const labelAxis = all(chart, Axis).find((a) => a.props.field === 'label')!;
    expect((labelAxis.props.style as { label: { fontSize: number } }).label.fontSize).toBe(CHART_STYLES.elder.labelSize);
  });

  it('grows by one row height per bar, taller rows in 长辈模式', () => {
    expect(barChartHeight(3, normal) - barChartHeight(2, normal)).toBe(normal.rowHeight);
    expect(barChartHeight(3, CHART_STYLES.elder)).toBeGreaterThan(barChartHeight(3, normal));
  });
});

describe('lineChartTree', () => {
  const months = (values: number[]) => values.map((value, i) => ({ label: `${i + 1}月`, value }));

  it('puts the value over each point while they fit, on an axis of whole numbers', () => {
    const scene = lineChartTree(months([1, 0, 3]), 328, { style: normal });
    expect(all(scene, TextGuide).map((g) => g.props.content)).toEqual(['1', '0', '3']);
    const scale = one(scene, Chart).props.scale as { value: { min: number; max: number; tickCount: number } };
    expect(scale.value).toEqual({ min: 0, max: 4, tickCount: 5 });
    expect(one(scene, Line).props).toMatchObject({ x: 'label', y: 'value' });
  });

  it('keeps only the axis for a long series, and thins its labels so they do not touch', () => {
    const scene = lineChartTree(months([5, 9, 2, 0, 4, 8, 1, 3, 6, 7, 2, 5]), 300, { style: CHART_STYLES.elder });
    expect(all(scene, TextGuide)).toEqual([]);
    const labelAxis = all(scene, Axis).find((a) => a.props.field === 'label')!;
    const label = (labelAxis.props.style as { label: (text: string, index: number) => { text?: string } }).label;
    const shown = Array.from({ length: 12 }, (_, i) => label(`${i + 1}月`, i).text !== '');
    expect(shown.filter(Boolean).length).toBeLessThan(12);
    expect(shown[0] && shown[11]).toBe(true);
  });

  it('centres a single month instead of pinning it to the edge', () => {
    const scale = one(lineChartTree(months([4]), 328, { style: normal }), Chart).props.scale as { label: { range: number[] } };
    expect(scale.label.range).toEqual([0.5, 0.5]);
  });
});

describe('ringChartTree', () => {
  it('stacks the shares round a polar axis in their own colours and writes the total in the middle', () => {
    const slices = [
      { label: '已完成', value: 2, colour: '#16a34a' },
      { label: '待服务方答复', value: 1, colour: '#d97706' },
    ];
    const scene = ringChartTree(slices, 320, 220, { style: normal, totalLabel: '单' });
    const chart = one(scene, Chart);
    expect(chart.props.coord).toMatchObject({ type: 'polar', transposed: true });
    expect(one(chart, Interval).props).toMatchObject({ adjust: 'stack', color: { field: 'label', range: ['#16a34a', '#d97706'] } });
    const centre = (scene as Node[])[1];
    expect((centre.props.lines as { text: string }[]).map((l) => l.text)).toEqual(['3', '单']);
    expect(centre.props).toMatchObject({ x: 160, y: 110 });
  });
});

describe('chart-style', () => {
  it('rounds the top of a count axis up to four whole steps', () => {
    expect([0, 3, 4, 5, 9, 37, 130, 1001].map((max) => niceCeiling(max))).toEqual([4, 4, 4, 8, 12, 40, 160, 1200]);
  });

  it('measures Chinese as square glyphs and digits as narrow ones', () => {
    expect(textWidth('瑞安市', 14)).toBe(42);
    expect(textWidth('12', 10)).toBe(12);
  });
});
