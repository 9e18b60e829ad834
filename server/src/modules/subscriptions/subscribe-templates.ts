import type { SubscribeTemplateKey } from '@hall-menu/shared';

/** Which field of a WeChat template receives our title, body and time. */
export interface TemplateFields {
  title: string;
  body: string;
  time: string;
}

export interface TemplateSetup {
  templateId: string;
  fields: TemplateFields;
}

/** Fields used when the configuration names only the template id: pick library templates with thing1, thing2, time3. */
export const DEFAULT_TEMPLATE_FIELDS: TemplateFields = { title: 'thing1', body: 'thing2', time: 'time3' };

/**
 * Reads one WECHAT_TEMPLATE_* value: `<template id>` or `<template id>:title=thing1,body=thing4,time=date2`.
 * Throws on a malformed value so a misconfigured server does not start.
 */
export function parseTemplateSetup(key: SubscribeTemplateKey, value: string | undefined): TemplateSetup | null {
  if (!value) return null;
  const [templateId, mapping] = value.split(':', 2);
  const problem = (why: string) => new Error(`Invalid configuration:\n  WECHAT_TEMPLATE_${key.toUpperCase()}: ${why}`);
  if (!/^[\w-]+$/.test(templateId)) throw problem('the template id may only hold letters, digits, - and _');
  const fields = { ...DEFAULT_TEMPLATE_FIELDS };
  for (const pair of mapping ? mapping.split(',') : []) {
    const [part, field] = pair.split('=').map((s) => s.trim());
    if (!['title', 'body', 'time'].includes(part) || !/^[a-z_]+\d+$/.test(field ?? '')) {
      throw problem(`"${pair}" should look like title=thing1, body=thing2 or time=time3`);
    }
    fields[part as keyof TemplateFields] = field;
  }
  return { templateId, fields };
}

const beijing = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString();

/**
 * A value as WeChat accepts it for the field's kind: thing ≤ 20 characters, phrase ≤ 5, character_string ≤ 32,
 * time as "2026-05-01 14:00" and date as "2026-05-01" (Beijing time).
 */
export function templateValue(field: string, value: string | Date): string {
  if (value instanceof Date) {
    const text = beijing(value);
    return field.startsWith('date') ? text.slice(0, 10) : `${text.slice(0, 10)} ${text.slice(11, 16)}`;
  }
  const limit = field.startsWith('phrase') ? 5 : field.startsWith('character_string') ? 32 : 20;
  const chars = [...value];
  return chars.length <= limit ? value : `${chars.slice(0, limit - 1).join('')}…`;
}
