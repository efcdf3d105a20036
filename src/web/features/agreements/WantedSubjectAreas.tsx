import {
  Button,
  Card,
  Field,
  Heading,
  Label,
  Paragraph,
  Tag,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Agreement,
  MarkSubjectAreaInput,
  type SubjectArea,
  type WantedSubjectArea,
} from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { QueryState } from '../../shared/components/QueryState';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useForm } from '../../shared/use-form';
import { useMarkSubjectArea, useSubjectAreas, useUnmarkSubjectArea } from './agreements.api';

/** The region's own contact and the coordinator say what the region wants; the server holds the same rule. */
export const canMarkSubjectAreas = (me: Me, agreement: Agreement) =>
  me.role === 'admin' || (me.role === 'region' && me.regionId === agreement.region.id);

/**
 * The subject areas the region wants, each with its justification. Those who may mark them see every
 * subject area of the cycle with a button to mark it (or change the justification, or take it off);
 * everyone else reads the wanted ones.
 */
export function WantedSubjectAreas({
  agreement,
  me,
  onChanged,
}: {
  agreement: Agreement;
  me: Me;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const editable = canMarkSubjectAreas(me, agreement);
  const areas = useSubjectAreas(agreement.cycleId);
  const wanted = new Map(agreement.wantedSubjectAreas.map((w) => [w.subjectArea.id, w]));
  const [marking, setMarking] = useState<SubjectArea | null>(null);
  const [unmarking, setUnmarking] = useState<SubjectArea | null>(null);
  const unmark = useUnmarkSubjectArea(agreement.id);

  if (!editable) {
    return agreement.wantedSubjectAreas.length === 0 ? (
      <Card>
        <Paragraph>{t('agreements.wanted.none')}</Paragraph>
      </Card>
    ) : (
      <ul className="agreements-wanted">
        {agreement.wantedSubjectAreas.map((w) => (
          <li key={w.subjectArea.id}>
            <WantedEntry name={w.subjectArea.name} wish={w} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <>
      <Paragraph>{t('agreements.wanted.intro')}</Paragraph>
      <QueryState query={areas}>
        {(list) => (
          <ul className="agreements-wanted">
            {list.map((area) => {
              const wish = wanted.get(area.id);
              return (
                <li key={area.id}>
                  <WantedEntry name={area.name} wish={wish} showNotWanted />
                  <div className="row">
                    <Button
                      data-size="sm"
                      variant={wish ? 'secondary' : 'primary'}
                      onClick={() => setMarking(area)}
                      aria-label={t(wish ? 'agreements.wanted.editLabel' : 'agreements.wanted.markLabel', {
                        name: area.name,
                      })}
                    >
                      {t(wish ? 'agreements.wanted.edit' : 'agreements.wanted.mark')}
                    </Button>
                    {wish && (
                      <Button
                        data-size="sm"
                        variant="tertiary"
                        onClick={() => setUnmarking(area)}
                        aria-label={t('agreements.wanted.unmarkLabel', { name: area.name })}
                      >
                        {t('agreements.wanted.unmark')}
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
      <ModalDialog
        open={marking !== null}
        onClose={() => setMarking(null)}
        title={t('agreements.wanted.dialogTitle', { name: marking?.name ?? '' })}
      >
        {marking && (
          <MarkForm
            agreementId={agreement.id}
            area={marking}
            justification={wanted.get(marking.id)?.justification ?? ''}
            onCancel={() => setMarking(null)}
            onSaved={() => {
              onChanged(t('agreements.wanted.marked', { name: marking.name }));
              setMarking(null);
            }}
          />
        )}
      </ModalDialog>
      <ConfirmDialog
        open={unmarking !== null}
        onClose={() => setUnmarking(null)}
        title={t('agreements.wanted.unmarkTitle', { name: unmarking?.name ?? '' })}
        body={t('agreements.wanted.unmarkBody')}
        confirmLabel={t('agreements.wanted.unmark')}
        danger
        onConfirm={async () => {
          if (!unmarking) return;
          await unmark.mutateAsync(unmarking.id);
          onChanged(t('agreements.wanted.unmarked', { name: unmarking.name }));
          setUnmarking(null);
        }}
      />
    </>
  );
}

function WantedEntry({
  name,
  wish,
  showNotWanted = false,
}: {
  name: string;
  wish: WantedSubjectArea | undefined;
  showNotWanted?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="agreements-entry">
      <Heading level={3} data-size="2xs">
        {name}{' '}
        {wish ? (
          <Tag data-color="success" data-size="sm">
            {t('agreements.wanted.tag')}
          </Tag>
        ) : (
          showNotWanted && (
            <Tag data-color="neutral" data-size="sm">
              {t('agreements.wanted.notTag')}
            </Tag>
          )
        )}
      </Heading>
      {wish && (
        <>
          <Paragraph>{wish.justification}</Paragraph>
          <Paragraph className="muted" data-size="sm">
            {t('agreements.wanted.markedBy', {
              who: wish.markedBy?.name ?? t('agreements.moves.system'),
              when: formatDate(wish.markedAt.slice(0, 10), locale),
            })}
          </Paragraph>
        </>
      )}
    </div>
  );
}

function MarkForm({
  agreementId,
  area,
  justification,
  onCancel,
  onSaved,
}: {
  agreementId: string;
  area: SubjectArea;
  justification: string;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const mark = useMarkSubjectArea(agreementId);
  const form = useForm(MarkSubjectAreaInput, { justification });
  // A bare Textarea shows no error itself: it goes to the ValidationMessage below it.
  const { error: justificationError, ...justificationField } = form.field('justification');
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        await mark.mutateAsync({ subjectAreaId: area.id, ...data });
        onSaved();
      })}
    >
      {area.description && <Paragraph className="muted">{area.description}</Paragraph>}
      <FormError summary={form.summary} error={form.formError} />
      <Field>
        <Label>{t('agreements.wanted.justification')}</Label>
        <Field.Description>{t('agreements.wanted.justificationHelp')}</Field.Description>
        <Textarea rows={4} {...justificationField} aria-invalid={Boolean(justificationError) || undefined} />
        {justificationError && <ValidationMessage>{justificationError}</ValidationMessage>}
      </Field>
      <DialogButtons submitting={form.submitting} submit={t('agreements.wanted.save')} onCancel={onCancel} />
    </form>
  );
}
