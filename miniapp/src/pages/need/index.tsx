import { useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { AUDIENCE_LABELS, ErrorCode, type NeedDto, type NeedResponseDto, type SuggestionDto } from '@hall-menu/shared';
import { ApiError } from '../../api/api-error';
import { acceptNeedResponse, closeNeed, declineNeedResponse, getNeed, getNeedSuggestions, orderForNeed } from '../../api/needs';
import { FormError } from '../../components/Field';
import { NeedSummary, UpvoteButton } from '../../components/NeedCard';
import { PageShell } from '../../components/PageShell';
import { ProjectCard } from '../../components/ProjectCard';
import { AsyncContent, EmptyState } from '../../components/StateViews';
import { useAsync } from '../../hooks/use-async';
import { orderUrl } from '../../routes';
import { useAuthStore } from '../../stores/auth';
import { formatTimeSpan } from '../../utils/format';
import { explainFailure } from '../../utils/form-errors';
import { newIdempotencyKey } from '../../utils/idempotency';
import { subjectChatUrl } from '../chat/route';

const RESPONSE_STATUS_LABELS: Record<NeedResponseDto['status'], string> = { pending: '待答复', accepted: '已接受', declined: '已婉拒' };

/** 推荐项目: menu projects that fit, with the reasons, each with 一键点单 for the need's period. */
function Suggestions({ need }: { need: NeedDto }) {
  const suggestions = useAsync(() => getNeedSuggestions(need.id), [need.id]);
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per suggested project for this visit: a retry returns the first order.
  const keys = useRef(new Map<number, string>());

  async function order(suggestion: SuggestionDto) {
    if (busy !== null) return;
    const { confirm } = await Taro.showModal({
      title: '一键点单',
      content: `为「${need.hall.name}」点单「${suggestion.project.title}」，希望日期为需求的时间段。确定吗？`,
      confirmText: '点单',
      cancelText: '再看看',
    });
    if (!confirm) return;
    const projectId = suggestion.project.id;
    if (!keys.current.has(projectId)) keys.current.set(projectId, newIdempotencyKey());
    setBusy(projectId);
    setFailure(null);
    try {
      const created = await orderForNeed(need.id, projectId, keys.current.get(projectId) as string);
      void Taro.showToast({ title: '点单已提交，等待服务方答复', icon: 'none' });
      void Taro.redirectTo({ url: orderUrl(created.id) });
    } catch (error) {
      setFailure(explainFailure(error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className='section'>
      <View className='section__title'>
        推荐项目
        <View className='section__note'>按匹配程度排列</View>
      </View>
      <FormError message={failure} />
      <AsyncContent state={suggestions} isEmpty={(list) => list.length === 0} empty={<EmptyState title='暂时没有合适的项目' hint='可以等待服务方响应这条需求' />}>
        {(list) =>
          list.map((suggestion) => (
            <View key={suggestion.project.id} className='suggestion'>
              <ProjectCard item={suggestion.project} />
              <View className='reason-tags'>
                {suggestion.reasons.map((reason) => (
                  <View key={reason} className='reason-tag'>
                    {reason}
                  </View>
                ))}
              </View>
              <Button className='btn btn--primary btn--block' disabled={busy !== null} onClick={() => order(suggestion)}>
                {busy === suggestion.project.id ? '正在点单…' : '一键点单'}
              </Button>
            </View>
          ))
        }
      </AsyncContent>
    </View>
  );
}

/** Providers' offers; the hall's manager accepts one (an order is made) or declines it. */
function Responses({ need, manager, onChanged }: { need: NeedDto; manager: boolean; onChanged: () => void }) {
  const myProviderId = useAuthStore((state) => (state.me?.roles.includes('provider') ? (state.me.scopes.provider?.id ?? null) : null));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (need.responses.length === 0) return null;

  async function decide(response: NeedResponseDto, accept: boolean) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      if (accept) {
        const order = await acceptNeedResponse(need.id, response.id);
        void Taro.showToast({ title: '已接受，点单已生成', icon: 'none' });
        void Taro.redirectTo({ url: orderUrl(order.id) });
      } else {
        await declineNeedResponse(need.id, response.id);
        void Taro.showToast({ title: '已婉拒', icon: 'none' });
        onChanged();
      }
    } catch (error) {
      setFailure(explainFailure(error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='section'>
      <View className='section__title'>服务方响应</View>
      <FormError message={failure} />
      {need.responses.map((response) => (
        <View key={response.id} className='card'>
          <View className='card__head'>
            <View className='card__title'>{response.project.title}</View>
            <View className={`status-tag status-tag--${response.status === 'pending' ? 'waiting' : response.status === 'accepted' ? 'ok' : 'ended'}`}>
              {RESPONSE_STATUS_LABELS[response.status]}
            </View>
          </View>
          <View className='card__meta'>服务方：{response.provider.name}</View>
          <View className='card__meta'>可以来的时间：{formatTimeSpan(response.proposedStart, response.proposedEnd)}</View>
          {response.message && <View className='card__meta'>留言：{response.message}</View>}
          {manager && response.status === 'pending' && need.status === 'open' && (
            <View className='button-row'>
              <Button className='btn' disabled={busy} onClick={() => decide(response, false)}>
                婉拒
              </Button>
              <Button className='btn btn--primary' disabled={busy} onClick={() => decide(response, true)}>
                接受
              </Button>
            </View>
          )}
          {response.orderId && (
            <Button className='btn btn--block' onClick={() => Taro.navigateTo({ url: orderUrl(response.orderId as number) })}>
              查看点单
            </Button>
          )}
          {(manager || response.provider.id === myProviderId) && (
            <Button className='btn btn--block' onClick={() => Taro.navigateTo({ url: subjectChatUrl('need_response', response.id) })}>
              {manager ? '联系服务方' : '联系礼堂'}
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}

function CloseNeed({ need, onChanged }: { need: NeedDto; onChanged: (need: NeedDto) => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  if (!need.allowedActions.includes('close')) return null;
  async function close() {
    const { confirm } = await Taro.showModal({ title: '关闭需求', content: '关闭后服务方不能再响应，村民也不能再点「我也想看」。确定关闭吗？', confirmText: '关闭', cancelText: '不关闭' });
    if (!confirm) return;
    try {
      onChanged(await closeNeed(need.id));
    } catch (error) {
      setFailure(explainFailure(error).message);
    }
  }
  return (
    <View className='section'>
      <FormError message={failure} />
      <Button className='btn btn--block' onClick={close}>
        关闭需求
      </Button>
    </View>
  );
}

function NeedDetail({ initial, onChanged }: { initial: NeedDto; onChanged: () => void }) {
  const [need, setNeed] = useState(initial);
  // Whoever manages the need's hall decides on it, whichever role they are browsing as.
  const manager = useAuthStore((state) => state.me?.roles.includes('hall_manager') === true && state.me.scopes.halls.some((h) => h.id === need.hall.id));
  return (
    <>
      <View className='section'>
        <View className='card'>
          <NeedSummary need={need} />
          <View className='card__meta'>面向：{AUDIENCE_LABELS[need.targetAudience]}</View>
          {need.description && <View className='detail-text spaced'>{need.description}</View>}
          <UpvoteButton need={need} onChanged={setNeed} />
        </View>
      </View>
      {manager && need.status === 'open' && <Suggestions need={need} />}
      <Responses need={need} manager={manager} onChanged={onChanged} />
      {manager && <CloseNeed need={need} onChanged={setNeed} />}
    </>
  );
}

function loadNeed(id: number): Promise<NeedDto> {
  if (!Number.isInteger(id) || id <= 0) return Promise.reject(new ApiError(ErrorCode.NotFound, '找不到这条需求，链接可能不完整', 404));
  return getNeed(id);
}

export default function NeedPage() {
  const id = Number(useRouter().params.id);
  const need = useAsync(() => loadNeed(id), [id]);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) need.refresh();
    shownBefore.current = true;
  });
  return (
    <PageShell>
      {/* Keyed on the fetched object so a refresh replaces the local copy (after 我也想看 or closing). */}
      <AsyncContent state={need}>{(data) => <NeedDetail key={JSON.stringify(data)} initial={data} onChanged={need.refresh} />}</AsyncContent>
    </PageShell>
  );
}
