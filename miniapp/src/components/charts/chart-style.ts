/**
 * Sizes and colours the charts draw with. Canvas sizes are CSS px (what the selector query measures),
 * so these are CSS px too: 14 px labels match the pages' small text, 18 px in 长辈模式 (see app.scss).
 * Text colours are the pages' own (#1f1f1f, #595959: both above 4.5:1 on white).
 */
export interface ChartStyle {
  labelSize: number;
  valueSize: number;
  /** Height of one row of a bar chart. */
  rowHeight: number;
  /** Height of the line chart and of the ring. */
  plotHeight: number;
}

export const CHART_STYLES: Record<'normal' | 'elder', ChartStyle> = {
  normal: { labelSize: 14, valueSize: 14, rowHeight: 36, plotHeight: 220 },
  elder: { labelSize: 18, valueSize: 18, rowHeight: 46, plotHeight: 260 },
};

export const chartStyle = (elderMode: boolean) => CHART_STYLES[elderMode ? 'elder' : 'normal'];

export const CHART_COLOURS = {
  text: '#1f1f1f',
  muted: '#595959',
  grid: '#e8e8e8',
  bar: '#b42318',
  line: '#1d4ed8',
};

/** Width in CSS px a label takes: CJK glyphs are square, digits and Latin about half as wide. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += /[\u0000-\u00ff]/.test(char) ? fontSize * 0.6 : fontSize;
  return Math.ceil(width);
}

/**
 * A round top for a count axis with four integer steps: 3 → 4, 9 → 12, 37 → 40, 130 → 160.
 * F2's own "nice" scale can put 0.25 steps on an axis of small counts.
 */
export function niceCeiling(max: number, steps = 4): number {
  if (max <= steps) return steps;
  const rough = max / steps;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * magnitude).find((s) => s >= rough && Number.isInteger(s)) ?? 10 * magnitude;
  return step * steps;
}
