import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { usePagedList } from './paged-list';

type Paged = Pick<ReturnType<typeof usePagedList>, 'hasMore' | 'loadingMore' | 'loadMore'>;

/** How many rows the table shows, announced politely when a search changes it. */
export function ListCount({ paged, count }: { paged?: Paged; count: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" className="muted">
      {count}
      {paged?.hasMore ? ` ${t('registry.moreExist')}` : ''}
    </Paragraph>
  );
}

/** The next page of a long list, added below the rows already shown. */
export function LoadMore({ paged }: { paged: Paged }) {
  const { t } = useTranslation();
  if (!paged.hasMore) return null;
  return (
    <div>
      <Button variant="secondary" onClick={paged.loadMore} disabled={paged.loadingMore}>
        {t('common.loadMore')}
      </Button>
    </div>
  );
}
