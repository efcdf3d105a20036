import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Representation } from '../../../shared/contracts/meetings';
import { intlLocale } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';

/**
 * Who represents whom at a collaboration or final meeting, as the server counts it: the sides, the county's
 * departments, and a warning for each thing out of proportion (a department with contributions for the
 * region and nobody there; the county's side more than the cycle's ratio times the region's).
 */
export function RepresentationSection({ representation: r }: { representation: Representation }) {
  const { t } = useTranslation();
  const headingId = useId();
  const ratio = new Intl.NumberFormat(intlLocale(currentLocale())).format(r.ratio);
  const regionSide = r.sides.region + r.sides.municipality;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('meetings.representation.heading')}
      </Heading>
      {r.absentDepartments.length > 0 && (
        <Alert data-color="warning">
          <Paragraph>
            {t('meetings.representation.absent', {
              count: r.absentDepartments.length,
              departments: r.absentDepartments.map((d) => d.name).join(', '),
            })}
          </Paragraph>
        </Alert>
      )}
      {r.countyOutnumbers && (
        <Alert data-color="warning">
          <Paragraph>
            {t('meetings.representation.outnumbers', {
              county: r.sides.county,
              region: regionSide,
              ratio,
            })}
          </Paragraph>
        </Alert>
      )}
      <Paragraph>
        {t('meetings.representation.sides', {
          county: r.sides.county,
          region: r.sides.region,
          municipality: r.sides.municipality,
          ratio,
        })}
      </Paragraph>
      {r.departments.length > 0 && (
        <div className="table-wrap">
          <Table aria-labelledby={headingId} zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('meetings.representation.department')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meetings.representation.participants')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meetings.representation.contributions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {r.departments.map((d) => (
                <Table.Row key={d.department.id}>
                  <Table.Cell>{d.department.name}</Table.Cell>
                  <Table.Cell>{d.participants}</Table.Cell>
                  <Table.Cell>{d.hasContributions ? t('common.yes') : t('common.no')}</Table.Cell>
                </Table.Row>
              ))}
              {r.countyWithoutDepartment > 0 && (
                <Table.Row>
                  <Table.Cell>{t('meetings.representation.withoutDepartment')}</Table.Cell>
                  <Table.Cell>{r.countyWithoutDepartment}</Table.Cell>
                  <Table.Cell />
                </Table.Row>
              )}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
