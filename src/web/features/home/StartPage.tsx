import { Card, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { HearingTasks } from '../hearings/HearingTasks';

/**
 * "Mine oppgaver": who you are, what waits for you, and what you can do. A region contact and a department
 * editor first see the way to their own part (UX.md: a region contact lands on their region's agreement;
 * until agreements exist, that is the region's page in the registry).
 */
export function StartPage({ me }: { me: Me }) {
  const { t } = useTranslation();
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
      <HearingTasks
        me={me}
        none={
          <Card data-color="neutral">
            <Paragraph>{me.role === 'viewer' ? t('start.noTasksViewer') : t('start.noTasks')}</Paragraph>
          </Card>
        }
      />
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
  if (me.role === 'region' && me.regionId && me.regionName) {
    return (
      <Card data-color="accent">
        <Heading level={2} data-size="sm">
          {t('start.yourRegion', { region: me.regionName })}
        </Heading>
        <Paragraph>{t('start.yourRegionBody')}</Paragraph>
        <Paragraph>
          <Link to={`/register/regions/${me.regionId}`}>
            {t('start.goToRegion', { region: me.regionName })}
          </Link>
        </Paragraph>
      </Card>
    );
  }
  if (me.role === 'department' && me.departmentName) {
    return (
      <Card data-color="accent">
        <Heading level={2} data-size="sm">
          {t('start.yourDepartment', { department: me.departmentName })}
        </Heading>
        <Paragraph>{t('start.yourDepartmentBody')}</Paragraph>
        <Paragraph>
          <Link to="/register/regions">{t('start.goToRegions')}</Link>
        </Paragraph>
      </Card>
    );
  }
  return null;
}

function possibilities(me: Me, t: (key: string) => string): { text: string; to: string }[] {
  switch (me.role) {
    case 'admin':
      return [
        { text: t('start.can.adminRegistry'), to: '/register/regions' },
        { text: t('start.can.adminUsers'), to: '/admin/users' },
        { text: t('start.can.adminAudit'), to: '/admin/audit' },
      ];
    case 'viewer':
      return [
        { text: t('start.can.readRegistry'), to: '/register/regions' },
        { text: t('start.can.viewerUsers'), to: '/admin/users' },
        { text: t('start.can.viewerAudit'), to: '/admin/audit' },
      ];
    case 'department':
      return [{ text: t('start.can.department'), to: '/register/regions' }];
    case 'region':
      return [
        {
          text: t('start.can.region'),
          to: me.regionId ? `/register/regions/${me.regionId}` : '/register/regions',
        },
      ];
  }
}
