import { useState } from 'react';
import { Button, Input, Picker, View } from '@tarojs/components';
import {
  AUDIENCE_LABELS,
  CATEGORIES,
  CATEGORY_LABELS,
  MENU_SORT_LABELS,
  MENU_SORTS,
  type Audience,
  type Category,
  type MenuSort,
} from '@hall-menu/shared';
import { listMenu } from '../../api/projects';
import { ChipGroup } from '../../components/Chips';
import { PagedContent } from '../../components/PagedContent';
import { PageShell } from '../../components/PageShell';
import { ProjectCard } from '../../components/ProjectCard';
import { EmptyState } from '../../components/StateViews';
import { usePagedList } from '../../hooks/use-paged';
import { selectIsLoggedIn, useAuthStore } from '../../stores/auth';
import { beijingToday, formatDate } from '../../utils/format';

const MENU_PAGE_SIZE = 10;

/** 不限 ('all') is not a filter: the server already counts "for everyone" projects as fitting every group. */
const AUDIENCE_FILTERS: (Audience | null)[] = [null, 'elderly', 'children', 'youth'];
const audienceFilterLabel = (audience: Audience | null) => (audience ? AUDIENCE_LABELS[audience] : '全部人群');

interface MenuFilters {
  category: Category | null;
  keyword: string;
  audience: Audience | null;
  date: string | null;
  sort: MenuSort;
  /** 适合我的礼堂: only projects whose service area covers this hall. */
  hallId: number | null;
}

const NO_FILTERS: MenuFilters = { category: null, keyword: '', audience: null, date: null, sort: 'newest', hallId: null };

function filterSummary(filters: MenuFilters, hallName: string | undefined): string[] {
  return [
    filters.category && CATEGORY_LABELS[filters.category],
    filters.keyword && `“${filters.keyword}”`,
    filters.audience && AUDIENCE_LABELS[filters.audience],
    filters.date && `${formatDate(filters.date)}可服务`,
    filters.hallId !== null && hallName && `适合${hallName}`,
  ].filter((part): part is string => Boolean(part));
}

function CategoryGrid({ value, onChange }: { value: Category | null; onChange: (category: Category | null) => void }) {
  const cell = (category: Category | null, label: string) => (
    <View
      key={category ?? 'all'}
      className={value === category ? 'category-grid__item category-grid__item--on' : 'category-grid__item'}
      aria-pressed={value === category}
      onClick={() => onChange(category)}
    >
      {label}
    </View>
  );
  return (
    <View className='category-grid'>
      {cell(null, '全部')}
      {CATEGORIES.map((category) => cell(category, CATEGORY_LABELS[category]))}
    </View>
  );
}

/** 适合我的礼堂, for a signed-in hall manager: a switch, and which hall when they manage several. */
function MyHallFilter({ hallId, onChange }: { hallId: number | null; onChange: (hallId: number | null) => void }) {
  const loggedIn = useAuthStore(selectIsLoggedIn);
  const me = useAuthStore((state) => state.me);
  const [chosen, setChosen] = useState(0);
  const halls = loggedIn && me?.roles.includes('hall_manager') ? me.scopes.halls : [];
  if (halls.length === 0) return null;
  const hall = halls[Math.min(chosen, halls.length - 1)];
  const on = hallId !== null;

  return (
    <View className='spaced'>
      <View className='switch-row' onClick={() => onChange(on ? null : hall.id)}>
        <View>
          <View className='option__title'>适合我的礼堂</View>
          <View className='option__meta'>{on ? `只看能到${hall.name}服务的项目` : '开启后只看能到您礼堂服务的项目'}</View>
        </View>
        <View className={on ? 'switch switch--on' : 'switch'} />
      </View>
      {halls.length > 1 && (
        <Picker
          mode='selector'
          range={halls.map((h) => h.name)}
          value={Math.min(chosen, halls.length - 1)}
          onChange={(e) => {
            const index = Number(e.detail.value);
            setChosen(index);
            if (on) onChange(halls[index].id);
          }}
        >
          <View className='filter-button filter-button--wide'>礼堂：{hall.name}（点此切换）</View>
        </Picker>
      )}
    </View>
  );
}

export default function HomePage() {
  const [filters, setFilters] = useState<MenuFilters>(NO_FILTERS);
  const [keywordDraft, setKeywordDraft] = useState('');
  const me = useAuthStore((state) => state.me);
  const update = (patch: Partial<MenuFilters>) => setFilters((current) => ({ ...current, ...patch }));

  const menu = usePagedList(
    (page) =>
      listMenu({
        category: filters.category ?? undefined,
        keyword: filters.keyword || undefined,
        audience: filters.audience ?? undefined,
        date: filters.date ?? undefined,
        hallId: filters.hallId ?? undefined,
        sort: filters.sort,
        page,
        pageSize: MENU_PAGE_SIZE,
      }),
    (item) => item.id,
    [filters],
  );

  const search = () => update({ keyword: keywordDraft.trim() });
  const clearFilters = () => {
    setKeywordDraft('');
    setFilters({ ...NO_FILTERS, sort: filters.sort });
  };
  const hallName = me?.scopes.halls.find((hall) => hall.id === filters.hallId)?.name;
  const summary = filterSummary(filters, hallName);
  const today = beijingToday();

  return (
    <PageShell>
      <View className='page-header'>
        <View className='page-header__title'>礼堂点单</View>
        <View className='page-header__subtitle'>把文化服务送到村里的文化礼堂</View>
      </View>

      <View className='section'>
        <View className='search-row'>
          <Input
            className='input search-row__input'
            type='text'
            confirmType='search'
            maxlength={30}
            placeholder='搜索项目名称或介绍'
            value={keywordDraft}
            onInput={(e) => setKeywordDraft(e.detail.value)}
            onConfirm={search}
          />
          <Button className='btn btn--primary search-row__button' onClick={search}>
            搜索
          </Button>
        </View>
      </View>

      <View className='section'>
        <View className='section__title'>服务类别</View>
        <CategoryGrid value={filters.category} onChange={(category) => update({ category })} />
      </View>

      <View className='section'>
        <View className='filter-row'>
          <Picker
            mode='selector'
            range={AUDIENCE_FILTERS.map(audienceFilterLabel)}
            value={AUDIENCE_FILTERS.indexOf(filters.audience)}
            onChange={(e) => update({ audience: AUDIENCE_FILTERS[Number(e.detail.value)] ?? null })}
          >
            <View className={filters.audience ? 'filter-button filter-button--on' : 'filter-button'}>
              人群：{audienceFilterLabel(filters.audience)}
            </View>
          </Picker>
          <Picker mode='date' start={today} value={filters.date ?? today} onChange={(e) => update({ date: String(e.detail.value) })}>
            <View className={filters.date ? 'filter-button filter-button--on' : 'filter-button'}>
              日期：{filters.date ? formatDate(filters.date).replace(/^\d+年/, '') : '不限'}
            </View>
          </Picker>
          {filters.date && (
            <Button className='btn btn--small' onClick={() => update({ date: null })}>
              不限日期
            </Button>
          )}
        </View>
        <View className='spaced'>
          <ChipGroup
            // 为本礼堂推荐 ranks for one hall, so it is offered once 适合我的礼堂 is on.
            options={MENU_SORTS.filter((sort) => sort !== 'recommended' || filters.hallId !== null).map((sort) => ({ value: sort, label: MENU_SORT_LABELS[sort] }))}
            value={filters.sort}
            onChange={(sort) => sort && update({ sort })}
          />
        </View>
        <MyHallFilter
          hallId={filters.hallId}
          onChange={(hallId) => update(hallId === null && filters.sort === 'recommended' ? { hallId, sort: 'newest' } : { hallId })}
        />
        {summary.length > 0 && (
          <View className='filter-summary'>
            <View className='filter-summary__text'>已筛选：{summary.join(' · ')}</View>
            <Button className='btn btn--small' onClick={clearFilters}>
              清除筛选
            </Button>
          </View>
        )}
      </View>

      <View className='section'>
        <View className='section__title'>
          服务项目
          {menu.state.status === 'success' && menu.state.total > 0 && <View className='section__note'>共 {menu.state.total} 个</View>}
        </View>
        <PagedContent
          list={menu}
          unit='个'
          empty={
            <EmptyState
              title={summary.length > 0 ? '没有符合条件的项目' : '菜单里还没有项目'}
              hint={summary.length > 0 ? '换个类别或清除筛选试试' : '服务方申报的项目审核通过后会显示在这里'}
            >
              {summary.length > 0 && (
                <Button className='btn' onClick={clearFilters}>
                  清除筛选
                </Button>
              )}
            </EmptyState>
          }
        >
          {(items) => items.map((item) => <ProjectCard key={item.id} item={item} />)}
        </PagedContent>
      </View>
    </PageShell>
  );
}
