import { Paragraph } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../shared/api';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';

/** A page about one version: says so when the version does not exist, with the way back to the overview. */
export function VersionState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
    return (
      <Page title={t('app.notFoundTitle')}>
        <Paragraph>{t('generalPart.version.notFound')}</Paragraph>
        <Paragraph>
          <Link to="/general-part">{t('generalPart.backToOverview')}</Link>
        </Paragraph>
      </Page>
    );
  }
  return <QueryState query={query}>{children}</QueryState>;
}
