import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../shared/components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <Paragraph>{t('app.notFoundBody')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('app.toStart')}</Link>
      </Paragraph>
    </Page>
  );
}
