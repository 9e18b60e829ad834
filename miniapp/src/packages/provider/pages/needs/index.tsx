import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Textarea, View } from '@tarojs/components';
import { needResponseSchema, type NeedMatchDto, type ProjectDto } from '@hall-menu/shared';
import { getNeedBoard, respondToNeed } from '../../../../api/needs';
import { listMyProjects } from '../../../../api/projects';
import { ChipGroup } from '../../../../components/Chips';
import { Field, FormError } from '../../../../components/Field';
import { NeedSummary } from '../../../../components/NeedCard';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { SlotPicker, type Slot } from '../../../../components/SlotPicker';
import { AsyncContent, EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { beijingInstant, beijingToday } from '../../../../utils/format';
import { useForm } from '../../../../utils/form-errors';

interface Board {
  matches: NeedMatchDto[];
  /** Titles of the organisation's published projects, to name the fitting ones. */
  projects: Map<number, ProjectDto>;
}

async function loadBoard(): Promise<Board> {
  const [matches, projects] = await Promise.all([getNeedBoard(), listMyProjects({ status: 'published', pageSize: 100 })]);
  return { matches, projects: new Map(projects.items.map((p) => [p.id, p])) };
}

function RespondForm({ match, projects, onDone, onCancel }: { match: NeedMatchDto; projects: Map<number, ProjectDto>; onDone: () => void; onCancel: () => void }) {
  const { need } = match;
  const [projectId, setProjectId] = useState<number | null>(match.fittingProjectIds.length === 1 ? match.fittingProjectIds[0] : null);
  const [slot, setSlot] = useState<Slot>({ date: need.periodFrom > beijingToday() ? need.periodFrom : beijingToday(), start: '14:00', end: '16:00' });
  const [message, setMessage] = useState('');
  const { errors, failure, busy, submit } = useForm();

  const respond = () =>
    submit(
      needResponseSchema.safeParse({
        projectId: projectId ?? undefined,
        start: beijingInstant(slot.date, slot.start),
        end: beijingInstant(slot.date, slot.end),
        message,
      }),
      async (response) => {
        await respondToNeed(need.id, response);
        void Taro.showToast({ title: '已响应，等待礼堂答复', icon: 'none' });
        onDone();
      },
    );

  return (
    <View className='spaced'>
      <FormError message={failure} />
      <Field label='用哪个项目响应' required error={errors.projectId}>
        <ChipGroup
          options={match.fittingProjectIds.map((id) => ({ value: id, label: projects.get(id)?.title ?? `项目 ${id}` }))}
          value={projectId}
          onChange={setProjectId}
        />
      </Field>
      <Field label='可以来的时间' required error={errors.start ?? errors.end}>
        <SlotPicker slot={slot} onChange={setSlot} />
      </Field>
      <Field label='给礼堂的留言' error={errors.message}>
        <Textarea className='textarea' value={message} maxlength={300} placeholder='例如：可以带上互动教唱环节' onInput={(e) => setMessage(e.detail.value)} />
      </Field>
      <View className='button-row'>
        <Button className='btn' disabled={busy} onClick={onCancel}>
          取消
        </Button>
        <Button className='btn btn--primary' disabled={busy} onClick={respond}>
          {busy ? '正在提交…' : '提交响应'}
        </Button>
      </View>
    </View>
  );
}

function NeedBoard() {
  const board = useAsync(loadBoard, []);
  const [responding, setResponding] = useState<number | null>(null);
  return (
    <View className='section'>
      <View className='section__title'>
        礼堂的需求
        <View className='section__note'>和您的项目最相符的在前</View>
      </View>
      <AsyncContent state={board} isEmpty={(data) => data.matches.length === 0} empty={<EmptyState title='暂时没有适合您的需求' hint='礼堂发布与您的项目相符的需求后会出现在这里' />}>
        {(data) =>
          data.matches.map((match) => {
            const responded = match.need.responses.some((r) => r.status !== 'declined');
            return (
              <View key={match.need.id} className='card'>
                <NeedSummary need={match.need} />
                {match.need.description && <View className='detail-text spaced'>{match.need.description}</View>}
                <View className='reason-tags'>
                  {match.reasons.map((reason) => (
                    <View key={reason} className='reason-tag'>
                      {reason}
                    </View>
                  ))}
                </View>
                {responding === match.need.id ? (
                  <RespondForm
                    match={match}
                    projects={data.projects}
                    onCancel={() => setResponding(null)}
                    onDone={() => {
                      setResponding(null);
                      board.refresh();
                    }}
                  />
                ) : responded ? (
                  <View className='card__meta spaced'>您已响应，等待礼堂答复</View>
                ) : (
                  <Button className='btn btn--primary btn--block' onClick={() => setResponding(match.need.id)}>
                    响应需求
                  </Button>
                )}
              </View>
            );
          })
        }
      </AsyncContent>
    </View>
  );
}

export default function ProviderNeedsPage() {
  return (
    <PageShell>
      <RoleGate role='provider'>{() => <NeedBoard />}</RoleGate>
    </PageShell>
  );
}
