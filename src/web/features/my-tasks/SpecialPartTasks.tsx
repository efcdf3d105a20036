import { Card, Heading, List } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { specialPartPath } from '../../../shared/contracts/paths';
import type { SpecialPartToAnswer } from '../../../shared/contracts/tasks';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';

/**
 * The sent special parts on the start page: for a region contact the region's own versions to answer (and
 * the answer given, which may still be changed); for the coordinator the versions the regions have answered,
 * to read before recording them as agreed. Each links to the version on the agreement's special part tab.
 */
export function SpecialPartTasks({ me, items }: { me: Me; items: readonly SpecialPartToAnswer[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (items.length === 0) return null;
  const region = me.role === 'region';
  return (
    <Card className="stack" data-color="accent">
      <Heading level={2} data-size="sm">
        {t(region ? 'start.tasks.specialPartsRegion' : 'start.tasks.specialPartsAdmin')}
      </Heading>
      <List.Unordered>
        {items.map((item) => (
          <List.Item key={item.versionId}>
            <Link to={specialPartPath(item.agreementId, item.versionId)}>
              {region
                ? t('start.tasks.specialPartVersion', { number: item.versionNumber })
                : t('start.tasks.specialPartOfRegion', {
                    region: item.regionName,
                    number: item.versionNumber,
                  })}
            </Link>{' '}
            {region &&
              item.sentAt &&
              t('start.tasks.specialPartSent', { date: formatDate(item.sentAt, locale) })}{' '}
            {!item.answer
              ? t('start.tasks.specialPartNotAnswered')
              : item.answer.verdict === 'agrees'
                ? t('start.tasks.specialPartAgrees', { date: formatDate(item.answer.answeredAt, locale) })
                : t('start.tasks.specialPartComments', {
                    count: item.answer.comments,
                    date: formatDate(item.answer.answeredAt, locale),
                  })}
          </List.Item>
        ))}
      </List.Unordered>
    </Card>
  );
}
