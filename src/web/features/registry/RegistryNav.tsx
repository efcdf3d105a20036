import { useTranslation } from 'react-i18next';
import { SubNav } from '../../shared/components/SubNav';

const parts = ['regions', 'municipalities', 'populations', 'departments', 'people'] as const;

/** The registry's own menu. */
export function RegistryNav() {
  const { t } = useTranslation();
  return (
    <SubNav
      label={t('registry.nav.label')}
      items={parts.map((part) => ({ to: `/register/${part}`, text: t(`registry.nav.${part}`) }))}
    />
  );
}
