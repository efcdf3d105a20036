import { Heading, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type HearingOverview, wholeDocument } from '../../../shared/contracts/hearings';
import { useUrlParams, withChanges } from '../../shared/url-state';

/**
 * Per invited region and per section: how many inputs came in and how many are still unanswered (of what
 * the person may see, before the filters). Each name filters the inputs below to it.
 */
export function Tallies({ overview }: { overview: HearingOverview }) {
  const { t } = useTranslation();
  const { params } = useUrlParams();
  const filterTo = (changes: Record<string, string>) => ({ search: withChanges(params, changes).toString() });
  return (
    <div className="hearings-tallies">
      <section aria-labelledby="tally-regions" className="stack hearings-tight">
        <Heading level={2} data-size="xs" id="tally-regions">
          {t('hearings.tallies.perRegion')}
        </Heading>
        <div className="table-wrap">
          <Table aria-labelledby="tally-regions" data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('hearings.tallies.region')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.tallies.inputs')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.tallies.late')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.tallies.unanswered')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {overview.regions.map((r) => (
                <Table.Row key={r.region.id}>
                  <Table.HeaderCell scope="row">
                    {r.inputs > 0 ? (
                      <Link to={filterTo({ region: r.region.id, section: '' })} replace>
                        {r.region.name}
                      </Link>
                    ) : (
                      r.region.name
                    )}
                  </Table.HeaderCell>
                  <Table.Cell>{r.inputs}</Table.Cell>
                  <Table.Cell>{r.late}</Table.Cell>
                  <Table.Cell>{r.unanswered}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>
      <section aria-labelledby="tally-sections" className="stack hearings-tight">
        <Heading level={2} data-size="xs" id="tally-sections">
          {t('hearings.tallies.perSection')}
        </Heading>
        <div className="table-wrap">
          <Table aria-labelledby="tally-sections" data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('hearings.tallies.section')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.tallies.inputs')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.tallies.unanswered')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {overview.sections.map((s) => {
                const title = s.title ?? t('hearings.input.wholeDocument');
                return (
                  <Table.Row key={s.key ?? wholeDocument}>
                    <Table.HeaderCell scope="row">
                      {s.inputs > 0 ? (
                        <Link to={filterTo({ section: s.key ?? wholeDocument, region: '' })} replace>
                          {title}
                        </Link>
                      ) : (
                        title
                      )}
                    </Table.HeaderCell>
                    <Table.Cell>{s.inputs}</Table.Cell>
                    <Table.Cell>{s.unanswered}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      </section>
    </div>
  );
}
