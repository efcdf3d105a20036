import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/contracts/auth';
import type {
  Hearing,
  HearingInput,
  HearingOverview,
  SectionTally,
} from '../../../shared/contracts/hearings';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { ModalDialog } from '../../shared/components/ModalDialog';
import { formatShortDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { deadlineStatus } from './deadline';
import type { HearingOverviewPages } from './hearings.api';
import { InputCard } from './InputCard';
import { InputForm, type SectionOption } from './InputForm';
import { OwnInputs } from './OwnInputs';

/**
 * The input part of the hearing page. A region contact gives, edits and withdraws their region's input
 * while the hearing is open; after that the form is gone and everybody reads all the input of the
 * invited regions. What each person sees is what the server returns for them.
 */
export function HearingInputs({
  hearing,
  first,
  overview,
  me,
  onNotice,
}: {
  hearing: Hearing;
  /** The first page: the tallies and how many inputs there are. */
  first: HearingOverview;
  overview: HearingOverviewPages;
  me: Me;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const open = hearing.state === 'open';
  const sections: SectionOption[] = first.sections.flatMap((s) =>
    s.key ? [{ key: s.key, title: s.title ?? s.key }] : [],
  );

  if (me.role === 'region' && open) {
    return <OwnInputs hearing={hearing} sections={sections} inputs={overview.inputs} onNotice={onNotice} />;
  }
  return (
    <section aria-labelledby="inputs-heading" className="stack">
      <Heading level={2} data-size="sm" id="inputs-heading">
        {t('hearings.inputs.title', { count: first.matching })}
      </Heading>
      {me.role === 'region' && <ClosedMessage hearing={hearing} />}
      {me.role === 'admin' && !open && (
        <LateInput hearing={hearing} sections={sections} onNotice={onNotice} />
      )}
      {overview.inputs.length === 0 ? (
        <Paragraph>
          {me.role === 'department' && open
            ? t('hearings.inputs.hiddenWhileOpen')
            : t('hearings.inputs.none')}
        </Paragraph>
      ) : (
        <>
          {overview.hasMore && (
            <ListCount
              paged={overview}
              count={t('hearings.inputs.countFirst', {
                shown: overview.inputs.length,
                count: first.matching,
              })}
              more={t('hearings.inputs.moreExist')}
            />
          )}
          <InputsBySection sections={sections} inputs={overview.inputs} tallies={first.sections} />
          <LoadMore paged={overview} />
        </>
      )}
    </section>
  );
}

/** After the deadline (or an early close) a region contact is told plainly that input is over. */
function ClosedMessage({ hearing }: { hearing: Hearing }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const status = deadlineStatus(hearing, todayInOslo());
  return (
    <Alert data-color="info">
      <Paragraph>
        {status.kind === 'closedEarly'
          ? t('hearings.inputs.closedEarly', { date: formatShortDate(status.closedOn, locale) })
          : t('hearings.inputs.deadlinePassed', { deadline: formatShortDate(hearing.deadline, locale) })}
      </Paragraph>
      <Paragraph>{t('hearings.inputs.allCanRead')}</Paragraph>
    </Alert>
  );
}

/** The inputs in the document's order: on the whole document first, then section by section. */
export function InputsBySection({
  sections,
  inputs,
  tallies,
}: {
  sections: readonly SectionOption[];
  inputs: readonly HearingInput[];
  /** How many inputs each section has in all, where only some pages of them are shown. */
  tallies?: readonly SectionTally[];
}) {
  const { t } = useTranslation();
  const groups = [{ key: null, title: t('hearings.input.wholeDocument') }, ...sections]
    .map((s) => {
      const on = inputs.filter((i) => i.sectionKey === s.key);
      const all = tallies?.find((x) => x.key === s.key)?.inputs ?? on.length;
      return { ...s, inputs: on, count: Math.max(all, on.length) };
    })
    .filter((g) => g.inputs.length > 0);
  return (
    <>
      {groups.map((g) => (
        <section key={g.key ?? ''} aria-labelledby={`inputs-${g.key ?? 'document'}`} className="stack">
          <Heading level={3} data-size="xs" id={`inputs-${g.key ?? 'document'}`}>
            {t('hearings.inputs.about', { title: g.title, count: g.count })}
          </Heading>
          {g.inputs.map((i) => (
            <InputCard key={i.id} input={i} heading="region" level={4} />
          ))}
        </section>
      ))}
    </>
  );
}

const noSections: ReadonlySet<string | null> = new Set();

/** The coordinator registers input that came too late (or by post or e-mail): it is marked late. */
function LateInput({
  hearing,
  sections,
  onNotice,
}: {
  hearing: Hearing;
  sections: readonly SectionOption[];
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('hearings.late.action')}
      </Button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title={t('hearings.late.title')}>
        <Paragraph>{t('hearings.late.body')}</Paragraph>
        <InputForm
          hearingId={hearing.id}
          versionId={hearing.versionId}
          sections={sections}
          taken={noSections}
          regions={hearing.invitedRegions}
          submitLabel={t('hearings.late.submit')}
          onCancel={() => setOpen(false)}
          onSaved={(input) => {
            setOpen(false);
            onNotice(t('hearings.late.done', { region: input.region.name }));
          }}
        />
      </ModalDialog>
    </div>
  );
}
