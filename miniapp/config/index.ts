import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Sizes are written in design px for a 750-wide design and pxtransform stays on for both targets.
 * weapp: 1px becomes 1rpx, which scales with the screen (0.48 CSS px on a 360-wide phone, 0.5 on 375).
 * H5: 1px becomes rem against a root pinned at 20px (H5_ROOT_PX), i.e. 0.5 CSS px at every width,
 * so 36px in source is 18 CSS px on any phone and pages are not drawn at double size on a PC.
 * Text and tap-target sizes in src/app.scss are chosen so the limits hold at 360 wide on both.
 */
const DESIGN_WIDTH = 750;
const H5_ROOT_PX = 20;

/**
 * Shared code and zod ship modern syntax (`?.`, `??`) that older phones' WeChat cannot run:
 * transpile them like our own sources. Taro's script rule only matches .js/.ts, so zod is
 * pointed at its ES module build (.js) instead of the CommonJS one (.cjs) that shared requires.
 */
const zodDir = path.dirname(require.resolve('zod/package.json'));
const transpiledDependencies = [path.resolve(__dirname, '../../shared/dist'), zodDir];

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'hall-menu',
    designWidth: DESIGN_WIDTH,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    alias: { zod$: path.join(zodDir, 'index.js') },
    // BUILD_OUT lets parallel work build into its own folder; the browser harness reads the same variable.
    outputRoot: process.env.BUILD_OUT || `dist/${platform}`,
    defineConstants: {
      // The weapp cannot use a relative base URL; H5 calls its own origin (see src/api/request.ts).
      API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000/api'),
    },
    framework: 'react',
    compiler: 'webpack5',
    mini: {
      optimizeMainPackage: { enable: true },
      compile: { include: transpiledDependencies },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: transpiledDependencies },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: { baseFontSize: H5_ROOT_PX, minRootSize: H5_ROOT_PX, maxRootSize: H5_ROOT_PX },
        },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
