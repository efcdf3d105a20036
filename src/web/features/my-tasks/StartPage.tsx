import { Card, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { agreementPath, contributionsPath } from '../../../shared/contracts/paths';
import { Page } from '../../shared/components/Page';
import { useCurrentCycle } from '../../shared/current-cycle';
import { HearingTasks } from '../hearings';
import { MeetingActions } from '../meetings';
import { CommentTasks } from './CommentTasks';
import { CoordinatorInbox } from './CoordinatorInbox';
import { DepartmentTasks } from './DepartmentTasks';
import { useMyTasks } from './my-tasks.api';
import { SpecialPartTasks } from './SpecialPartTasks';

/**
 * "Mine oppgaver": who you are, what waits for you, and what you can do. A region contact first sees the
 * region's agreement in the current cycle (UX.md), a department editor the department's part of the
 * agreements; then the tasks: the sent special parts a region contact answers and the coordinator reads the
 * answers to, the open actions from meetings that the person or their department owns, hearings for regions
 * and the coordinator, answers and contributions for a department. The coordinator's inbox comes first for
 * the coordinator, and the recent comments for them (mentions; on a department's contributions) follow the
 * special parts.
 */
export function StartPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { cycle } = useCurrentCycle();
  const tasks = useMyTasks(cycle?.id);
  const actions = tasks.data?.meetingActions ?? [];
  const specialParts = tasks.data?.specialParts ?? [];
  const coordinator = tasks.data?.coordinator ?? null;
  const comments = tasks.data?.comments;
  const commented = (comments?.mentions.length ?? 0) + (comments?.onOwn.length ?? 0);
  // With anything else waiting, or the coordinator's inbox (whose sections say themselves when they are
  // empty), the other lists say nothing when they are empty.
  const none =
    actions.length > 0 || specialParts.length > 0 || commented > 0 || coordinator ? null : (
      <Card data-color="neutral">
        <Paragraph>
          {me.role === 'viewer'
            ? t('start.noTasksViewer')
            : me.role === 'region'
              ? t('start.noTasksRegion')
              : t('start.noTasks')}
        </Paragraph>
      </Card>
    );
  return (
    <Page title={t('start.title')}>
      <Heading level={2} data-size="md">
        {t('start.greeting', { name: me.name })}
      </Heading>
      <Paragraph>
        {t('start.youAre', { role: t(`roles.${me.role}`) })}{' '}
        {me.departmentName && t('start.youAreDepartment', { department: me.departmentName })}
        {me.regionName && t('start.youAreRegion', { region: me.regionName })}
      </Paragraph>
      <OwnPart me={me} />
      {coordinator && <CoordinatorInbox tasks={coordinator} />}
      <SpecialPartTasks me={me} items={specialParts} />
      {comments && <CommentTasks me={me} comments={comments} />}
      {actions.length > 0 && <MeetingActions actions={actions} />}
      {me.role === 'department' ? (
        <DepartmentTasks me={me} none={none} />
      ) : (
        <HearingTasks me={me} none={none} />
      )}
      <Heading level={2} data-size="sm">
        {t('start.whatYouCanDo')}
      </Heading>
      <List.Unordered>
        {possibilities(me, t).map((c) => (
          <List.Item key={c.to + c.text}>
            <Link to={c.to}>{c.text}</Link>
          </List.Item>
        ))}
      </List.Unordered>
    </Page>
  );
}

/** The region contact's region, or the department editor's department, as the first thing on the page. */
function OwnPart({ me }: { me: Me }) {
  const { t } = useTranslation();
  if (me.role === 'region' && me.regionId && me.regionName) return <RegionPart me={me} />;
  if (me.role === 'department' && me.departmentName) {
    return (
      <Card data-color="accent">
        <Heading level={2} data-size="sm">
          {t('start.yourDepartment', { department: me.departmentName })}
        </Heading>
        <Paragraph>{t('start.yourDepartmentBody')}</Paragraph>
        <Paragraph>
          <Link to="/matrise">{t('start.goToMatrix')}</Link>
        </Paragraph>
      </Card>
    );
  }
  return null;
}

/** The region's agreement in the current cycle and what in it is open; the registry page until there is one. */
function RegionPart({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { cycle } = useCurrentCycle();
  const tasks = useMyTasks(cycle?.id);
  const region = tasks.data?.region;
  return (
    <Card className="stack" data-color="accent">
      <Heading level={2} data-size="sm">
        {t('start.yourRegion', { region: me.regionName })}
      </Heading>
      {region ? (
        <>
          <Paragraph>
            <Link to={agreementPath(region.agreementId)}>
              {t('start.tasks.goToAgreement', { cycle: cycle?.name ?? '' })}
            </Link>
          </Paragraph>
          <List.Unordered>
            <List.Item>
              {region.wantedSubjectAreas === 0
                ? t('start.tasks.noWanted')
                : t('start.tasks.wanted', { count: region.wantedSubjectAreas })}
            </List.Item>
            {region.itemsInNegotiation > 0 && (
              <List.Item>
                <Link to={contributionsPath(region.agreementId)}>
                  {t('start.tasks.itemsNegotiating', {
                    count: region.itemsInNegotiation,
                    own: region.regionItemsInNegotiation,
                  })}
                </Link>
              </List.Item>
            )}
          </List.Unordered>
        </>
      ) : (
        <Paragraph>
          {tasks.isSuccess && cycle && t('start.tasks.noAgreement', { cycle: cycle.name })}{' '}
          <Link to={`/register/regions/${me.regionId}`}>
            {t('start.goToRegion', { region: me.regionName })}
          </Link>
        </Paragraph>
      )}
    </Card>
  );
}

function possibilities(me: Me, t: (key: string) => string): { text: string; to: string }[] {
  switch (me.role) {
    case 'admin':
      return [
        { text: t('start.can.adminMatrix'), to: '/matrise' },
        { text: t('meetings.start.canPlan'), to: '/moter' },
        { text: t('start.can.adminRegistry'), to: '/register/regions' },
        { text: t('start.can.adminUsers'), to: '/admin/users' },
        { text: t('start.can.adminAudit'), to: '/admin/audit' },
      ];
    case 'viewer':
      return [
        { text: t('start.can.readAgreements'), to: '/avtaler' },
        { text: t('meetings.start.canRead'), to: '/moter' },
        { text: t('start.can.readRegistry'), to: '/register/regions' },
        { text: t('start.can.viewerUsers'), to: '/admin/users' },
        { text: t('start.can.viewerAudit'), to: '/admin/audit' },
      ];
    case 'department':
      return [
        { text: t('start.can.departmentAgreements'), to: '/avtaler' },
        { text: t('meetings.start.canPlanBilateral'), to: '/moter' },
        { text: t('start.can.department'), to: '/register/regions' },
      ];
    case 'region':
      return [
        { text: t('meetings.start.canRegion'), to: '/moter' },
        {
          text: t('start.can.region'),
          to: me.regionId ? `/register/regions/${me.regionId}` : '/register/regions',
        },
      ];
  }
}
