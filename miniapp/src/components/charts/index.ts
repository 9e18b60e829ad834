/**
 * Charts drawn by F2 (@antv/f2 5) on a Taro `<Canvas type="2d">`, in weapp and H5 alike.
 * Import them only from subpackage pages: F2 is a few hundred KB that the main package must not carry.
 * Their styles are in charts.scss, which the page imports (jest cannot load a stylesheet from a component).
 */
export { BarChart, LineChart, RingChart } from './charts';
export type { ChartDatum, Slice } from './trees';
