import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import type { MeResponse, RegionDto, RegionStatsDto, StatsQuery } from '@hall-menu/shared';
import { errorMessage } from '../../../../api/api-error';
import { listRegions } from '../../../../api/regions';
import { STATS_FILES, downloadStatsFile, getRegionStats, getStatsReport, statsFileName, type StatsFileKind } from '../../../../api/stats';
import { ChipGroup } from '../../../../components/Chips';
import { BarChart, LineChart, RingChart } from '../../../../components/charts';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { AsyncContent, EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { beijingToday, formatDate } from '../../../../utils/format';
import { BREAKDOWN_NOUNS, MEASURES, MEASURE_LABELS, MEASURE_UNITS, headlineFigures, monthlyTrend, orderStateSlices, rankedRows, zeroRowsNote, type Measure } from './figures';
import { PERIOD_LABELS, defaultCustomPeriod, presetPeriod, type Period, type PeriodKind } from './period';
import '../../../../components/charts/charts.scss';
import './index.scss';

/** Townships are the deepest level the statistics break down from (their rows are villages). */
const DEEPEST_REGION_CODE_LENGTH = 9;

interface Place {
  code: string;
  name: string;
}

/** The region being looked at, as a path from the reviewer's own region down: tap a step to go back up. */
function RegionPicker({ path, onChange }: { path: Place[]; onChange: (path: Place[]) => void }) {
  const current = path[path.length - 1];
  const canGoDeeper = current.code.length < DEEPEST_REGION_CODE_LENGTH;
  const children = useAsync(() => (canGoDeeper ? listRegions({ parent: current.code }) : Promise.resolve([] as RegionDto[])), [current.code]);
  const options = children.status === 'success' ? children.data : [];
  return (
    <View className='stats-filter'>
      <View className='stats-filter__label'>地区</View>
      <View className='chips'>
        {path.map((place, index) => (
          <View
            key={place.code}
            className={index === path.length - 1 ? 'chip chip--on' : 'chip'}
            aria-pressed={index === path.length - 1}
            onClick={() => onChange(path.slice(0, index + 1))}
          >
            {place.name}
          </View>
        ))}
      </View>
      {options.length > 0 && (
        <Picker mode='selector' range={options.map((r) => r.name)} onChange={(e) => onChange([...path, options[Number(e.detail.value)]])}>
          <View className='filter-button filter-button--wide spaced'>
            选{current.name}下的{BREAKDOWN_NOUNS[options[0].level]}
          </View>
        </Picker>
      )}
      {children.status === 'error' && <View className='form-error'>下级地区没有加载出来：{errorMessage(children.error)}</View>}
    </View>
  );
}

/** A start picked after the end moves the end along (and the other way round), so the period is never backwards. */
const ordered = (period: Period, picked: keyof Period): Period =>
  period.from <= period.to ? period : picked === 'from' ? { from: period.from, to: period.from } : { from: period.to, to: period.to };

function PeriodPicker({ kind, period, onChange }: { kind: PeriodKind; period: Period; onChange: (kind: PeriodKind, period: Period) => void }) {
  const today = beijingToday();
  const choose = (next: PeriodKind | null) => {
    if (!next || next === kind) return;
    onChange(next, next === 'custom' ? defaultCustomPeriod(today) : presetPeriod(next, today));
  };
  return (
    <View className='stats-filter spaced'>
      <View className='stats-filter__label'>时间</View>
      <ChipGroup options={(Object.keys(PERIOD_LABELS) as PeriodKind[]).map((value) => ({ value, label: PERIOD_LABELS[value] }))} value={kind} onChange={choose} />
      {kind === 'custom' && (
        <View className='range-row spaced'>
          <Picker mode='date' value={period.from} end={today} onChange={(e) => onChange('custom', ordered({ ...period, from: String(e.detail.value) }, 'from'))}>
            <View className='filter-button'>从 {formatDate(period.from)}</View>
          </Picker>
          <View className='range-row__to'>至</View>
          <Picker mode='date' value={period.to} end={today} onChange={(e) => onChange('custom', ordered({ ...period, to: String(e.detail.value) }, 'to'))}>
            <View className='filter-button'>到 {formatDate(period.to)}</View>
          </Picker>
        </View>
      )}
      <View className='stats-filter__note'>
        统计时间：<Text className='nowrap'>{formatDate(period.from)}</Text> 至 <Text className='nowrap'>{formatDate(period.to)}</Text>
      </View>
    </View>
  );
}

function Figures({ stats }: { stats: RegionStatsDto }) {
  return (
    <View className='figure-grid'>
      {headlineFigures(stats).map((figure) => (
        <View key={figure.key} className='figure' data-figure={figure.key}>
          <View className='figure__label'>{figure.label}</View>
          <View className='figure__value'>
            {figure.value}
            {figure.unit && <View className='figure__unit'>{figure.unit}</View>}
          </View>
          <View className='figure__note'>{figure.note}</View>
        </View>
      ))}
    </View>
  );
}

/** 工作总结: the server writes the text with real numbers; here it is shown to read and copy. */
function ReportCard({ query }: { query: StatsQuery }) {
  const [state, setState] = useState<{ status: 'idle' | 'loading' } | { status: 'done'; paragraphs: string[] } | { status: 'error'; message: string }>({ status: 'idle' });
  const generate = () => {
    setState({ status: 'loading' });
    getStatsReport(query).then(
      (report) => setState({ status: 'done', paragraphs: report.paragraphs }),
      (error: unknown) => setState({ status: 'error', message: errorMessage(error) }),
    );
  };
  const copy = (paragraphs: string[]) =>
    Taro.setClipboardData({ data: paragraphs.join('\n') }).then(
      () => Taro.showToast({ title: '已复制，可粘贴到总结材料中', icon: 'none' }),
      () => Taro.showToast({ title: '没能复制，请长按文字复制', icon: 'none' }),
    );
  return (
    <View className='card report-card'>
      <View className='card__title'>工作总结</View>
      <View className='card__meta'>按所选地区和时间，生成工作总结需要的文字和数字</View>
      {state.status === 'done' && (
        <View className='report-card__text'>
          {state.paragraphs.map((paragraph, index) => (
            <View key={index} className='report-card__paragraph'>
              {paragraph}
            </View>
          ))}
        </View>
      )}
      {state.status === 'error' && <View className='notice notice--error notice--inline spaced'>{state.message}</View>}
      <View className='button-row'>
        <Button className='btn btn--primary' loading={state.status === 'loading'} disabled={state.status === 'loading'} onClick={generate}>
          {state.status === 'done' ? '重新生成' : '生成工作总结'}
        </Button>
        {state.status === 'done' && (
          <Button className='btn' onClick={() => void copy(state.paragraphs)}>
            复制全文
          </Button>
        )}
      </View>
    </View>
  );
}

const FILE_KINDS: StatsFileKind[] = ['csv', 'xlsx', 'docx'];

function Downloads({ query, regionName }: { query: StatsQuery; regionName: string }) {
  const [busy, setBusy] = useState<StatsFileKind | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const download = (kind: StatsFileKind) => {
    if (busy) return;
    setBusy(kind);
    setFailure(null);
    downloadStatsFile(kind, query, statsFileName(kind, regionName, query))
      .then(
        () => void Taro.showToast({ title: process.env.TARO_ENV === 'h5' ? '已开始下载' : '已下载', icon: 'none' }),
        (error: unknown) => setFailure(errorMessage(error)),
      )
      .finally(() => setBusy(null));
  };
  return (
    <View className='card'>
      <View className='card__title'>下载</View>
      <View className='card__meta'>同样的数字，做成表格和 Word 文档，便于汇报和存档</View>
      {failure && <View className='notice notice--error notice--inline spaced'>{failure}</View>}
      <View className='download-list'>
        {FILE_KINDS.map((kind) => (
          <Button key={kind} className='btn btn--block' data-file={kind} loading={busy === kind} disabled={busy !== null} onClick={() => download(kind)}>
            {STATS_FILES[kind].label}
          </Button>
        ))}
      </View>
      {process.env.TARO_ENV !== 'h5' && <View className='card__meta'>CSV 表格在微信里打不开，会请您发送到聊天（如“文件传输助手”），在电脑上打开</View>}
    </View>
  );
}

/** The rows at 0 under a bar chart; each name kept on one line. */
function ZeroRows({ note }: { note: { lead: string; names: string[] } | null }) {
  if (!note) return null;
  return (
    <View className='chart-card__note'>
      {note.lead}
      {note.names.map((name, index) => (
        <Text key={name} className='nowrap'>
          {name}
          {index < note.names.length - 1 ? '、' : ''}
        </Text>
      ))}
    </View>
  );
}

function StatsReport({ stats, query }: { stats: RegionStatsDto; query: StatsQuery }) {
  const [measure, setMeasure] = useState<Measure>('servicesDelivered');
  const unit = MEASURE_UNITS[measure];
  const noun = BREAKDOWN_NOUNS[stats.breakdownLevel];
  const subregionTitle = `各${noun}的${MEASURE_LABELS[measure]}`;
  const subregionZeros = zeroRowsNote(stats.byRegion, measure, noun);
  const categoryTitle = `各服务类别的${MEASURE_LABELS[measure]}`;
  const categoryZeros = zeroRowsNote(stats.byCategory, measure, '服务类别');
  const queryKey = `${query.region}:${query.from}:${query.to}`;
  return (
    <>
      <View className='section'>
        <View className='section__title'>
          主要数据
          <View className='section__note'>{stats.region.name}</View>
        </View>
        <Figures stats={stats} />
        <View className='card summary-card'>
          <View className='card__title'>小结</View>
          <View className='summary-card__text'>{stats.summary}</View>
        </View>
      </View>

      <View className='section'>
        <View className='section__title'>图表</View>
        <View className='stats-filter'>
          <View className='stats-filter__label'>图表显示</View>
          <ChipGroup options={MEASURES.map((value) => ({ value, label: MEASURE_LABELS[value] }))} value={measure} onChange={(next) => next && setMeasure(next)} />
        </View>
        <View className='card chart-card' data-chart='trend'>
          <View className='card__title'>每月{MEASURE_LABELS[measure]}</View>
          <LineChart title={`每月${MEASURE_LABELS[measure]}`} data={monthlyTrend(stats, measure)} unit={unit} emptyText='这段时间还没有完成的服务，暂无趋势' />
        </View>
        <View className='card chart-card' data-chart='subregions'>
          <View className='card__title'>{subregionTitle}</View>
          <BarChart title={subregionTitle} data={rankedRows(stats.byRegion, measure)} unit={unit} emptyText='这段时间各地都还没有完成的服务' />
          <ZeroRows note={subregionZeros} />
        </View>
        <View className='card chart-card' data-chart='categories'>
          <View className='card__title'>{categoryTitle}</View>
          <BarChart title={categoryTitle} data={rankedRows(stats.byCategory, measure)} unit={unit} colour='#1d4ed8' emptyText='这段时间还没有完成的服务' />
          <ZeroRows note={categoryZeros} />
        </View>
        <View className='card chart-card' data-chart='states'>
          <View className='card__title'>点单进展</View>
          <View className='card__meta'>这段时间的点单现在各处在哪一步</View>
          <RingChart title='点单进展' slices={orderStateSlices(stats)} totalLabel='单' unit='单' emptyText='这段时间还没有点单' />
        </View>
      </View>

      <View className='section'>
        <View className='section__title'>工作总结和下载</View>
        {/* A report or a failure of another region or period must not stay on screen: a new query starts new cards. */}
        <ReportCard key={`report:${queryKey}`} query={query} />
        <Downloads key={`files:${queryKey}`} query={query} regionName={stats.region.name} />
      </View>
    </>
  );
}

function StatsWorkspace({ root }: { root: Place }) {
  const today = beijingToday();
  const [path, setPath] = useState<Place[]>([root]);
  const [periodKind, setPeriodKind] = useState<PeriodKind>('month');
  const [period, setPeriod] = useState<Period>(() => presetPeriod('month', today));
  const region = path[path.length - 1];
  const query: StatsQuery = { region: region.code, from: period.from, to: period.to };
  const stats = useAsync(() => getRegionStats(query), [region.code, period.from, period.to]);

  return (
    <>
      <View className='section'>
        <View className='card'>
          <RegionPicker path={path} onChange={setPath} />
          <PeriodPicker
            kind={periodKind}
            period={period}
            onChange={(kind, next) => {
              setPeriodKind(kind);
              setPeriod(next);
            }}
          />
        </View>
      </View>
      <AsyncContent state={stats}>{(data) => <StatsReport stats={data} query={query} />}</AsyncContent>
    </>
  );
}

function ReviewerStats({ me }: { me: MeResponse }) {
  const region = me.scopes.region;
  if (!region) return <EmptyState title='还没有为您分配负责的地区' hint='请联系平台管理员' />;
  return <StatsWorkspace root={region} />;
}

export default function ReviewerStatsPage() {
  useFreshMe();
  return (
    <PageShell>
      <RoleGate role='reviewer'>{(me) => <ReviewerStats me={me} />}</RoleGate>
    </PageShell>
  );
}
