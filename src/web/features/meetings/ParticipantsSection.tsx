import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/contracts/meetings';
import { ParticipantsDialog } from './ParticipantsDialog';

/** Who takes part, on which side, and whether they came; who manages the meeting keeps the list. */
export function ParticipantsSection({
  meeting,
  onNotice,
}: {
  meeting: Meeting;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const editable = meeting.canManage && meeting.state !== 'minutes_approved' && meeting.state !== 'cancelled';
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('meetings.participants.heading', { count: meeting.participants.length })}
      </Heading>
      {meeting.participants.length === 0 ? (
        <Paragraph>{t('meetings.participants.empty')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table aria-labelledby={headingId} zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('meetings.participants.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meetings.participants.organisation')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meetings.participants.side')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meetings.participants.attendance')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {meeting.participants.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{p.name}</Table.Cell>
                  <Table.Cell>{p.department?.name ?? p.organisation ?? ''}</Table.Cell>
                  <Table.Cell>{t(`meetings.side.${p.side}`)}</Table.Cell>
                  <Table.Cell>{t(`meetings.attendance.${p.attendance}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {editable && (
        <div>
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('meetings.participants.edit')}
          </Button>
        </div>
      )}
      <ParticipantsDialog
        meeting={meeting}
        open={editing}
        onClose={() => setEditing(false)}
        onDone={() => {
          setEditing(false);
          onNotice(t('meetings.participants.saved'));
        }}
      />
    </section>
  );
}
