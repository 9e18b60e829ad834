/**
 * The F2 scenes of the charts, built with F2's own `jsx` calls: F2 5 has its own element tree, and JSX
 * syntax in these .tsx files belongs to React. Pure functions of the data, so they are tested without a canvas.
 * Values are drawn next to the bars and points: nobody should need to tap to read a number.
 */
import { Axis, Chart, Interval, Line, Point, TextGuide, jsx } from '@antv/f2';
import { CHART_COLOURS, niceCeiling, textWidth, type ChartStyle } from './chart-style';

export interface ChartDatum {
  label: string;
  value: number;
}

export interface Slice extends ChartDatum {
  colour: string;
}

export type F2Element = ReturnType<typeof jsx>;

/**
 * `jsx` with F2's own components: its type for the first argument rejects F2's generic chart classes,
 * which are valid element types at run time (it is what F2's JSX syntax compiles to).
 */
const h = (type: unknown, props: Record<string, unknown> | null, ...children: F2Element[]): F2Element =>
  jsx(type as Parameters<typeof jsx>[0], props, ...children);
/** What a canvas draws: one element or several side by side. */
export type F2Scene = F2Element | F2Element[];

/** Room around a plot: [top, right, bottom, left] in CSS px. */
type Padding = [number, number, number, number];

const GAP = 8;

export interface BarChartOptions {
  style: ChartStyle;
  colour?: string;
  /** Appended to the value drawn at the end of each bar, e.g. 场. */
  unit?: string;
}

/** Height of a bar chart with `rows` bars. */
export const barChartHeight = (rows: number, style: ChartStyle) => rows * style.rowHeight + 2 * GAP;

/**
 * Horizontal bars, first datum at the top: long Chinese names (乡镇, 服务类别) stay on one line at 360 px,
 * and any number of rows fits by growing downwards.
 */
export function barChartTree(data: ChartDatum[], width: number, { style, colour = CHART_COLOURS.bar, unit = '' }: BarChartOptions): F2Element {
  const valueText = (d: ChartDatum) => `${d.value}${unit}`;
  const valueWidth = Math.max(...data.map((d) => textWidth(valueText(d), style.valueSize)));
  // F2 makes room for the axis labels itself; the values at the bar ends are ours to fit on the right.
  const padding: Padding = [GAP, valueWidth + 2 * GAP, GAP, GAP];
  // A transposed chart lists its categories bottom-up.
  const rows = [...data].reverse();
  const max = Math.max(1, ...data.map((d) => d.value));
  return h(
    Chart,
    {
      data: rows,
      coord: { transposed: true },
      style: { padding, width, left: 0, top: 0 },
      scale: { label: { type: 'cat' }, value: { min: 0, max } },
    },
    h(Axis, { field: 'label', style: { label: { fill: CHART_COLOURS.text, fontSize: style.labelSize }, line: null, grid: null, labelOffset: GAP } }),
    h(Axis, { field: 'value', visible: false }),
    h(Interval, { x: 'label', y: 'value', color: colour, sizeRatio: 0.62 }),
    ...rows.map((d) =>
      h(TextGuide, {
        key: `value-${d.label}`,
        records: [d],
        content: valueText(d),
        offsetX: GAP,
        style: { fill: CHART_COLOURS.text, fontSize: style.valueSize, fontWeight: 'bold', textAlign: 'start', textBaseline: 'middle' },
      }),
    ),
  );
}

export interface LineChartOptions {
  style: ChartStyle;
  colour?: string;
}

/**
 * A line over time with an integer count axis. Each point carries its value while the labels fit
 * (up to 7 points); longer series keep the axis only.
 */
export function lineChartTree(data: ChartDatum[], width: number, { style, colour = CHART_COLOURS.line }: LineChartOptions): F2Element {
  const max = niceCeiling(Math.max(0, ...data.map((d) => d.value)));
  // F2 makes room for the axes itself; the top holds the values over the points.
  const padding: Padding = [style.valueSize + 2 * GAP, GAP * 2, GAP, GAP];
  const showValues = data.length <= 7;
  const plotWidth = width - padding[1] - padding[3] - textWidth(String(max), style.labelSize) - GAP;
  const widest = Math.max(...data.map((d) => textWidth(d.label, style.labelSize))) + GAP;
  // The first and last points sit in from the edges by half a label, so their labels stay inside the canvas.
  const inset = Math.min(0.5, widest / 2 / plotWidth);
  // Labels that would touch are thinned to every second, third… one.
  const every = Math.max(1, Math.ceil(widest / ((plotWidth * (1 - 2 * inset)) / Math.max(1, data.length - 1))));
  return h(
    Chart,
    {
      data,
      style: { padding, width, left: 0, top: 0 },
      scale: {
        label: { type: 'cat', range: data.length === 1 ? [0.5, 0.5] : [inset, 1 - inset] },
        value: { min: 0, max, tickCount: 5 },
      },
    },
    h(Axis, {
      field: 'label',
      style: {
        label: (_text: string, index: number) => ({
          fill: CHART_COLOURS.text,
          fontSize: style.labelSize,
          // Hidden labels are drawn empty rather than dropped, so each stays under its own point.
          text: index % every === 0 || index === data.length - 1 ? undefined : '',
        }),
        line: { stroke: CHART_COLOURS.muted, lineWidth: 1 },
      },
    }),
    h(Axis, { field: 'value', style: { label: { fill: CHART_COLOURS.muted, fontSize: style.labelSize }, grid: { stroke: CHART_COLOURS.grid, lineWidth: 1 } } }),
    h(Line, { x: 'label', y: 'value', color: colour, style: { lineWidth: 3 } }),
    h(Point, { x: 'label', y: 'value', color: colour, size: 4 }),
    ...(showValues
      ? data.map((d) =>
          h(TextGuide, {
            key: `value-${d.label}`,
            records: [d],
            content: String(d.value),
            offsetY: -GAP - style.valueSize / 2,
            style: { fill: CHART_COLOURS.text, fontSize: style.valueSize, fontWeight: 'bold', textAlign: 'center', textBaseline: 'middle' },
          }),
        )
      : []),
  );
}

/** Draws the total in the hole of the ring (a plain F2 shape, outside any chart's coordinates). */
const RingCentre = (props: { x: number; y: number; lines: { text: string; fontSize: number; fill: string; dy: number }[] }) =>
  h(
    'group',
    null,
    ...props.lines.map((line) =>
      h('text', {
        key: line.text,
        style: { x: props.x, y: props.y + line.dy, text: line.text, fontSize: line.fontSize, fill: line.fill, fontWeight: 'bold', textAlign: 'center', textBaseline: 'middle' },
      }),
    ),
  );

export interface RingChartOptions {
  style: ChartStyle;
  /** The words under the total in the middle, e.g. 点单. */
  totalLabel: string;
}

/** A ring of shares; the legend with names and numbers is drawn by React beside it. */
export function ringChartTree(slices: Slice[], width: number, height: number, { style, totalLabel }: RingChartOptions): F2Scene {
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  const data = slices.map((s) => ({ ...s, ring: '1' }));
  return [
    h(
      Chart,
      {
        data,
        coord: { type: 'polar', transposed: true, innerRadius: 0.62, radius: 0.92 },
        style: { padding: [GAP, GAP, GAP, GAP], width, height, left: 0, top: 0 },
        scale: { value: { min: 0, max: total } },
      },
      h(Interval, {
        x: 'ring',
        y: 'value',
        adjust: 'stack',
        color: { field: 'label', range: slices.map((s) => s.colour) },
        style: { stroke: '#ffffff', lineWidth: 2 },
      }),
    ),
    h(RingCentre, {
      x: width / 2,
      y: height / 2,
      lines: [
        { text: String(total), fontSize: style.valueSize * 1.8, fill: CHART_COLOURS.text, dy: -style.valueSize * 0.6 },
        { text: totalLabel, fontSize: style.labelSize, fill: CHART_COLOURS.muted, dy: style.valueSize * 0.9 },
      ],
    }),
  ];
}
