import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PagedList } from './admin-api';

/** How many rows the table shows, said politely to screen readers when a filter changes it. */
export function ListCount({ count, more, paged }: { count: string; more: string; paged: PagedList }) {
  return (
    <Paragraph role="status" className="muted">
      {paged.hasMore ? `${count}. ${more}` : count}
    </Paragraph>
  );
}

/** The next page of a long list ("Vis flere"), added below the rows already shown. */
export function LoadMore({ paged }: { paged: PagedList }) {
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
