import { View } from '@tarojs/components';
import { usePrefsStore } from '../../stores/prefs';
import { ChartCanvas } from './ChartCanvas';
import { chartStyle } from './chart-style';
import { barChartHeight, barChartTree, lineChartTree, ringChartTree, type ChartDatum, type Slice } from './trees';

/** Said instead of a chart when there is nothing to draw: an empty canvas would look broken. */
function ChartEmpty({ text }: { text: string }) {
  return (
    <View className='chart-empty'>
      <View className='chart-empty__text'>{text}</View>
    </View>
  );
}

const hasValues = (data: ChartDatum[]) => data.some((d) => d.value > 0);
const inWords = (title: string, data: ChartDatum[], unit: string) => `${title}：${data.map((d) => `${d.label} ${d.value}${unit}`).join('，')}`;

interface ChartProps {
  /** Names the chart for screen readers. */
  title: string;
  data: ChartDatum[];
  /** Shown instead of the chart when every value is 0. */
  emptyText: string;
  unit?: string;
  colour?: string;
}

/** Horizontal bars with their values, in the given order (sort before, e.g. largest first). */
export function BarChart({ title, data, emptyText, unit = '', colour }: ChartProps) {
  const elderMode = usePrefsStore((state) => state.elderMode);
  if (!hasValues(data)) return <ChartEmpty text={emptyText} />;
  const style = chartStyle(elderMode);
  return (
    <ChartCanvas
      height={barChartHeight(data.length, style)}
      scene={(width) => barChartTree(data, width, { style, unit, colour })}
      sceneKey={JSON.stringify([data, unit, colour, elderMode])}
      label={inWords(title, data, unit)}
    />
  );
}

/** A line through time, e.g. services per month; months without any are 0, not left out. */
export function LineChart({ title, data, emptyText, unit = '', colour }: ChartProps) {
  const elderMode = usePrefsStore((state) => state.elderMode);
  if (!hasValues(data)) return <ChartEmpty text={emptyText} />;
  const style = chartStyle(elderMode);
  return (
    <ChartCanvas
      height={style.plotHeight}
      scene={(width) => lineChartTree(data, width, { style, colour })}
      sceneKey={JSON.stringify([data, colour, elderMode])}
      label={inWords(title, data, unit)}
    />
  );
}

export interface RingChartProps {
  title: string;
  slices: Slice[];
  emptyText: string;
  /** The thing counted, under the total in the middle, e.g. 点单. */
  totalLabel: string;
  unit?: string;
}

/** Shares of a whole as a ring, with a legend that names each share with its number and percentage. */
export function RingChart({ title, slices, emptyText, totalLabel, unit = '' }: RingChartProps) {
  const elderMode = usePrefsStore((state) => state.elderMode);
  const shown = slices.filter((s) => s.value > 0);
  if (shown.length === 0) return <ChartEmpty text={emptyText} />;
  const style = chartStyle(elderMode);
  const total = shown.reduce((sum, s) => sum + s.value, 0);
  const percent = (value: number) => `${Math.round((value / total) * 1000) / 10}%`;
  return (
    <View className='ring-chart'>
      <ChartCanvas
        height={style.plotHeight}
        scene={(width) => ringChartTree(shown, width, style.plotHeight, { style, totalLabel })}
        sceneKey={JSON.stringify([shown, totalLabel, elderMode])}
        label={inWords(title, shown, unit)}
      />
      <View className='chart-legend'>
        {shown.map((s) => (
          <View key={s.label} className='chart-legend__item'>
            <View className='chart-legend__swatch' style={{ backgroundColor: s.colour }} />
            <View className='chart-legend__label'>{s.label}</View>
            <View className='chart-legend__value'>
              {s.value}
              {unit}（{percent(s.value)}）
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
