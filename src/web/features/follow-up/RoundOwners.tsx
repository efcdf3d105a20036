import { Heading, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundOwner } from '../../../shared/contracts/follow-up';
import { ListCount, LoadMore } from '../../shared/components/ListCount';

/** How many owners the table shows at first, and how many more each «Vis flere» adds. */
const ownersPage = 50;

/**
 * Who has and has not reported: each owner with how many of its commitments it has submitted, those with
 * the most left first. A national round has a department for each of the county's and a row for each
 * region's own commitments, over a thousand: the table shows fifty at a time, from the answer it already
 * has, with the count said as for the other long lists.
 */
export function RoundOwners({ owners }: { owners: RoundOwner[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [shown, setShown] = useState(ownersPage);
  const visible = owners.slice(0, shown);
  const paged = {
    hasMore: owners.length > shown,
    loadingMore: false,
    loadMore: () => {
      setShown((n) => n + ownersPage);
      return undefined;
    },
  };
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('followUp.round.ownersHeading')}
      </Heading>
      {owners.length > ownersPage && (
        <ListCount
          count={t('followUp.round.ownersCount', { count: visible.length, total: owners.length })}
          more={t('followUp.round.countMore')}
          paged={paged}
        />
      )}
      <div className="table-wrap">
        <Table aria-labelledby={headingId} zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('followUp.round.columns.owner')}</Table.HeaderCell>
              <Table.HeaderCell>{t('followUp.round.columns.reported')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {visible.map((o) => (
              <Table.Row
                key={o.owner.type === 'department' ? o.owner.department.id : `region-${o.region?.id}`}
              >
                <Table.Cell>
                  {o.owner.type === 'department'
                    ? o.owner.department.name
                    : t('followUp.round.regionOwner', { region: o.region?.name ?? '' })}
                </Table.Cell>
                <Table.Cell>
                  {o.submitted === o.commitments
                    ? t('followUp.round.ownerDone', { total: o.commitments })
                    : t('followUp.round.ownerMissing', {
                        missing: o.commitments - o.submitted,
                        total: o.commitments,
                      })}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <LoadMore paged={paged} />
    </section>
  );
}
