import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { CATEGORY_LABELS, type MeResponse, type ProjectDto, type ProjectState } from '@hall-menu/shared';
import { listMyProjects } from '../../../../api/projects';
import { ChipGroup } from '../../../../components/Chips';
import { PagedContent } from '../../../../components/PagedContent';
import { PageShell } from '../../../../components/PageShell';
import { ProjectCover } from '../../../../components/ProjectCover';
import { RoleGate } from '../../../../components/RoleGate';
import { EmptyState } from '../../../../components/StateViews';
import { StatusTag } from '../../../../components/StatusTag';
import { usePagedList } from '../../../../hooks/use-paged';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { projectFormUrl, projectUrl } from '../../../../routes';
import { formatDateTime, formatDuration } from '../../../../utils/format';

const PAGE_SIZE = 10;

type Tab = ProjectState | 'all';
const TABS: { value: Tab; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'draft', label: '草稿' },
  { value: 'pending_review', label: '审核中' },
  { value: 'published', label: '已上架' },
  { value: 'rejected', label: '未通过' },
  { value: 'offline', label: '已下架' },
];

function revisionNote(project: ProjectDto): string | null {
  const revision = project.pendingRevision;
  if (!revision) return null;
  return revision.status === 'pending_review' ? '有一份修改正在审核' : '最近一次修改未通过审核';
}

function MyProjectCard({ project }: { project: ProjectDto }) {
  const note = revisionNote(project);
  return (
    <View className='card project-card' onClick={() => Taro.navigateTo({ url: projectUrl(project.id) })}>
      <ProjectCover cover={project.photos[0] ?? null} category={project.category} size='thumb' />
      <View className='project-card__body'>
        <View className='project-card__title'>{project.title}</View>
        <View className='project-card__tags'>
          <StatusTag status={project.status} />
          <View className='card__meta'>{CATEGORY_LABELS[project.category]}</View>
        </View>
        <View className='card__meta'>
          {formatDuration(project.durationMinutes)} · {formatDateTime(project.createdAt).split(' ')[0]}创建
        </View>
        {note && <View className='card__meta project-card__note'>{note}</View>}
      </View>
    </View>
  );
}

function MyProjects() {
  const [tab, setTab] = useState<Tab>('all');
  const projects = usePagedList(
    (page) => listMyProjects({ status: tab === 'all' ? undefined : tab, page, pageSize: PAGE_SIZE }),
    (project) => project.id,
    [tab],
  );
  const shownBefore = useRef(false);
  // Back from a project or the form: states may have changed.
  useDidShow(() => {
    if (shownBefore.current) projects.reload();
    shownBefore.current = true;
  });

  return (
    <>
      <View className='section'>
        <Button className='btn btn--primary btn--block' onClick={() => Taro.navigateTo({ url: projectFormUrl() })}>
          申报新项目
        </Button>
      </View>
      <View className='section'>
        <ChipGroup options={TABS} value={tab} onChange={(value) => value && setTab(value)} />
      </View>
      <View className='section'>
        <PagedContent
          list={projects}
          unit='个'
          empty={
            <EmptyState
              title={tab === 'all' ? '还没有申报项目' : `没有${TABS.find((t) => t.value === tab)?.label}的项目`}
              hint={tab === 'all' ? '点上面的「申报新项目」开始' : undefined}
            />
          }
        >
          {(items) => items.map((project) => <MyProjectCard key={project.id} project={project} />)}
        </PagedContent>
      </View>
    </>
  );
}

function ProviderProjects({ me }: { me: MeResponse }) {
  if (!me.scopes.provider) return <EmptyState title='您还没有加入服务方组织' hint='请联系组织负责人或审核员' />;
  return <MyProjects />;
}

export default function ProviderProjectsPage() {
  useFreshMe();
  return (
    <PageShell>
      <RoleGate role='provider'>{(me) => <ProviderProjects me={me} />}</RoleGate>
    </PageShell>
  );
}
