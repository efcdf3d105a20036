import { Button, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import type { Commitment } from '../../../shared/contracts/follow-up';
import { ListCount } from '../../shared/components/ListCount';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { useCurrentCycle } from '../../shared/current-cycle';
import { currentLocale } from '../../shared/i18n';
import { CreateCommitmentDialog } from './CreateCommitmentDialog';
import { followUpPaths, useCommitments } from './follow-up.api';
import { formatNok, ownerName } from './follow-up-format';

/**
 * "Forpliktelser": the commitments of the cycle's agreements in force, with each one's latest status. The
 * coordinator adds one agreed outside the contributions here, and lands on its page.
 */
export function CommitmentsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { cycles, cycle } = useCurrentCycle();
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title={t('followUp.commitments.title')}
      actions={
        me.role === 'admin' && cycle ? (
          <Button onClick={() => setAdding(true)}>{t('followUp.createCommitment.button')}</Button>
        ) : undefined
      }
    >
      <Paragraph>{t('followUp.commitments.intro')}</Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleCommitments cycleId={cycle.id} cycleName={cycle.name} />
          ) : (
            <Card>
              <Paragraph>{t('followUp.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
      {cycle && (
        <CreateCommitmentDialog
          cycleId={cycle.id}
          open={adding}
          onClose={() => setAdding(false)}
          onDone={(made) => {
            setAdding(false);
            navigate(followUpPaths.commitment(made.id), {
              state: { notice: t('followUp.createCommitment.created', { title: made.title }) },
            });
          }}
        />
      )}
    </Page>
  );
}

function CycleCommitments({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const commitments = useCommitments(cycleId);
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('followUp.commitments.listHeading', { cycle: cycleName })}
      </Heading>
      <QueryState query={commitments}>
        {(items) => (
          <>
            <ListCount count={t('followUp.commitments.count', { count: items.length })} />
            {items.length === 0 ? (
              <Card>
                <Paragraph>{t('followUp.commitments.empty')}</Paragraph>
              </Card>
            ) : (
              <CommitmentTable items={items} labelledBy={headingId} />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function CommitmentTable({ items, labelledBy }: { items: Commitment[]; labelledBy: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="table-wrap">
      <Table aria-labelledby={labelledBy} zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('followUp.commitments.columns.title')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followUp.commitments.columns.region')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followUp.commitments.columns.owner')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followUp.commitments.columns.subjectArea')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followUp.commitments.columns.budget')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followUp.commitments.columns.latest')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>
                <Link to={followUpPaths.commitment(c.id)}>{c.title}</Link>
              </Table.Cell>
              <Table.Cell>{c.region.name}</Table.Cell>
              <Table.Cell>{ownerName(c.owner, c.region.name)}</Table.Cell>
              <Table.Cell>{c.subjectArea.name}</Table.Cell>
              <Table.Cell>{c.budgetNok === null ? '–' : formatNok(c.budgetNok, locale)}</Table.Cell>
              <Table.Cell>
                {c.state === 'withdrawn'
                  ? t('followUp.commitment.withdrawn')
                  : c.latestReport
                    ? t('followUp.statusWithProgress', {
                        status: t(`followUp.status.${c.latestReport.status}`),
                        progress: c.latestReport.progress,
                      })
                    : t('followUp.commitment.noReport')}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
