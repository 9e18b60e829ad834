import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { RULE_SCHEMAS, type RuleDto, type RuleKey } from '@hall-menu/shared';
import { listRules, ruleChanges, updateRule } from '../../../../api/admin';
import { AsyncContent } from '../../../../components/StateViews';
import { Field, FormError } from '../../../../components/Field';
import { useAsync } from '../../../../hooks/use-async';
import { formatDateTime } from '../../../../utils/format';
import { errorsFromZod, useForm } from '../../../../utils/form-errors';
import { AdminContent } from '../../components/AdminContent';
import { AdminPage, type Official } from '../../components/AdminPage';
import { confirmed, toastDone } from '../../components/actions';
import { MATCH_WEIGHT_KEYS, MATCH_WEIGHT_LABELS, formatRuleValue, type MatchWeightKey } from '../../format';
import '../../admin.scss';

/** A typed number, or undefined for an empty box (the schema then says what is missing). */
const typedNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The value the rule's own schema checks, built from what was typed. */
function ruleValueFromText(key: RuleKey, text: string, weights: Record<MatchWeightKey, string>): unknown {
  if (key === 'matchWeights') return Object.fromEntries(MATCH_WEIGHT_KEYS.map((k) => [k, typedNumber(weights[k])]));
  return typedNumber(text);
}

function RuleEditor({ rule, onSaved, onCancel }: { rule: RuleDto; onSaved: (rule: RuleDto) => void; onCancel: () => void }) {
  const isWeights = rule.key === 'matchWeights';
  const current = (rule.value ?? {}) as Record<string, unknown>;
  const [text, setText] = useState(isWeights ? '' : String(rule.value));
  const [weights, setWeights] = useState(() => Object.fromEntries(MATCH_WEIGHT_KEYS.map((k) => [k, String(current[k] ?? 0)])) as Record<MatchWeightKey, string>);
  const [reason, setReason] = useState('');
  const { errors, failure, busy, send, showInvalid } = useForm();

  async function save() {
    if (busy) return;
    const checked = RULE_SCHEMAS[rule.key].safeParse(ruleValueFromText(rule.key, text, weights));
    if (!checked.success) {
      const found = errorsFromZod(checked.error);
      // A message about the whole set of weights (every weight 0) has no field of its own.
      return showInvalid(isWeights ? found : { value: Object.values(found)[0] }, isWeights && found[''] ? found[''] : null);
    }
    const shown = formatRuleValue(rule.key, rule.unit, checked.data);
    if (!(await confirmed('修改规则', `「${rule.label}」改为 ${shown}，保存后对之后的业务立即生效。`, '保存'))) return;
    await send(async () => {
      onSaved(await updateRule(rule.key, checked.data, reason.trim() || undefined));
      toastDone('规则已保存');
    });
  }

  return (
    <View className='spaced'>
      <FormError message={failure} />
      {isWeights ? (
        <View className='weights-grid'>
          {MATCH_WEIGHT_KEYS.map((k) => (
            <Field key={k} label={MATCH_WEIGHT_LABELS[k]} error={errors[k]}>
              <Input className='input' type='digit' value={weights[k]} maxlength={5} placeholder='0 到 100' onInput={(e) => setWeights((w) => ({ ...w, [k]: e.detail.value }))} />
            </Field>
          ))}
        </View>
      ) : (
        <Field label={`新的取值（${rule.unit}）`} required error={errors.value}>
          <Input className='input' type='number' value={text} maxlength={6} placeholder={`默认 ${String(rule.defaultValue)}`} onInput={(e) => setText(e.detail.value)} />
        </Field>
      )}
      <Field label='修改原因' hint='可不填，会记入修改记录' error={errors.reason}>
        <Input className='input' value={reason} maxlength={200} placeholder='例如：农忙季节延长答复时间' onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <View className='button-row'>
        <Button className='btn' onClick={onCancel}>
          取消
        </Button>
        <Button className='btn btn--primary' disabled={busy} onClick={save}>
          {busy ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  );
}

function RuleHistory({ rule }: { rule: RuleDto }) {
  const changes = useAsync(() => ruleChanges(rule.key), [rule.key, rule.updatedAt]);
  return (
    <View className='spaced'>
      <AsyncContent state={changes} isEmpty={(list) => list.length === 0} empty={<View className='card__meta'>还没有修改过，一直是默认值</View>}>
        {(list) => (
          <View>
            {list.map((change) => (
              <View key={change.id} className='timeline__item'>
                <View className='timeline__title'>
                  {formatRuleValue(rule.key, rule.unit, change.oldValue)} → {formatRuleValue(rule.key, rule.unit, change.newValue)}
                </View>
                <View className='card__meta'>
                  {change.changedBy?.nickname ?? '系统'} · {formatDateTime(change.changedAt)}
                </View>
                {change.reason && <View className='card__meta'>原因：{change.reason}</View>}
              </View>
            ))}
          </View>
        )}
      </AsyncContent>
    </View>
  );
}

function RuleCard({ rule: initial, canEdit }: { rule: RuleDto; canEdit: boolean }) {
  const [rule, setRule] = useState(initial);
  const [mode, setMode] = useState<'view' | 'edit' | 'history'>('view');
  useEffect(() => setRule(initial), [initial]);

  return (
    <View className='card'>
      <View className='card__head'>
        <View className='card__title'>{rule.label}</View>
        <View className={rule.isDefault ? 'status-tag status-tag--ended' : 'status-tag status-tag--waiting'}>{rule.isDefault ? '默认' : '已修改'}</View>
      </View>
      <View className='card__meta'>{rule.description}</View>
      <View className='spaced'>
        当前：<Text className='rule-value'>{formatRuleValue(rule.key, rule.unit, rule.value)}</Text>
      </View>
      {!rule.isDefault && <View className='card__meta'>默认：{formatRuleValue(rule.key, rule.unit, rule.defaultValue)}</View>}
      {rule.updatedAt && (
        <View className='card__meta'>
          最近修改：{rule.updatedBy?.nickname ?? '系统'} · {formatDateTime(rule.updatedAt)}
        </View>
      )}
      {mode === 'edit' ? (
        <RuleEditor
          rule={rule}
          onCancel={() => setMode('view')}
          onSaved={(saved) => {
            setRule(saved);
            setMode('view');
          }}
        />
      ) : (
        <View className='button-row'>
          {canEdit && (
            <Button className='btn' onClick={() => setMode('edit')}>
              修改
            </Button>
          )}
          <Button className='btn' onClick={() => setMode(mode === 'history' ? 'view' : 'history')}>
            {mode === 'history' ? '收起修改记录' : '修改记录'}
          </Button>
        </View>
      )}
      {mode === 'history' && <RuleHistory rule={rule} />}
    </View>
  );
}

function Rules({ official }: { official: Official }) {
  const rules = useAsync(listRules, []);
  return (
    <>
      {!official.isAdmin && <View className='notice'>平台规则由平台管理员修改，您可以查看当前取值和修改记录。</View>}
      <View className='section'>
        <AdminContent state={rules}>
          {(list) => (
            <View className='admin-grid'>
              {list.map((rule) => (
                <RuleCard key={rule.key} rule={rule} canEdit={official.isAdmin} />
              ))}
            </View>
          )}
        </AdminContent>
      </View>
    </>
  );
}

export default function AdminRulesPage() {
  return (
    <AdminPage section='rules' title='平台规则'>
      {(official) => <Rules official={official} />}
    </AdminPage>
  );
}
