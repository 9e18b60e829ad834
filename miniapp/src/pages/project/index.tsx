import { useRef } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Image, View } from '@tarojs/components';
import {
  CATEGORY_LABELS,
  ErrorCode,
  PROJECT_SOURCE_LABELS,
  PROVIDER_KIND_LABELS,
  type ProjectDetailDto,
} from '@hall-menu/shared';
import { ApiError } from '../../api/api-error';
import { mediaUrl } from '../../api/media';
import { getProject, getProjectHistory } from '../../api/projects';
import { PageShell } from '../../components/PageShell';
import { PhotoStrip } from '../../components/PhotoStrip';
import { ContentChanges, ProjectFacts } from '../../components/ProjectFacts';
import { ProjectCard } from '../../components/ProjectCard';
import { ProjectCover } from '../../components/ProjectCover';
import { CommendationList, formatScore, ProjectHonourTags } from '../../components/HonourTags';
import { AsyncContent } from '../../components/StateViews';
import { StatusTag } from '../../components/StatusTag';
import { useAsync } from '../../hooks/use-async';
import { orderFormUrl } from '../../routes';
import { useAuthStore } from '../../stores/auth';
import { formatDateTime, formatRating } from '../../utils/format';
import { ProjectActions } from './ProjectActions';
import { reasonForState, ReviewHistory } from './ReviewHistory';

/**
 * Whether the viewer is on the inside (a member of the provider or a reviewer of its region): the server
 * shows them unpublished projects, actions and pending edits, and nobody else.
 */
function isInsider(project: ProjectDetailDto): boolean {
  return project.editable || project.allowedActions.length > 0 || project.status !== 'published' || project.pendingRevision !== null;
}

function Photos({ project }: { project: ProjectDetailDto }) {
  if (project.photos.length === 0) return <ProjectCover cover={null} category={project.category} size='banner' />;
  const urls = project.photos.map(mediaUrl);
  return <Image className='cover cover--banner' src={urls[0]} mode='aspectFill' onClick={() => Taro.previewImage({ urls, current: urls[0] })} />;
}

function PendingRevision({ project }: { project: ProjectDetailDto }) {
  const revision = project.pendingRevision;
  if (!revision) return null;
  const pending = revision.status === 'pending_review';
  return (
    <View className='section'>
      <View className='section__title'>
        修改内容
        <View className='section__note'>{formatDateTime(revision.createdAt)} 提交</View>
      </View>
      <View className={pending ? 'notice notice--inline' : 'notice notice--error notice--inline'}>
        {pending ? '这次修改正在审核中，审核通过前菜单上仍显示原内容。' : `这次修改未通过审核${revision.reason ? `，原因：${revision.reason}` : ''}。菜单上仍是原内容，可以重新修改后再提交。`}
      </View>
      <View className='card'>
        <ContentChanges before={project} after={revision.content} />
      </View>
    </View>
  );
}

function History({ project }: { project: ProjectDetailDto }) {
  // Keyed on the project object: it is fetched again after every action, and so is its history.
  const history = useAsync(() => getProjectHistory(project.id), [project]);
  const reason = history.status === 'success' && (project.status === 'rejected' || project.status === 'offline') ? reasonForState(history.data, project.status) : null;
  return (
    <>
      {reason && (
        <View className='notice notice--error'>
          {project.status === 'rejected' ? '审核未通过' : '项目已下架'}，原因：{reason.reason}
        </View>
      )}
      <View className='section project-history'>
        <View className='section__title'>审核记录</View>
        <View className='card'>
          <AsyncContent state={history}>{(entries) => <ReviewHistory history={entries} />}</AsyncContent>
        </View>
      </View>
    </>
  );
}

/** 点单预约: a hall manager (the active role) orders a project on the menu for one of their halls. */
function OrderButton({ project }: { project: ProjectDetailDto }) {
  const canOrder = useAuthStore((state) => state.tokens !== null && state.activeRole === 'hall_manager');
  if (!canOrder || project.status !== 'published') return null;
  return (
    <View className='section'>
      <Button className='btn btn--primary btn--block' onClick={() => Taro.navigateTo({ url: orderFormUrl(project.id) })}>
        点单预约
      </Button>
    </View>
  );
}

function ProjectDetail({ project, onChanged }: { project: ProjectDetailDto; onChanged: () => void }) {
  const insider = isInsider(project);
  return (
    <>
      <Photos project={project} />
      <View className='section'>
        <View className='detail-title'>{project.title}</View>
        <View className='tag-list'>
          <View className='tag'>{CATEGORY_LABELS[project.category]}</View>
          {insider && <StatusTag status={project.status} />}
          {project.source !== 'declared' && <View className='tag'>{PROJECT_SOURCE_LABELS[project.source]}</View>}
          <ProjectHonourTags source={project.source} honours={project.honours} />
        </View>
        <View className='card__meta'>
          {formatRating(project.ratingAverage, project.ratingCount)}
          {project.orderCount > 0 && ` · 已被点单 ${project.orderCount} 次`}
        </View>
      </View>

      <OrderButton project={project} />

      {insider && project.status === 'pending_review' && !project.allowedActions.includes('approve') && (
        <View className='notice'>项目正在审核中，审核通过后会出现在服务菜单上。</View>
      )}
      {insider && project.status === 'draft' && <View className='notice'>这是草稿，提交审核并通过后才会出现在服务菜单上。</View>}

      <PendingRevision project={project} />

      <View className='section'>
        <View className='section__title'>项目介绍</View>
        <View className='card detail-text'>{project.description}</View>
      </View>

      <View className='section'>
        <View className='section__title'>服务信息</View>
        <ProjectFacts content={project} />
      </View>

      {project.photos.length > 1 && (
        <View className='section'>
          <View className='section__title'>照片</View>
          <PhotoStrip photos={project.photos} />
        </View>
      )}

      <View className='section'>
        <View className='section__title'>服务方</View>
        <View className='card'>
          <View className='card__title'>{project.provider.name}</View>
          <View className='tag-list'>
            <View className='tag'>{PROVIDER_KIND_LABELS[project.provider.kind]}</View>
            {project.provider.verified && <View className='tag tag--ok'>已认证</View>}
          </View>
          <View className='card__meta'>服务方评分：{formatScore(project.providerRating)}</View>
          <CommendationList honours={project.providerHonours} />
          {project.providerDescription && <View className='card__meta'>{project.providerDescription}</View>}
        </View>
      </View>

      <ProjectActions project={project} onDone={onChanged} />

      {insider && <History project={project} />}

      {project.otherProjects.length > 0 && (
        <View className='section'>
          <View className='section__title'>该服务方的其他项目</View>
          {project.otherProjects.map((item) => (
            <ProjectCard key={item.id} item={item} replace />
          ))}
        </View>
      )}
    </>
  );
}

function loadProject(id: number): Promise<ProjectDetailDto> {
  if (!Number.isInteger(id) || id <= 0) return Promise.reject(new ApiError(ErrorCode.NotFound, '找不到这个服务项目，链接可能不完整', 404));
  return getProject(id);
}

export default function ProjectPage() {
  const id = Number(useRouter().params.id);
  const project = useAsync(() => loadProject(id), [id]);
  const shownBefore = useRef(false);

  // Coming back from the edit form (or another project) shows the latest state.
  useDidShow(() => {
    if (shownBefore.current) project.refresh();
    shownBefore.current = true;
  });

  return (
    <PageShell>
      <AsyncContent state={project}>{(data) => <ProjectDetail project={data} onChanged={project.refresh} />}</AsyncContent>
    </PageShell>
  );
}
