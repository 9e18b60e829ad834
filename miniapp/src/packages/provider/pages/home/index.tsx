import { View } from '@tarojs/components';
import { PROVIDER_KIND_LABELS, VERIFICATION_LABELS, type MeResponse } from '@hall-menu/shared';
import { getProvider } from '../../../../api/providers';
import { LinkList } from '../../../../components/LinkList';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { AsyncContent, EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { WORKSPACES } from '../../../../routes';

function Organisation({ providerId }: { providerId: number }) {
  const provider = useAsync(() => getProvider(providerId), [providerId]);
  return (
    <View className='section'>
      <View className='section__title'>我的组织</View>
      <AsyncContent state={provider}>
        {(org) => (
          <View className='card'>
            <View className='card__title'>{org.name}</View>
            <View className='tag-list'>
              <View className='tag'>{PROVIDER_KIND_LABELS[org.kind]}</View>
              <View className='tag'>{VERIFICATION_LABELS[org.verification]}</View>
            </View>
            {org.description && <View className='card__meta'>{org.description}</View>}
            <View className='card__meta'>成员 {org.memberCount} 人</View>
            <View className='card__meta'>
              联系人：{org.contactName} {org.contactPhone}
            </View>
          </View>
        )}
      </AsyncContent>
    </View>
  );
}

function ProviderHome({ me }: { me: MeResponse }) {
  const provider = me.scopes.provider;
  if (!provider) return <EmptyState title='您还没有加入服务方组织' hint='请联系组织负责人或审核员' />;
  return (
    <>
      <View className='section'>
        <View className='section__title'>服务项目</View>
        <LinkList links={WORKSPACES.provider?.links ?? []} />
      </View>
      <Organisation providerId={provider.id} />
    </>
  );
}

export default function ProviderHomePage() {
  useFreshMe();
  return (
    <PageShell>
      <RoleGate role='provider'>{(me) => <ProviderHome me={me} />}</RoleGate>
    </PageShell>
  );
}
