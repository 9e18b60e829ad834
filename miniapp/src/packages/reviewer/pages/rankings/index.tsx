import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { HONOUR_LABELS, RANKING_KINDS, type CommendationDto, type MeResponse, type RankingKind, type RankingRowDto } from '@hall-menu/shared';
import { getRanking, listCommendations, markCommendation, revokeCommendation } from '../../../../api/rankings';
import { ChipGroup } from '../../../../components/Chips';
import { PageShell } from '../../../../components/PageShell';
import { ReasonAction } from '../../../../components/ReasonAction';
import { RoleGate } from '../../../../components/RoleGate';
import { AsyncContent, EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { projectUrl } from '../../../../routes';
import { beijingToday, formatDateTime } from '../../../../utils/format';
import { newIdempotencyKey } from '../../../../utils/idempotency';

const TAB_LABELS: Record<RankingKind, string> = { project: '品牌项目', provider: '服务方', hall: '礼堂' };
const MARK_LABELS: Record<RankingKind, string> = { project: '评为品牌项目', provider: '表彰', hall: '表彰' };
const CITATION_HINTS: Record<RankingKind, string> = {
  project: '例如：全年演出 30 场，群众满意度 96%，深受老人欢迎',
  provider: '例如：全年送戏下乡 50 场，从不失约，群众评价高',
  hall: '例如：活动组织有序，村民参与踊跃，全年接待服务 20 场',
};
/** Rankings are yearly; the last three years cover a summary of this year and the two before. */
const YEARS_SHOWN = 3;
/** The server's longest list; the first rows are drawn at once, the rest on 显示全部 (a phone need not lay out 200 cards). */
const RANKING_LIMIT = 200;
const ROWS_FIRST_SHOWN = 30;

const percent = (share: number | null) => (share === null ? '暂无' : `${Math.round(share * 1000) / 10}%`);

function RankingRow({ row, kind, year, onChanged }: { row: RankingRowDto; kind: RankingKind; year: number; onChanged: () => void }) {
  const honour = row.honour?.status === 'active' ? row.honour : null;
  // One key per mark: 确认 again after a failure (or a lost answer) cannot mark twice; a later mark gets a new one.
  const markKey = useRef(newIdempotencyKey());
  return (
    <View className='card' data-rank-row={row.id}>
      <View className='rank-row'>
        <View className={row.rank <= 3 ? 'rank-badge rank-badge--top' : 'rank-badge'}>{row.rank}</View>
        <View className='rank-row__body'>
          <View
            className='card__title'
            onClick={kind === 'project' ? () => Taro.navigateTo({ url: projectUrl(row.id) }) : undefined}
          >
            {row.name}
          </View>
          {row.detail && <View className='card__meta'>{row.detail}</View>}
          <View className='figures-line'>
            <View>服务 {row.services} 场</View>
            <View>参与 {row.attendance} 人次</View>
            <View>满意度 {percent(row.satisfaction)}</View>
            <View>评价 {row.ratingsCount} 条</View>
          </View>
          <View className='card__meta'>综合得分 {row.score.toFixed(1)}（满分 100）</View>
          {honour && (
            <View className='tag-list'>
              <View className='honour-tag'>
                {year}年度{HONOUR_LABELS[kind]}
              </View>
            </View>
          )}
        </View>
      </View>
      <View className='spaced'>
        {honour ? (
          <ReasonAction
            label='撤销'
            prompt='撤销原因'
            placeholder='例如：发现服务数据有误，重新评定'
            onSubmit={async (reason) => {
              await revokeCommendation(honour.id, reason);
              void Taro.showToast({ title: '已撤销', icon: 'none' });
              onChanged();
            }}
          />
        ) : (
          <ReasonAction
            primary
            label={MARK_LABELS[kind]}
            prompt='表彰理由'
            placeholder={CITATION_HINTS[kind]}
            minLength={4}
            maxLength={300}
            onSubmit={async (citation) => {
              await markCommendation({ kind, subjectId: row.id, year, citation }, markKey.current);
              markKey.current = newIdempotencyKey();
              void Taro.showToast({ title: `已${MARK_LABELS[kind]}`, icon: 'none' });
              onChanged();
            }}
          />
        )}
      </View>
    </View>
  );
}

function CommendationItem({ mark, onChanged }: { mark: CommendationDto; onChanged: () => void }) {
  return (
    <View className='card'>
      <View className='card__head'>
        <View className='card__title'>{mark.subjectName}</View>
        <View className={mark.status === 'active' ? 'honour-tag' : 'status-tag status-tag--ended'}>
          {mark.status === 'active' ? `${mark.year}年度${HONOUR_LABELS[mark.kind]}` : '已撤销'}
        </View>
      </View>
      <View className='card__meta'>{mark.citation}</View>
      <View className='card__meta'>
        {mark.markedBy ?? '审核员'} · {formatDateTime(mark.markedAt)}
      </View>
      {mark.allowedActions.includes('revoke') && (
        <View className='spaced'>
          <ReasonAction
            label='撤销'
            prompt='撤销原因'
            placeholder='例如：发现服务数据有误，重新评定'
            onSubmit={async (reason) => {
              await revokeCommendation(mark.id, reason);
              void Taro.showToast({ title: '已撤销', icon: 'none' });
              onChanged();
            }}
          />
        </View>
      )}
    </View>
  );
}

function Rankings({ region }: { region: { code: string; name: string } }) {
  const thisYear = Number(beijingToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [kind, setKind] = useState<RankingKind>('project');
  const [showAll, setShowAll] = useState(false);
  const ranking = useAsync(() => getRanking({ year, kind, limit: RANKING_LIMIT }), [year, kind]);
  const marks = useAsync(() => listCommendations({ year, status: 'active', pageSize: 50 }), [year]);
  const changed = () => {
    ranking.refresh();
    marks.refresh();
  };

  return (
    <>
      <View className='section'>
        <View className='section__title'>
          年度
          <View className='section__note'>{region.name}</View>
        </View>
        <ChipGroup
          options={Array.from({ length: YEARS_SHOWN }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` }))}
          value={year}
          onChange={(value) => {
            if (!value) return;
            setYear(value);
            setShowAll(false);
          }}
        />
      </View>
      <View className='section'>
        <ChipGroup options={RANKING_KINDS.map((k) => ({ value: k, label: TAB_LABELS[k] }))} value={kind}
          onChange={(value) => {
            if (!value) return;
            setKind(value);
            setShowAll(false);
          }}
        />
      </View>
      <View className='section'>
        <AsyncContent
          state={ranking}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState title={`${year}年还没有完成的服务`} hint='服务确认完成后才会进入排名' />}
        >
          {(data) => (
            <>
              <View className='section__title'>
                {year}年{TAB_LABELS[kind]}排名
                <View className='section__note'>
                  共 {data.total} 个{data.items.length < data.total ? `，显示前 ${data.items.length} 个` : ''}
                </View>
              </View>
              {(showAll ? data.items : data.items.slice(0, ROWS_FIRST_SHOWN)).map((row) => (
                // Keyed by the subject and year, so a row's mark key never carries over to another subject.
                <RankingRow key={`${kind}:${year}:${row.id}`} row={row} kind={kind} year={year} onChanged={changed} />
              ))}
              {!showAll && data.items.length > ROWS_FIRST_SHOWN && (
                <Button className='btn btn--block' onClick={() => setShowAll(true)}>
                  显示全部 {data.items.length} 个
                </Button>
              )}
              <View className='card__meta'>计算方法：{data.formula}</View>
            </>
          )}
        </AsyncContent>
      </View>
      <View className='section'>
        <View className='section__title'>{year}年度的品牌项目和表彰</View>
        <AsyncContent state={marks} isEmpty={(page) => page.items.length === 0} empty={<EmptyState title={`${year}年还没有评定`} hint='在上面的排名里评选' />}>
          {(page) => page.items.map((mark) => <CommendationItem key={mark.id} mark={mark} onChanged={changed} />)}
        </AsyncContent>
      </View>
    </>
  );
}

function ReviewerRankings({ me }: { me: MeResponse }) {
  if (!me.scopes.region) return <EmptyState title='还没有为您分配负责的地区' hint='请联系平台管理员' />;
  return <Rankings region={me.scopes.region} />;
}

export default function RankingsPage() {
  useFreshMe();
  return (
    <PageShell>
      <RoleGate role='reviewer'>{(me) => <ReviewerRankings me={me} />}</RoleGate>
    </PageShell>
  );
}
