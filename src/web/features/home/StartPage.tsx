import { Card, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';

/** "Mine oppgaver": who you are, what waits for you, and what you can do. */
export function StartPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const can: { text: string; to: string }[] = [];
  if (me.role === 'admin') {
    can.push(
      { text: t('start.can.adminRegistry'), to: '/register/regions' },
      { text: t('start.can.adminUsers'), to: '/admin/users' },
      { text: t('start.can.adminAudit'), to: '/admin/audit' },
    );
  } else if (me.role === 'viewer') {
    can.push(
      { text: t('start.can.readRegistry'), to: '/register/regions' },
      { text: t('start.can.viewerAudit'), to: '/admin/audit' },
    );
  } else if (me.role === 'department') {
    can.push({ text: t('start.can.department'), to: '/register/regions' });
  } else {
    can.push({
      text: t('start.can.region'),
      to: me.regionId ? `/register/regions/${me.regionId}` : '/register/regions',
    });
  }

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
      <Card data-color="neutral">
        <Paragraph>{t('start.noTasks')}</Paragraph>
      </Card>
      <Heading level={2} data-size="sm">
        {t('start.whatYouCanDo')}
      </Heading>
      <List.Unordered>
        {can.map((c) => (
          <List.Item key={c.to + c.text}>
            <Link to={c.to}>{c.text}</Link>
          </List.Item>
        ))}
      </List.Unordered>
    </Page>
  );
}
