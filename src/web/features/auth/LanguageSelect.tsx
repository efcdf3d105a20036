import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Locale, locales } from '../../../shared/contracts/common';
import { applyLocale, currentLocale } from '../../shared/i18n';
import { useMe, useSetLocale } from './auth.api';

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
          const locale = Locale.parse(e.target.value);
          if (me.data) setLocale.mutate(locale);
          else applyLocale(locale);
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
