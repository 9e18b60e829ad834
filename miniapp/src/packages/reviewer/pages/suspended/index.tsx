import { useRef } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CATEGORY_LABELS, type MeResponse, type ProjectDto } from '@hall-menu/shared';
import { listSuspended } from '../../../../api/reviews';
import { PagedContent } from '../../../../components/PagedContent';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { EmptyState } from '../../../../components/StateViews';
import { StatusTag } from '../../../../components/StatusTag';
import { usePagedList } from '../../../../hooks/use-paged';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { projectUrl } from '../../../../routes';

const PAGE_SIZE = 10;

function SuspendedItem({ project }: { project: ProjectDto }) {
  return (
    <View className='card' onClick={() => Taro.navigateTo({ url: projectUrl(project.id) })}>
      <View className='project-card__title'>{project.title}</View>
      <View className='tag-list'>
        <StatusTag status={project.status} />
        <View className='tag'>{CATEGORY_LABELS[project.category]}</View>
      </View>
      <View className='card__meta'>{project.provider.name}</View>
      <View className='card__meta'>点开可查看暂停原因和审核记录</View>
    </View>
  );
}

function SuspendedList() {
  const list = usePagedList((page) => listSuspended({ page, pageSize: PAGE_SIZE }), (project) => project.id, []);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) list.reload();
    shownBefore.current = true;
  });
  return (
    <View className='section'>
      <View className='section__title'>
        已暂停的项目
        <View className='section__note'>审核员暂停上架的项目，最近的在前</View>
      </View>
      <PagedContent list={list} unit='个' empty={<EmptyState title='没有被暂停的项目' />}>
        {(items) => items.map((project) => <SuspendedItem key={project.id} project={project} />)}
      </PagedContent>
    </View>
  );
}

function ReviewerSuspended({ me }: { me: MeResponse }) {
  if (!me.scopes.region) return <EmptyState title='还没有为您分配负责的地区' hint='请联系平台管理员' />;
  return <SuspendedList />;
}

export default function SuspendedPage() {
  useFreshMe();
  return (
    <PageShell>
      <RoleGate role='reviewer'>{(me) => <ReviewerSuspended me={me} />}</RoleGate>
    </PageShell>
  );
}
