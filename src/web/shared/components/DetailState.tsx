import { Paragraph } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api';
import { Page } from './Page';
import { QueryState } from './QueryState';

/**
 * One thing read by its id (a region, a user, an e-mail): a page that says so when it does not exist (or the
 * id in the address is not one), with the way back to its list; loading and failure as everywhere else.
 */
export function DetailState<T>({
  query,
  back,
  notFound,
  children,
}: {
  query: UseQueryResult<T>;
  back: { to: string; label: string };
  /** What is missing, in words: "Vi fant ikke …". */
  notFound: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
    return (
      <Page title={t('app.notFoundTitle')}>
        <Paragraph>{notFound}</Paragraph>
        <Paragraph>
          <Link to={back.to}>{back.label}</Link>
        </Paragraph>
      </Page>
    );
  }
  return <QueryState query={query}>{children}</QueryState>;
}
