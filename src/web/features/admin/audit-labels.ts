import type { i18n as I18n, TFunction } from 'i18next';
import type { Locale } from '../../../shared/contracts/common';
import { formatDate, formatDateTime } from '../../shared/format';
import type { Bindings } from './users.api';

/** Looks a code up under a catalogue section; a code the catalogue does not know is shown as it is. */
function wordFor(t: TFunction, i18n: I18n, section: string, code: string): string | null {
  if (!/^[A-Za-z]+(\.[A-Za-z]+)?$/.test(code)) return null;
  const key = `admin.audit.${section}.${code}`;
  if (!i18n.exists(key)) return null;
  const word: unknown = t(key, { returnObjects: true });
  return typeof word === 'string' ? word : null;
}

/** "membership.create" → "Medlemskap opprettet"; an action from a newer feature keeps its code. */
export const actionLabel = (t: TFunction, i18n: I18n, action: string) =>
  wordFor(t, i18n, 'actions', action) ?? action;

export const entityTypeLabel = (t: TFunction, i18n: I18n, type: string) =>
  wordFor(t, i18n, 'entityTypes', type) ?? type;

export const fieldLabel = (t: TFunction, i18n: I18n, field: string) =>
  wordFor(t, i18n, 'fields', field) ?? field;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A recorded value in words: dates the Norwegian way, yes/no, roles, languages and bound names. */
export function valueText(
  t: TFunction,
  locale: Locale,
  bindings: Bindings,
  field: string,
  value: unknown,
): string {
  if (value === null || value === undefined || value === '') return t('admin.audit.noValue');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    if (field === 'role' && ['admin', 'department', 'region', 'viewer'].includes(value))
      return t(`roles.${value}`);
    if ((field === 'locale' || field === 'writtenStandard') && ['nb', 'nn', 'en'].includes(value))
      return t(`languages.${value}`);
    if (field === 'departmentId' || field === 'regionId') return bindings.nameOf(value) ?? value;
    if (isoDate.test(value)) return formatDate(value, locale);
    if (isoMoment.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value, locale);
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const namingFields = ['name', 'municipalityName', 'email'];

/** What the record is called, if the event says: "Kari Nordmann", "Hallingdal", or a sign-in's e-mail. */
export function recordName(before: unknown, after: unknown): string | null {
  for (const field of namingFields) {
    for (const v of [after, before]) {
      if (typeof v !== 'object' || v === null) continue;
      const value: unknown = (v as Record<string, unknown>)[field];
      if (typeof value === 'string' && value) return value;
    }
  }
  return null;
}
