import { Alert, Button, Card, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListCount } from '../../shared/components/ListCount';
import type { usePagedList } from '../../shared/use-paged-list';

type Paged = Pick<ReturnType<typeof usePagedList>, 'list' | 'items' | 'hasMore' | 'loadingMore' | 'loadMore'>;

/**
 * A list's loading, failure and emptiness, said the same way on every registry page. An empty search
 * says that nothing matched; an empty section says what it is for and what to do first. The count stays
 * in place while a new search loads, so screen readers hear it change.
 */
export function ListState({
  paged,
  q,
  count,
  empty,
  children,
}: {
  paged: Paged;
  q: string;
  count: string;
  empty: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (paged.list.isPending) return <Spinner aria-label={t('app.loading')} />;
  if (paged.list.isError) {
    return (
      <Alert data-color="danger">
        <Paragraph>{t('app.loadFailed')}</Paragraph>
        <Button variant="secondary" onClick={() => void paged.list.refetch()}>
          {t('app.retry')}
        </Button>
      </Alert>
    );
  }
  return (
    <>
      <ListCount paged={paged} count={count} more={t('registry.moreExist')} />
      {paged.items.length === 0 ? (
        <Card data-color="neutral">{q ? <Paragraph>{t('registry.noMatch', { q })}</Paragraph> : empty}</Card>
      ) : (
        children
      )}
    </>
  );
}
