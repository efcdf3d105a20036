import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Shows loading and failure of a query the same way everywhere, and the content once it is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Spinner aria-label={t('app.loading')} />;
  if (query.isError) {
    return (
      <Alert data-color="danger">
        <Paragraph>{t('app.loadFailed')}</Paragraph>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
