import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { INVITE_STATUS_LABELS, INVITE_STATUSES, type AdminHallDto, type InviteDto, type InviteKind, type InviteStatus, type ProviderDto } from '@hall-menu/shared';
import { createInvite, listAdminHalls, listInvites, revokeInvite, searchProviders } from '../../../../api/admin';
import { errorMessage } from '../../../../api/api-error';
import { ChipGroup } from '../../../../components/Chips';
import { Field, FormError } from '../../../../components/Field';
import { EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { formatDateTime } from '../../../../utils/format';
import { useForm } from '../../../../utils/form-errors';
import { AdminContent } from '../../components/AdminContent';
import { AdminPage } from '../../components/AdminPage';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { SearchPicker } from '../../components/SearchPicker';
import { confirmed, toastDone } from '../../components/actions';
import '../../admin.scss';

const PAGE_SIZE = 20;
const KIND_LABELS: Record<InviteKind, string> = { hall_manager: '礼堂管理员', provider: '服务方成员' };
const STATUS_TONES: Record<InviteStatus, string> = { pending: 'waiting', redeemed: 'ok', expired: 'ended', revoked: 'ended' };
const EXPIRY_OPTIONS = [3, 7, 14, 30].map((days) => ({ value: days, label: `${days} 天` }));

type Target = { kind: 'hall_manager'; hall: AdminHallDto } | { kind: 'provider'; provider: ProviderDto };

/** The code, once: big enough to read out on the phone, with a copy button. */
function NewCode({ invite, onDone }: { invite: InviteDto; onDone: () => void }) {
  const target = invite.hall?.name ?? invite.provider?.name ?? '';
  return (
    <View className='card ticket'>
      <View className='card__title'>邀请码已生成</View>
      <View className='invite-code'>{invite.code}</View>
      <View className='ticket__hint'>
        邀请对方成为{target}的{KIND_LABELS[invite.kind]}，{formatDateTime(invite.expiresAt)} 前有效，只能使用一次。
      </View>
      <View className='notice notice--error notice--inline spaced'>邀请码只显示这一次，请现在复制或记下发给对方。对方用微信登录后，在「我的 → 输入邀请码」填写。</View>
      <View className='button-row'>
        <Button className='btn btn--primary' onClick={() => Taro.setClipboardData({ data: invite.code ?? '' }).catch(() => undefined)}>
          复制邀请码
        </Button>
        <Button className='btn' onClick={onDone}>
          我已记下
        </Button>
      </View>
    </View>
  );
}

function CreateInvite({ onCreated }: { onCreated: () => void }) {
  const [kind, setKind] = useState<InviteKind>('hall_manager');
  const [target, setTarget] = useState<Target | null>(null);
  const [days, setDays] = useState(7);
  const [created, setCreated] = useState<InviteDto | null>(null);
  const { failure, clearFailure, busy, send, showInvalid } = useForm({ oneMessage: true });

  function create() {
    if (busy) return;
    if (!target) return showInvalid({}, kind === 'hall_manager' ? '请先选择礼堂' : '请先选择服务方');
    return send(async () => {
      const invite = await createInvite(target.kind === 'hall_manager' ? { kind: 'hall_manager', hallId: target.hall.id, expiresInDays: days } : { kind: 'provider', providerId: target.provider.id, expiresInDays: days });
      setCreated(invite);
      setTarget(null);
      onCreated();
    });
  }

  if (created) return <NewCode invite={created} onDone={() => setCreated(null)} />;

  return (
    <View className='card'>
      <Field label='邀请对方成为' required>
        <ChipGroup
          options={(Object.keys(KIND_LABELS) as InviteKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          value={kind}
          onChange={(k) => {
            if (!k) return;
            setKind(k);
            setTarget(null);
            clearFailure();
          }}
        />
      </Field>
      <Field label={kind === 'hall_manager' ? '管理哪个礼堂' : '加入哪个服务方'} required>
        {target ? (
          <View className='pick-row'>
            <View className='pick-row__text'>{target.kind === 'hall_manager' ? target.hall.name : target.provider.name}</View>
            <Button className='btn btn--small' onClick={() => setTarget(null)}>
              重新选择
            </Button>
          </View>
        ) : kind === 'hall_manager' ? (
          <SearchPicker<AdminHallDto>
            placeholder='礼堂名称、村名或编号'
            search={(q) => listAdminHalls({ q: q || undefined, status: 'open', pageSize: 10 }).then((page) => page.items)}
            keyOf={(hall) => hall.id}
            describe={(hall) => ({ title: hall.name, meta: `${hall.regionPath} · 编号 ${hall.id}` })}
            actionLabel='选择'
            onPick={(hall) => setTarget({ kind: 'hall_manager', hall })}
          />
        ) : (
          <SearchPicker<ProviderDto>
            placeholder='服务方名称'
            search={(keyword) => searchProviders({ keyword: keyword || undefined, pageSize: 10 }).then((page) => page.items)}
            keyOf={(provider) => provider.id}
            describe={(provider) => ({ title: provider.name, meta: `联系人 ${provider.contactName}` })}
            actionLabel='选择'
            onPick={(provider) => setTarget({ kind: 'provider', provider })}
          />
        )}
      </Field>
      <Field label='有效期'>
        <ChipGroup compact options={EXPIRY_OPTIONS} value={days} onChange={(d) => d && setDays(d)} />
      </Field>
      <FormError message={failure} />
      <Button className='btn btn--primary btn--block' disabled={busy} onClick={create}>
        {busy ? '正在生成…' : '生成邀请码'}
      </Button>
    </View>
  );
}

function InviteList({ version }: { version: number }) {
  const [query, setQuery] = useState<{ status: InviteStatus | null; page: number }>({ status: null, page: 1 });
  const invites = useAsync(() => listInvites({ status: query.status ?? undefined, page: query.page, pageSize: PAGE_SIZE }), [query, version]);
  const [error, setError] = useState<string | null>(null);

  async function revoke(invite: InviteDto) {
    const target = invite.hall?.name ?? invite.provider?.name ?? '';
    if (!(await confirmed('作废邀请码', `作废后这个邀请码（${KIND_LABELS[invite.kind]} · ${target}）不能再使用。`, '作废'))) return;
    setError(null);
    try {
      await revokeInvite(invite.id);
      toastDone('已作废');
      invites.refresh();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  const columns: Column<InviteDto>[] = [
    {
      title: '邀请',
      primary: true,
      render: (invite) => (
        <>
          {invite.hall?.name ?? invite.provider?.name ?? '—'}
          <View className='data-table__sub'>{KIND_LABELS[invite.kind]}</View>
        </>
      ),
    },
    { title: '状态', render: (invite) => <View className={`status-tag status-tag--${STATUS_TONES[invite.status]}`}>{INVITE_STATUS_LABELS[invite.status]}</View> },
    { title: '创建', render: (invite) => `${invite.createdBy?.nickname ?? '—'} · ${formatDateTime(invite.createdAt)}` },
    { title: '有效期至', render: (invite) => formatDateTime(invite.expiresAt) },
    { title: '使用人', render: (invite) => (invite.redeemedBy ? `${invite.redeemedBy.nickname} · ${formatDateTime(invite.redeemedAt!)}` : '—') },
    {
      title: '操作',
      render: (invite) =>
        invite.status === 'pending' ? (
          <Button className='btn btn--small' onClick={() => revoke(invite)}>
            作废
          </Button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <ChipGroup<InviteStatus | 'all'>
        options={[{ value: 'all', label: '全部' }, ...INVITE_STATUSES.map((status) => ({ value: status, label: INVITE_STATUS_LABELS[status] }))]}
        value={query.status ?? 'all'}
        onChange={(status) => status && setQuery({ status: status === 'all' ? null : status, page: 1 })}
      />
      {error && <View className='notice notice--error notice--inline spaced'>{error}</View>}
      <View className='spaced'>
        <AdminContent state={invites}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title='没有邀请码' />
            ) : (
              <>
                <DataTable columns={columns} rows={page.items} keyOf={(invite) => invite.id} />
                <Pager page={query.page} pageSize={PAGE_SIZE} total={page.total} unit='个' onChange={(next) => setQuery((current) => ({ ...current, page: next }))} />
              </>
            )
          }
        </AdminContent>
      </View>
    </>
  );
}

function Invites() {
  // Bumped when a code is created, so the list below shows it.
  const [version, setVersion] = useState(0);
  return (
    <>
      <View className='section admin-narrow'>
        <View className='section__title'>生成邀请码</View>
        <CreateInvite onCreated={() => setVersion((v) => v + 1)} />
      </View>
      <View className='section'>
        <View className='section__title'>已生成的邀请码</View>
        <InviteList version={version} />
      </View>
    </>
  );
}

export default function AdminInvitesPage() {
  return (
    <AdminPage section='invites' title='邀请码'>
      {() => <Invites />}
    </AdminPage>
  );
}
