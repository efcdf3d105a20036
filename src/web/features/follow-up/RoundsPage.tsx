import { Button, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import type { ReportingRound } from '../../../shared/contracts/follow-up';
import { ListCount } from '../../shared/components/ListCount';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { useCurrentCycle } from '../../shared/current-cycle';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { followUpPaths, useRounds } from './follow-up.api';
import { OpenRoundDialog } from './OpenRoundDialog';

/**
 * "Rapporteringsrunder": the reporting rounds of the cycle chosen in the top bar, the latest deadline first.
 * The coordinator opens a round here.
 */
export function RoundsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { cycles, cycle } = useCurrentCycle();
  const [opening, setOpening] = useState(false);
  return (
    <Page
      title={t('followUp.rounds.title')}
      actions={
        me.role === 'admin' && cycle ? (
          <Button onClick={() => setOpening(true)}>{t('followUp.rounds.open')}</Button>
        ) : undefined
      }
    >
      <Notice fromNavigation />
      <Paragraph>{t('followUp.rounds.intro')}</Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleRounds cycleId={cycle.id} cycleName={cycle.name} />
          ) : (
            <Card>
              <Paragraph>{t('followUp.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
      {cycle && (
        <OpenRoundDialog
          open={opening}
          cycleId={cycle.id}
          onClose={() => setOpening(false)}
          onDone={(round) => {
            setOpening(false);
            navigate(followUpPaths.round(round.id), {
              state: { notice: t('followUp.rounds.opened', { name: round.name }) },
            });
          }}
        />
      )}
    </Page>
  );
}

function CycleRounds({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const rounds = useRounds(cycleId);
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('followUp.rounds.listHeading', { cycle: cycleName })}
      </Heading>
      <QueryState query={rounds}>
        {(items) => (
          <>
            <ListCount count={t('followUp.rounds.count', { count: items.length })} />
            {items.length === 0 ? (
              <Card>
                <Paragraph>{t('followUp.rounds.empty')}</Paragraph>
              </Card>
            ) : (
              <RoundTable rounds={items} labelledBy={headingId} />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function RoundTable({ rounds, labelledBy }: { rounds: ReportingRound[]; labelledBy: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="table-wrap">
      <Table aria-labelledby={labelledBy} zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('followUp.rounds.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followUp.rounds.columns.deadline')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followUp.rounds.columns.state')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followUp.rounds.columns.submitted')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rounds.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>
                <Link to={followUpPaths.round(r.id)}>{r.name}</Link>
              </Table.Cell>
              <Table.Cell>{formatShortDate(r.deadline, locale)}</Table.Cell>
              <Table.Cell>
                {r.publishedAt ? t('followUp.roundState.published') : t(`followUp.roundState.${r.state}`)}
              </Table.Cell>
              <Table.Cell>
                {t('followUp.rounds.submittedOf', { submitted: r.submitted, total: r.commitments })}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
