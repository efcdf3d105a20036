import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PagedList } from '../use-paged-list';

/**
 * How many rows the table shows, said politely to screen readers when a filter changes it. When the list
 * has more pages, `more` follows as a sentence of its own and says how to get them.
 */
export function ListCount(
  props: { count: string } & ({ paged?: never } | { paged: PagedList; more: string }),
) {
  const text = props.paged?.hasMore && 'more' in props ? `${props.count}. ${props.more}` : props.count;
  return (
    <Paragraph role="status" className="muted">
      {text}
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
