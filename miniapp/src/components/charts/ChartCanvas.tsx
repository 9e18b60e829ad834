import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Canvas as TaroCanvas, View } from '@tarojs/components';
import { Canvas as F2Canvas, type CanvasProps } from '@antv/f2';
import type { F2Scene } from './trees';

/** The part of a `type="2d"` canvas node the charts use: a real <canvas> in H5, WeChat's canvas node in weapp. */
interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
  createImage?: () => HTMLImageElement;
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
}

/** F2 reads these too (see @antv/f-engine's Canvas), though its type leaves them out. */
type F2Props = CanvasProps & {
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
  isTouchEvent?: (event: { type: string }) => boolean;
  isMouseEvent?: (event: { type: string }) => boolean;
};

const LOOKUP_ATTEMPTS = 20;
const LOOKUP_DELAY_MS = 50;

/**
 * F2 sizes given as "24px" are 750-wide design px, like our stylesheets: half a CSS px each.
 * (Its default reads the root font size once at import, which H5 pins at 20px: text would shrink to a fifth.)
 */
const designPx = (px: number) => px / 2;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The canvas node and its CSS width. In H5 Taro answers `node` without `size`, so the width comes from a second query. */
function queryCanvas(id: string): Promise<{ node: CanvasNode; width: number } | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .select(`#${id}`)
      .boundingClientRect()
      .exec((results: ({ node?: CanvasNode; width?: number } | null)[] | undefined) => {
        const [fields, rect] = results ?? [];
        const node = fields?.node ?? null;
        const width = fields?.width || rect?.width || 0;
        resolve(node && typeof node.getContext === 'function' && width > 0 ? { node, width } : null);
      });
  });
}

/** The node appears once the page has rendered (Stencil in H5, setData in weapp): asked again for up to a second. */
async function findCanvas(id: string, cancelled: () => boolean) {
  for (let attempt = 0; attempt < LOOKUP_ATTEMPTS && !cancelled(); attempt++) {
    const found = await queryCanvas(id);
    if (found) return found;
    await sleep(LOOKUP_DELAY_MS);
  }
  return null;
}

function createChart(node: CanvasNode, width: number, height: number, scene: F2Scene): F2Canvas {
  const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 1;
  node.width = Math.round(width * pixelRatio);
  node.height = Math.round(height * pixelRatio);
  const props: F2Props = {
    context: node.getContext('2d'),
    pixelRatio,
    width,
    height,
    children: scene,
    px2hd: designPx,
    // Figures for a report: drawn at once, the same on every look.
    animate: false,
  };
  if (process.env.TARO_ENV !== 'h5') {
    // WeChat's canvas node has no DOM around it: F2 measures text on an offscreen canvas and times frames with the node.
    Object.assign(props, {
      offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d' }) as unknown as F2Props['offscreenCanvas'],
      createImage: () => node.createImage!(),
      requestAnimationFrame: (callback: () => void) => node.requestAnimationFrame!(callback),
      cancelAnimationFrame: (id: number) => node.cancelAnimationFrame!(id),
      isTouchEvent: (event: { type: string }) => event.type.startsWith('touch'),
      isMouseEvent: (event: { type: string }) => event.type.startsWith('mouse'),
    } satisfies Partial<F2Props>);
  }
  return new F2Canvas(props);
}

let lastId = 0;

export interface ChartCanvasProps {
  /** CSS px; the width is the container's. */
  height: number;
  /** The scene for the measured width. */
  scene: (width: number) => F2Scene;
  /** Changes whenever the scene would: the data and the text size it is drawn from. */
  sceneKey: string;
  /** The chart in words, read out instead of the picture. */
  label: string;
}

/**
 * A Taro `<Canvas type="2d">` that F2 draws on. A new `sceneKey` redraws the same F2 canvas; a new height
 * needs a canvas of another size, so the old one is destroyed and a new one made. Unmounting destroys it.
 */
export function ChartCanvas({ height, scene, sceneKey, label }: ChartCanvasProps) {
  const [id] = useState(() => `chart-canvas-${++lastId}`);
  const chart = useRef<{ canvas: F2Canvas; width: number; height: number } | null>(null);
  // Draws run one after another: a redraw never overtakes the creation it depends on.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const unmounted = useRef(false);
  const sceneRef = useRef(scene);
  sceneRef.current = scene;

  useEffect(() => {
    queue.current = queue.current
      .then(async () => {
        const current = chart.current;
        if (current && current.height === height) {
          // F2 replaces its props with these, so everything else (animate: false…) goes along again.
          await current.canvas.update({ ...current.canvas.props, children: sceneRef.current(current.width) });
          return;
        }
        current?.canvas.destroy();
        chart.current = null;
        const found = await findCanvas(id, () => unmounted.current);
        if (!found || unmounted.current) return;
        const canvas = createChart(found.node, found.width, height, sceneRef.current(found.width));
        chart.current = { canvas, width: found.width, height };
        await canvas.render();
      })
      .catch((error: unknown) => {
        // A chart that cannot draw leaves its numbers on the page; the rest of the page goes on.
        console.error('chart failed to draw', error);
      });
  }, [id, height, sceneKey]);

  useEffect(
    () => () => {
      unmounted.current = true;
      queue.current = queue.current.then(() => {
        chart.current?.canvas.destroy();
        chart.current = null;
      });
    },
    [],
  );

  return (
    <View className='chart' role='img' aria-label={label}>
      <TaroCanvas type='2d' id={id} className='chart__canvas' style={{ width: '100%', height: `${height}px` }} />
    </View>
  );
}
