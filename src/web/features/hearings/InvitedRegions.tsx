import { Heading, List, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/contracts/auth';
import type { Hearing, RegionTally } from '../../../shared/contracts/hearings';

/**
 * The invited regions and who has answered. While the hearing is open a region contact sees only their own
 * region's input, and a department editor none, so for them the list names the regions without saying
 * who answered: zeros would be a false picture of input they may not see yet.
 */
export function InvitedRegions({
  hearing,
  tallies,
  me,
}: {
  hearing: Hearing;
  tallies: readonly RegionTally[];
  me: Me;
}) {
  const { t } = useTranslation();
  const open = hearing.state === 'open';
  const seesAll = me.role === 'admin' || me.role === 'viewer' || !open;
  const byRegion = new Map(tallies.map((r) => [r.region.id, r]));
  const answered = tallies.filter((r) => r.inputs > 0).length;

  return (
    <section aria-labelledby="invited-regions" className="stack hearings-tight">
      <Heading level={2} data-size="sm" id="invited-regions">
        {t('hearings.regions.title')}
      </Heading>
      {seesAll ? (
        <>
          <Paragraph>
            {t('hearings.regions.answered', { count: answered, total: hearing.invitedRegions.length })}
          </Paragraph>
          <div className="table-wrap">
            <Table aria-label={t('hearings.regions.tableLabel')} data-size="sm">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('hearings.regions.region')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('hearings.regions.inputs')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('hearings.regions.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {hearing.invitedRegions.map((r) => {
                  const tally = byRegion.get(r.id);
                  const inputs = tally?.inputs ?? 0;
                  return (
                    <Table.Row key={r.id}>
                      <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
                      <Table.Cell>
                        {inputs}
                        {tally && tally.late > 0 && (
                          <span className="muted"> {t('hearings.regions.late', { count: tally.late })}</span>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        {inputs > 0 ? (
                          <Tag data-color="success">{t('hearings.regions.hasAnswered')}</Tag>
                        ) : (
                          <Tag data-color="neutral" variant="outline">
                            {t('hearings.regions.notAnswered')}
                          </Tag>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        </>
      ) : (
        <>
          <Paragraph>
            {me.role === 'region'
              ? t('hearings.regions.onlyOwnWhileOpen')
              : t('hearings.regions.hiddenWhileOpen')}
          </Paragraph>
          <List.Unordered className="hearings-columns">
            {hearing.invitedRegions.map((r) => (
              <List.Item key={r.id}>{r.name}</List.Item>
            ))}
          </List.Unordered>
        </>
      )}
    </section>
  );
}
