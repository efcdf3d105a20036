import { Button, Checkbox, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/contracts/auth';
import type { HearingInput } from '../../../shared/contracts/hearings';
import type { DispositionTask } from './DispositionDialog';
import { LateTag, OutcomeTag } from './HearingStateTag';
import { InputAttachments } from './InputAttachments';
import { aboutText } from './InputCard';

/**
 * The inputs the filters select, each with the county's answer or "not answered". The coordinator selects
 * inputs without an answer and gives them one disposition, answers one from its row («Svar»), or changes
 * one; a department editor answers the dispositions assigned to the department while they are drafts.
 * Answering waits until the hearing closed.
 */
export function DispositionTable({
  inputs,
  me,
  canAnswer,
  filtered,
  onTask,
}: {
  inputs: readonly HearingInput[];
  me: Me;
  canAnswer: boolean;
  filtered: boolean;
  onTask: (task: DispositionTask) => void;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const isAdmin = me.role === 'admin';
  const selectable = isAdmin && canAnswer;
  const open = inputs.filter((i) => !i.disposition);
  const chosen = open.filter((i) => selected.has(i.id));
  const about = (i: HearingInput) => aboutText(t, i);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const answerable = (i: HearingInput) =>
    canAnswer &&
    i.disposition &&
    (isAdmin ||
      (me.role === 'department' &&
        !i.disposition.final &&
        i.disposition.assignedDepartment?.id === me.departmentId));

  if (inputs.length === 0) {
    return (
      <Paragraph>
        {t(filtered ? 'hearings.dispositions.emptyFiltered' : 'hearings.dispositions.empty')}
      </Paragraph>
    );
  }
  return (
    <div className="stack">
      {selectable && (
        <div className="row hearings-middle">
          <Paragraph aria-live="polite">
            {t('hearings.dispositions.selected', { count: chosen.length })}
          </Paragraph>
          <Button
            onClick={() => {
              onTask({ mode: 'create', inputs: chosen });
              setSelected(new Set());
            }}
            disabled={chosen.length === 0}
            aria-haspopup="dialog"
          >
            {chosen.length === 0
              ? t('hearings.dispositions.answerNone')
              : t('hearings.dispositions.answerSelected', { count: chosen.length })}
          </Button>
          {open.length > 0 && (
            <Button variant="tertiary" onClick={() => setSelected(new Set(open.map((i) => i.id)))}>
              {t('hearings.dispositions.selectAllOpen', { count: open.length })}
            </Button>
          )}
          {chosen.length > 0 && (
            <Button variant="tertiary" onClick={() => setSelected(new Set())}>
              {t('hearings.dispositions.selectNone')}
            </Button>
          )}
        </div>
      )}
      <div className="table-wrap">
        <Table aria-label={t('hearings.dispositions.tableLabel')} className="hearings-table">
          <Table.Head>
            <Table.Row>
              {selectable && <Table.HeaderCell>{t('hearings.dispositions.choose')}</Table.HeaderCell>}
              <Table.HeaderCell>{t('hearings.dispositions.region')}</Table.HeaderCell>
              <Table.HeaderCell>{t('hearings.dispositions.about')}</Table.HeaderCell>
              <Table.HeaderCell>{t('hearings.dispositions.input')}</Table.HeaderCell>
              <Table.HeaderCell>{t('hearings.dispositions.disposition')}</Table.HeaderCell>
              <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {inputs.map((i) => (
              <Table.Row key={i.id} id={`innspill-${i.id}`}>
                {selectable && (
                  <Table.Cell>
                    {!i.disposition && (
                      <Checkbox
                        aria-label={t('hearings.dispositions.chooseInput', {
                          region: i.region.name,
                          about: about(i),
                        })}
                        checked={selected.has(i.id)}
                        onChange={(e) => toggle(i.id, e.target.checked)}
                      />
                    )}
                  </Table.Cell>
                )}
                <Table.Cell>
                  {i.region.name} {i.late && <LateTag />}
                </Table.Cell>
                <Table.Cell>{i.sectionTitle ?? t('hearings.input.wholeDocument')}</Table.Cell>
                <Table.Cell className="hearings-text-cell">
                  <span className="hearings-letter">{i.text}</span>
                  <InputAttachments attachments={i.attachments} />
                </Table.Cell>
                <Table.Cell className="hearings-text-cell">
                  {i.disposition ? (
                    <div className="stack hearings-tight">
                      <span>
                        <OutcomeTag outcome={i.disposition.outcome} final={i.disposition.final} />
                      </span>
                      <span className="hearings-letter">{i.disposition.reason}</span>
                      {i.disposition.assignedDepartment && (
                        <span className="muted">
                          {t('hearings.disposition.assignedTo', {
                            department: i.disposition.assignedDepartment.name,
                          })}
                        </span>
                      )}
                    </div>
                  ) : (
                    <span className="muted">{t('hearings.dispositions.notAnswered')}</span>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {!i.disposition && selectable && (
                    <Button
                      variant="secondary"
                      data-size="sm"
                      aria-haspopup="dialog"
                      onClick={() => onTask({ mode: 'create', inputs: [i] })}
                    >
                      {t('hearings.dispositions.answer')}
                      <span className="visually-hidden">
                        {' '}
                        {t('hearings.dispositions.onInput', { region: i.region.name, about: about(i) })}
                      </span>
                    </Button>
                  )}
                  {i.disposition && answerable(i) && (
                    <Button
                      variant="secondary"
                      data-size="sm"
                      aria-haspopup="dialog"
                      onClick={() => {
                        const disposition = i.disposition;
                        if (!disposition) return;
                        onTask({
                          mode: isAdmin ? 'edit' : 'answer',
                          disposition,
                          inputs: inputs.filter((x) => disposition.inputIds.includes(x.id)),
                        });
                      }}
                    >
                      {isAdmin ? t('hearings.dispositions.edit') : t('hearings.dispositions.answer')}
                      <span className="visually-hidden">
                        {' '}
                        {isAdmin
                          ? t('hearings.dispositions.whichInput', { region: i.region.name, about: about(i) })
                          : t('hearings.dispositions.onInput', { region: i.region.name, about: about(i) })}
                      </span>
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
