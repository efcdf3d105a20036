import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** "Fylt ut av malen": the template wrote this and nobody has edited it yet, so read it before it goes. */
export function TemplateMark({ id }: { id?: string }) {
  const { t } = useTranslation();
  return (
    <Tag id={id} data-color="info" data-size="sm" className="political-template-mark">
      {t('political.template.mark')}
    </Tag>
  );
}
