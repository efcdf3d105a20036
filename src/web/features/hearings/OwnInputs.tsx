import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hearing, HearingInput } from '../../../shared/contracts/hearings';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { ModalDialog } from '../../shared/components/ModalDialog';
import { formatShortDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { deadlineStatus, deadlineText } from './deadline';
import { useWithdrawInput } from './hearings.api';
import { aboutText, InputCard } from './InputCard';
import { InputForm, type SectionOption } from './InputForm';

/**
 * A region contact's own input while the hearing is open: what the region has given, with the ways to
 * edit or withdraw it, and the form for more (one input per section, and one on the whole document).
 * Other regions' input is not shown until the deadline: the server returns only the region's own.
 */
export function OwnInputs({
  hearing,
  sections,
  inputs,
  onNotice,
}: {
  hearing: Hearing;
  sections: readonly SectionOption[];
  inputs: readonly HearingInput[];
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [editing, setEditing] = useState<HearingInput | null>(null);
  const [withdrawing, setWithdrawing] = useState<HearingInput | null>(null);
  const [formKey, setFormKey] = useState(0);
  const withdraw = useWithdrawInput();
  const taken = new Set(inputs.map((i) => i.sectionKey));
  const anyFree = [null, ...sections.map((s) => s.key)].some((k) => !taken.has(k));
  const about = (i: HearingInput) => aboutText(t, i);

  return (
    <>
      <section aria-labelledby="own-inputs" className="stack">
        <Heading level={2} data-size="sm" id="own-inputs">
          {t('hearings.own.title', { count: inputs.length })}
        </Heading>
        <Paragraph>
          {t('hearings.own.until', {
            deadline: formatShortDate(hearing.deadline, locale),
            left: deadlineText(t, deadlineStatus(hearing, todayInOslo()), locale),
          })}
        </Paragraph>
        {inputs.length === 0 ? (
          <Paragraph>{t('hearings.own.none')}</Paragraph>
        ) : (
          inputs.map((i) => (
            <InputCard
              key={i.id}
              input={i}
              heading="about"
              actions={
                <>
                  <Button
                    variant="secondary"
                    data-size="sm"
                    onClick={() => setEditing(i)}
                    aria-haspopup="dialog"
                  >
                    {t('hearings.own.edit', { about: about(i) })}
                  </Button>
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    data-color="danger"
                    onClick={() => setWithdrawing(i)}
                    aria-haspopup="dialog"
                  >
                    {t('hearings.own.withdraw', { about: about(i) })}
                  </Button>
                </>
              }
            />
          ))
        )}
      </section>
      <section aria-labelledby="give-input" className="stack">
        <Heading level={2} data-size="sm" id="give-input">
          {t('hearings.own.giveTitle')}
        </Heading>
        {anyFree ? (
          <>
            <Paragraph>{t('hearings.own.giveIntro')}</Paragraph>
            <InputForm
              key={formKey}
              hearingId={hearing.id}
              versionId={hearing.versionId}
              sections={sections}
              taken={taken}
              submitLabel={t('hearings.own.send')}
              onSaved={(input) => {
                setFormKey((k) => k + 1);
                onNotice(t('hearings.own.sent', { about: about(input) }));
              }}
            />
          </>
        ) : (
          <Paragraph>{t('hearings.own.allGiven')}</Paragraph>
        )}
      </section>
      <ModalDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={t('hearings.own.editTitle', { about: editing ? about(editing) : '' })}
      >
        {editing && (
          <InputForm
            hearingId={hearing.id}
            versionId={hearing.versionId}
            sections={sections}
            taken={taken}
            existing={editing}
            submitLabel={t('hearings.own.saveEdit')}
            onCancel={() => setEditing(null)}
            onSaved={(input) => {
              setEditing(null);
              onNotice(t('hearings.own.saved', { about: about(input) }));
            }}
          />
        )}
      </ModalDialog>
      <ConfirmDialog
        open={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t('hearings.own.withdrawTitle', { about: withdrawing ? about(withdrawing) : '' })}
        body={t('hearings.own.withdrawBody')}
        confirmLabel={t('hearings.own.withdrawConfirm')}
        danger
        onConfirm={async () => {
          if (!withdrawing) return;
          await withdraw.mutateAsync(withdrawing);
          onNotice(t('hearings.own.withdrawn', { about: about(withdrawing) }));
        }}
      />
    </>
  );
}
