import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/contracts/common';
import { applyLocale, currentLocale } from '../../shared/i18n';
import { useMe, useSetLocale } from './auth.api';

/**
 * The languages to choose from, every Locale once (the type checks it). Not the contract's `Locale` schema:
 * the sign-in page and the header would load zod for it, which their first script leaves out.
 */
const known: Record<Locale, true> = { nb: true, nn: true, en: true };
const locales = Object.keys(known) as Locale[];
const isLocale = (value: string): value is Locale => Object.hasOwn(known, value);

/** Bokmål, nynorsk or English: remembered for the signed-in person, and in the browser before sign-in. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const me = useMe();
  const setLocale = useSetLocale();
  return (
    <Field data-size="sm">
      <Label>{t('header.language')}</Label>
      <Select
        value={currentLocale()}
        onChange={(e) => {
          const locale = e.target.value;
          if (!isLocale(locale)) return;
          if (me.data) setLocale.mutate(locale);
          else void applyLocale(locale);
        }}
      >
        {locales.map((l) => (
          <Select.Option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
