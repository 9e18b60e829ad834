import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { CATEGORY_LABELS, NOMINATION_STATE_LABELS, type NominationDto, type NominationState } from '@hall-menu/shared';
import { getMe } from '../../../../api/me';
import { actOnNomination, listMyNominations } from '../../../../api/nominations';
import { FormError } from '../../../../components/Field';
import { PagedContent } from '../../../../components/PagedContent';
import { PageShell } from '../../../../components/PageShell';
import { ReasonAction } from '../../../../components/ReasonAction';
import { EmptyState, LoginPrompt } from '../../../../components/StateViews';
import { usePagedList } from '../../../../hooks/use-paged';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { projectUrl } from '../../../../routes';
import { selectIsLoggedIn, useAuthStore } from '../../../../stores/auth';
import { formatDateTime } from '../../../../utils/format';
import { explainFailure } from '../../../../utils/form-errors';

const PAGE_SIZE = 10;
const STATE_TONES: Record<NominationState, string> = { nominated: 'waiting', confirmed: 'ok', declined: 'ended', withdrawn: 'ended' };

/** Confirming may make the caller a provider member (a new team's contact): their roles are read again. */
async function refreshRoles(): Promise<void> {
  try {
    useAuthStore.getState().setMe(await getMe());
  } catch {
    // the stored profile stays; the next page visit reads it again
  }
}

function NominationCard({ nomination, onChanged }: { nomination: NominationDto; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm() {
    const { confirm: yes } = await Taro.showModal({
      title: '确认上架',
      content: `确认后“${nomination.project.title}”会以村晚节目上架服务菜单，礼堂可以向您点单。确定吗？`,
      confirmText: '确认上架',
      cancelText: '再想想',
    });
    if (!yes) return;
    setBusy(true);
    setFailure(null);
    try {
      await actOnNomination(nomination.id, 'confirm');
      await refreshRoles();
      void Taro.showToast({ title: '已确认，节目已上架', icon: 'none' });
      onChanged();
    } catch (e) {
      setFailure(explainFailure(e).message);
    } finally {
      setBusy(false);
    }
  }

  const waiting = nomination.allowedActions.includes('confirm') || nomination.allowedActions.includes('decline');
  return (
    <View className='card' data-nomination={nomination.id}>
      <View className='card__head'>
        <View className='card__title'>{nomination.project.title}</View>
        <View className={`status-tag status-tag--${STATE_TONES[nomination.status]}`}>{NOMINATION_STATE_LABELS[nomination.status]}</View>
      </View>
      <View className='tag-list'>
        <View className='tag'>{CATEGORY_LABELS[nomination.project.category]}</View>
        <View className='honour-tag honour-tag--gala'>村晚</View>
      </View>
      <View className='card__meta'>
        来自 {nomination.galaName}（{nomination.sourceVillage.name}
        {nomination.sourceHall && ` · ${nomination.sourceHall.name}`}）
      </View>
      <View className='card__meta'>演出人员：{nomination.performers}</View>
      <View className='card__meta'>
        {nomination.nominatedBy ?? '审核员'} {formatDateTime(nomination.nominatedAt)} 提名给 {nomination.provider.name}
      </View>
      {nomination.reason && <View className='card__meta'>原因：{nomination.reason}</View>}
      <FormError message={failure} />
      <View className='action-list spaced'>
        <Button className='btn' onClick={() => Taro.navigateTo({ url: projectUrl(nomination.project.id) })}>
          查看节目内容
        </Button>
        {nomination.allowedActions.includes('confirm') && (
          <Button className='btn btn--primary' disabled={busy} onClick={confirm}>
            {busy ? '正在确认…' : '确认上架'}
          </Button>
        )}
      </View>
      {nomination.allowedActions.includes('decline') && (
        <View className='spaced'>
          <ReasonAction
            label='谢绝'
            prompt='谢绝原因'
            placeholder='例如：团队成员外出打工，暂时凑不齐人'
            onSubmit={async (reason) => {
              await actOnNomination(nomination.id, 'decline', reason);
              void Taro.showToast({ title: '已谢绝', icon: 'none' });
              onChanged();
            }}
          />
        </View>
      )}
      {waiting && <View className='card__meta'>确认前可以先查看节目内容；确认后可在“我的项目”里修改介绍和可服务时间。</View>}
    </View>
  );
}

function MyNominations() {
  const list = usePagedList((page) => listMyNominations({ page, pageSize: PAGE_SIZE }), (n) => n.id, []);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) list.reload();
    shownBefore.current = true;
  });
  return (
    <View className='section'>
      <View className='section__title'>
        村晚节目提名
        <View className='section__note'>审核员推荐上服务菜单的节目</View>
      </View>
      <PagedContent list={list} unit='个' empty={<EmptyState title='还没有被提名的节目' hint='审核员提名您的村晚节目后会出现在这里' />}>
        {(items) => items.map((n) => <NominationCard key={n.id} nomination={n} onChanged={list.reload} />)}
      </PagedContent>
    </View>
  );
}

/**
 * The performers' side of a 村晚 nomination. Open to anyone signed in, not only provider members: a new team's
 * contact confirms with the phone the reviewer wrote down, and becomes the team's first member by confirming.
 */
export default function ProviderNominationsPage() {
  useFreshMe();
  const loggedIn = useAuthStore(selectIsLoggedIn);
  return <PageShell>{loggedIn ? <MyNominations /> : <LoginPrompt hint='登录后查看您的节目提名' />}</PageShell>;
}
