import { Button, Card, Heading, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import {
  MeetingState,
  MeetingType,
  meetingPath,
  meetingStates,
  meetingTypes,
} from '../../../shared/contracts/meetings';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { useCurrentCycle } from '../../shared/current-cycle';
import { useUrlFilters } from '../../shared/url-state';
import { useAgreements } from '../agreements';
import { MeetingDialog } from './MeetingDialog';
import { MeetingTable } from './MeetingTable';
import { useMeetings } from './meetings.api';

/**
 * "Møter": the meetings of the cycle chosen in the top bar, earliest first, filtered by type, state and
 * region (kept in the address), a hundred at a time: the count says when there are more, and "Vis flere"
 * adds them below. A region contact gets only the meetings of its region (the server decides).
 * The admin plans any meeting; a department editor its department's bilateral meetings.
 */
export function MeetingListPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  const [planning, setPlanning] = useState(false);
  const navigate = useNavigate();
  const plans = me.role === 'admin' || me.role === 'department';
  return (
    <Page
      title={t('meetings.title')}
      actions={
        plans &&
        cycle && (
          <Button onClick={() => setPlanning(true)}>
            {me.role === 'department' ? t('meetings.planBilateral') : t('meetings.plan')}
          </Button>
        )
      }
    >
      <Notice fromNavigation />
      <Paragraph>{t(me.role === 'region' ? 'meetings.introRegion' : 'meetings.intro')}</Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleMeetings cycleId={cycle.id} cycleName={cycle.name} me={me} />
          ) : (
            <Card>
              <Paragraph>{t('meetings.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
      {cycle && (
        <MeetingDialog
          me={me}
          cycleId={cycle.id}
          open={planning}
          onClose={() => setPlanning(false)}
          onDone={(meeting) => {
            setPlanning(false);
            navigate(meetingPath(meeting.id), {
              state: { notice: t('meetings.created', { title: meeting.title }) },
            });
          }}
        />
      )}
    </Page>
  );
}

function CycleMeetings({ cycleId, cycleName, me }: { cycleId: string; cycleName: string; me: Me }) {
  const { t } = useTranslation();
  const filters = useUrlFilters(['type', 'state', 'region'] as const);
  // An unknown value in a shared link filters by nothing rather than failing.
  const type = MeetingType.safeParse(filters.values.type).data;
  const state = MeetingState.safeParse(filters.values.state).data;
  const regionChoice = me.role !== 'region';
  const agreements = useAgreements(cycleId);
  const region =
    regionChoice && agreements.data?.some((a) => a.region.id === filters.values.region)
      ? filters.values.region
      : undefined;
  const meetings = useMeetings({ cycle: cycleId, type, state, region });
  return (
    <>
      <Heading level={2} data-size="sm">
        {t('meetings.inCycle', { cycle: cycleName })}
      </Heading>
      <search className="row" aria-label={t('meetings.filters.label')}>
        <SelectField
          label={t('meetings.filters.type')}
          value={type ?? ''}
          onChange={(v) => filters.set('type', v)}
        >
          <Select.Option value="">{t('meetings.filters.allTypes')}</Select.Option>
          {meetingTypes.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`meetings.type.${k}`)}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          label={t('meetings.filters.state')}
          value={state ?? ''}
          onChange={(v) => filters.set('state', v)}
        >
          <Select.Option value="">{t('meetings.filters.allStates')}</Select.Option>
          {meetingStates.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`meetings.state.${s}`)}
            </Select.Option>
          ))}
        </SelectField>
        {regionChoice && (
          <SelectField
            label={t('meetings.filters.region')}
            value={region ?? ''}
            onChange={(v) => filters.set('region', v)}
          >
            <Select.Option value="">{t('meetings.filters.allRegions')}</Select.Option>
            {(agreements.data ?? []).map((a) => (
              <Select.Option key={a.region.id} value={a.region.id}>
                {a.region.name}
              </Select.Option>
            ))}
          </SelectField>
        )}
      </search>
      <QueryState query={meetings.list}>
        {() => (
          <>
            <ListCount
              count={t('meetings.count', { count: meetings.items.length })}
              more={t('meetings.countMore')}
              paged={meetings}
            />
            {meetings.items.length === 0 ? (
              <Card>
                <Paragraph>
                  {filters.any
                    ? t('meetings.emptyFiltered')
                    : t(
                        me.role === 'admin' || me.role === 'department'
                          ? 'meetings.emptyPlanner'
                          : 'meetings.empty',
                      )}
                </Paragraph>
              </Card>
            ) : (
              <MeetingTable
                meetings={meetings.items}
                label={t('meetings.tableLabel', { cycle: cycleName })}
              />
            )}
            <LoadMore paged={meetings} />
          </>
        )}
      </QueryState>
    </>
  );
}
