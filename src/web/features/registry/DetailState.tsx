import { Paragraph } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../shared/api';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';

/** One thing of the registry: a page that says so when it does not exist, with the way back to its list. */
export function DetailState<T>({
  query,
  back,
  children,
}: {
  query: UseQueryResult<T>;
  back: { to: string; label: string };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
    return (
      <Page title={t('app.notFoundTitle')}>
        <Paragraph>{t('registry.notFound')}</Paragraph>
        <Paragraph>
          <Link to={back.to}>{back.label}</Link>
        </Paragraph>
      </Page>
    );
  }
  return <QueryState query={query}>{children}</QueryState>;
}
