import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GeneralPart } from '../../../shared/contracts/general-part';
import { formatDate, formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { CreateDraftButton } from './CreateDraftButton';
import { VersionStateTag } from './VersionStateTag';

/**
 * Every version of the cycle's general part, newest first (a document's history reads best in the order it
 * was written, so the table is not re-sortable): its state, who made it and when, its approval, and links to
 * read it and to see what changed from the version before.
 */
export function VersionTable({ part, isAdmin }: { part: GeneralPart; isAdmin: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = 'gp-versions-heading';
  // The overview's draft card already offers a new draft from the version in force (or the newest).
  const offered = part.currentVersionId ?? part.versions[0]?.id;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <div className="row gp-between">
        <Heading level={3} data-size="xs" id={headingId}>
          {t('generalPart.versions.title')}
        </Heading>
        {part.versions.length > 1 && (
          <Link to="/general-part/compare">{t('generalPart.versions.compare')}</Link>
        )}
      </div>
      <Paragraph data-size="sm">{t('generalPart.versions.count', { count: part.versions.length })}</Paragraph>
      <div className="table-wrap">
        <Table aria-labelledby={headingId} zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('generalPart.versions.version')}</Table.HeaderCell>
              <Table.HeaderCell>{t('generalPart.versions.state')}</Table.HeaderCell>
              <Table.HeaderCell>{t('generalPart.versions.createdBy')}</Table.HeaderCell>
              <Table.HeaderCell>{t('generalPart.versions.createdAt')}</Table.HeaderCell>
              <Table.HeaderCell>{t('generalPart.versions.approval')}</Table.HeaderCell>
              <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {part.versions.map((v, i) => {
              const previous = part.versions[i + 1];
              return (
                <Table.Row key={v.id}>
                  <Table.Cell>
                    <Link to={`/general-part/versions/${v.id}`}>
                      {t('generalPart.versions.name', { number: v.number })}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <VersionStateTag state={v.state} />
                  </Table.Cell>
                  <Table.Cell>{v.createdBy?.name ?? t('generalPart.versions.system')}</Table.Cell>
                  <Table.Cell>{formatDateTime(v.createdAt, locale)}</Table.Cell>
                  <Table.Cell>
                    {v.approval
                      ? t('generalPart.versions.approvedOn', {
                          date: formatDate(v.approval.date, locale),
                          caseNumber: v.approval.caseNumber,
                        })
                      : '–'}
                  </Table.Cell>
                  <Table.Cell>
                    <div className="row gp-actions">
                      {previous && (
                        <Link to={`/general-part/compare?from=${previous.id}&to=${v.id}`}>
                          {t('generalPart.versions.compareWithPrevious', { number: previous.number })}
                          <span className="visually-hidden">
                            {' '}
                            {t('generalPart.versions.andVersion', { number: v.number })}
                          </span>
                        </Link>
                      )}
                      {isAdmin && !part.draftVersionId && v.state !== 'draft' && v.id !== offered && (
                        <CreateDraftButton sourceId={v.id} number={v.number} size="sm" />
                      )}
                    </div>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
