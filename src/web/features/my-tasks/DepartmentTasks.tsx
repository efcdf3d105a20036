import { Card, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { contributionsPath } from '../../../shared/contracts/paths';
import type { MyTasks } from '../../../shared/contracts/tasks';
import { QueryState } from '../../shared/components/QueryState';
import { useCurrentCycle } from '../../shared/current-cycle';
import { useMyTasks } from './my-tasks.api';

/** How many regions without the department's contribution are named before "and N more". */
const namedRegions = 8;

/**
 * A department editor's part of "Mine oppgaver": the inputs the coordinator asked the department to answer
 * first, the regions whose agreement has nothing from the department yet, and its items still negotiated.
 * With nothing to do, `none` is shown instead.
 */
export function DepartmentTasks({ me, none }: { me: Me; none: ReactNode }) {
  const { cycle } = useCurrentCycle();
  const tasks = useMyTasks(cycle?.id);
  if (!cycle) return <>{none}</>;
  return (
    <QueryState query={tasks}>
      {(data) => {
        const department = data.department;
        const contributionWork =
          department && (department.agreementsWithoutOwn.length > 0 || department.inNegotiation > 0);
        if (data.assignedDispositions.length === 0 && !contributionWork) return <>{none}</>;
        return (
          <>
            {data.assignedDispositions.length > 0 && <AssignedInputs tasks={data} me={me} />}
            {department && contributionWork && (
              <ContributionWork department={department} me={me} cycleName={cycle.name} />
            )}
          </>
        );
      }}
    </QueryState>
  );
}

function AssignedInputs({ tasks, me }: { tasks: MyTasks; me: Me }) {
  const { t } = useTranslation();
  return (
    <Card className="stack" data-color="accent">
      <Heading level={2} data-size="sm">
        {t('start.tasks.assignedTitle', { department: me.departmentName ?? '' })}
      </Heading>
      <List.Unordered>
        {tasks.assignedDispositions.map((a) => (
          <List.Item key={a.hearingId}>
            <Link
              to={`/horinger/${a.hearingId}/dispositions?department=${me.departmentId ?? ''}#innspill-${a.firstInputId}`}
            >
              {t('start.tasks.assigned', {
                count: a.count,
                kind: t(`hearings.kindLower.${a.kind}`),
                number: a.versionNumber,
                cycle: a.cycleName,
              })}
            </Link>
          </List.Item>
        ))}
      </List.Unordered>
    </Card>
  );
}

function ContributionWork({
  department,
  me,
  cycleName,
}: {
  department: NonNullable<MyTasks['department']>;
  me: Me;
  cycleName: string;
}) {
  const { t } = useTranslation();
  const without = department.agreementsWithoutOwn;
  const name = me.departmentName ?? '';
  return (
    <Card className="stack" data-color="accent">
      <Heading level={2} data-size="sm">
        {t('start.tasks.contributionsTitle', { cycle: cycleName })}
      </Heading>
      {without.length > 0 && (
        <>
          <Paragraph>
            {t('start.tasks.without', {
              count: without.length,
              total: department.agreements,
              department: name,
            })}
          </Paragraph>
          <List.Unordered>
            {without.slice(0, namedRegions).map((a) => (
              <List.Item key={a.agreementId}>
                <Link to={contributionsPath(a.agreementId)}>{a.regionName}</Link>
              </List.Item>
            ))}
            {without.length > namedRegions && (
              <List.Item>
                <Link to="/matrise">{t('start.tasks.more', { count: without.length - namedRegions })}</Link>
              </List.Item>
            )}
          </List.Unordered>
        </>
      )}
      {department.inNegotiation > 0 && (
        <Paragraph>
          {t('start.tasks.negotiating', { count: department.inNegotiation, department: name })}{' '}
          <Link to="/matrise">{t('start.tasks.toMatrix')}</Link>
        </Paragraph>
      )}
    </Card>
  );
}
