import { Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import type { CaseSummary } from '../../../shared/contracts/cases';
import { ListCount } from '../../shared/components/ListCount';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { useCurrentCycle } from '../../shared/current-cycle';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { BatchPlanner } from './BatchPlanner';
import { politicalPaths, useCases } from './political.api';

/**
 * "Saker": the political cases of the cycle chosen in the top bar. The coordinator batches the ready
 * agreements into a case for the executive board here; everyone of the county reads the cases.
 */
export function CasesPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  return (
    <Page title={t('political.cases.title')}>
      <Notice fromNavigation />
      <Paragraph>{t('political.cases.intro')}</Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <>
              {me.role === 'admin' && <BatchPlanner cycleId={cycle.id} />}
              <CycleCases cycleId={cycle.id} cycleName={cycle.name} />
            </>
          ) : (
            <Card>
              <Paragraph>{t('political.cases.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
    </Page>
  );
}

function CycleCases({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const cases = useCases(cycleId);
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('political.cases.listHeading', { cycle: cycleName })}
      </Heading>
      <QueryState query={cases}>
        {(items) => (
          <>
            <ListCount count={t('political.cases.count', { count: items.length })} />
            {items.length === 0 ? (
              <Card>
                <Paragraph>{t('political.cases.empty')}</Paragraph>
              </Card>
            ) : (
              <CaseTable cases={items} labelledBy={headingId} />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** The cases, newest first: title, archive number, the regions, and each body's treatment. */
function CaseTable({ cases, labelledBy }: { cases: CaseSummary[]; labelledBy: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="table-wrap">
      <Table aria-labelledby={labelledBy} zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('political.cases.columns.title')}</Table.HeaderCell>
            <Table.HeaderCell>{t('political.cases.columns.archiveReference')}</Table.HeaderCell>
            <Table.HeaderCell>{t('political.cases.columns.regions')}</Table.HeaderCell>
            <Table.HeaderCell>{t('political.cases.columns.treatments')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {cases.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>
                <Link to={politicalPaths.case(c.id)}>{c.title}</Link>
              </Table.Cell>
              <Table.Cell>
                {c.archiveReference ?? <span className="muted">{t('political.none')}</span>}
              </Table.Cell>
              <Table.Cell>
                {c.regions.length > 4
                  ? t('political.cases.regionCount', { count: c.regions.length })
                  : c.regions.join(', ')}
              </Table.Cell>
              <Table.Cell>
                <ul className="political-plain-list">
                  {c.treatments.map((tr) => (
                    <li key={`${tr.bodyName}-${tr.role}`}>
                      {t(tr.caseNumber ? 'political.cases.treatmentNumbered' : 'political.cases.treatment', {
                        body: tr.bodyName,
                        role: t(`political.role.${tr.role}`),
                        date: tr.date ? formatShortDate(tr.date, locale) : t('political.cases.noMeeting'),
                        number: tr.caseNumber,
                      })}
                    </li>
                  ))}
                </ul>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
