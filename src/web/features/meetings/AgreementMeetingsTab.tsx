import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../shared/components/ListCount';
import { QueryState } from '../../shared/components/QueryState';
import { useAgreementContext } from '../agreements';
import { MeetingTable } from './MeetingTable';
import { useMeetings } from './meetings.api';

/** The agreement page's "Møter" tab: the meetings that concern the agreement, earliest first. */
export function AgreementMeetingsTab() {
  const { t } = useTranslation();
  const { agreement } = useAgreementContext();
  const meetings = useMeetings({ agreement: agreement.id });
  return (
    <section className="stack" aria-labelledby="moter-heading">
      <Heading level={2} data-size="md" id="moter-heading">
        {t('meetings.tabHeading')}
      </Heading>
      <QueryState query={meetings.list}>
        {() =>
          meetings.items.length === 0 ? (
            <Paragraph>{t('meetings.tabEmpty', { region: agreement.region.name })}</Paragraph>
          ) : (
            <>
              <MeetingTable
                meetings={meetings.items}
                label={t('meetings.tabTableLabel', { region: agreement.region.name })}
              />
              <LoadMore paged={meetings} />
            </>
          )
        }
      </QueryState>
      <Paragraph>
        <Link to={`/moter?region=${agreement.region.id}`}>{t('meetings.tabAll')}</Link>
      </Paragraph>
    </section>
  );
}
