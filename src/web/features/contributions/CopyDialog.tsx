import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Contribution,
  type ContributionCopies,
  CopyContributionInput,
  type CopyTarget,
} from '../../../shared/contracts/contributions';
import { contributionsPath } from '../../../shared/contracts/paths';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { QueryState } from '../../shared/components/QueryState';
import { useForm } from '../../shared/use-form';
import { useCopyContribution, useCopyTargets } from './contributions.api';

/**
 * "Kopier til andre regioner": the cycle's other regions to tick, those that cannot take a copy shown
 * disabled with the reason, and the copy made for all ticked or, when the server refuses one, for none.
 */
export function CopyDialog({
  contribution,
  onClose,
  onDone,
}: {
  contribution: Contribution | null;
  onClose: () => void;
  onDone: (copies: Contribution[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={contribution !== null}
      onClose={onClose}
      title={t('contributions.copy.title', { title: contribution?.title ?? '' })}
    >
      {contribution && <Targets contribution={contribution} onCancel={onClose} onDone={onDone} />}
    </ModalDialog>
  );
}

function Targets({
  contribution,
  onCancel,
  onDone,
}: {
  contribution: Contribution;
  onCancel: () => void;
  onDone: (copies: Contribution[]) => void;
}) {
  const { t } = useTranslation();
  const targets = useCopyTargets(contribution.id);
  return (
    <QueryState query={targets}>
      {(items) =>
        items.some((r) => r.blocked === null) ? (
          <CopyForm contribution={contribution} targets={items} onCancel={onCancel} onDone={onDone} />
        ) : (
          <>
            <Paragraph>{t('contributions.copy.none')}</Paragraph>
            <div className="row">
              <Button type="button" variant="secondary" onClick={onCancel}>
                {t('common.close')}
              </Button>
            </div>
          </>
        )
      }
    </QueryState>
  );
}

function CopyForm({
  contribution,
  targets,
  onCancel,
  onDone,
}: {
  contribution: Contribution;
  targets: CopyTarget[];
  onCancel: () => void;
  onDone: (copies: Contribution[]) => void;
}) {
  const { t } = useTranslation();
  const copy = useCopyContribution();
  const form = useForm(CopyContributionInput, { regionIds: [] as string[] });
  const open = targets.filter((r) => r.blocked === null);
  // The regions that can take a copy first, so they are not lost among those that cannot.
  const listed = [...open, ...targets.filter((r) => r.blocked !== null)];
  const chosen = new Set(form.values.regionIds);
  // Kept in the list's order, so the summary reads as the list does.
  const choose = (ids: Set<string>) =>
    form.set(
      'regionIds',
      open.map((r) => r.region.id).filter((id) => ids.has(id)),
    );
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    choose(next);
  };
  const names = open.filter((r) => chosen.has(r.region.id)).map((r) => r.region.name);
  const error = form.errors.regionIds;
  const helpId = form.fieldId('regionIds-help');
  const errorId = form.fieldId('regionIds-error');
  const firstOpen = open[0]?.region.id;

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const made: ContributionCopies = await copy.mutateAsync({ id: contribution.id, ...data });
        onDone(made.items);
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={['regionIds']} />
      <Paragraph>{t('contributions.copy.intro')}</Paragraph>
      <Fieldset aria-describedby={error ? `${helpId} ${errorId}` : helpId}>
        <Fieldset.Legend>{t('contributions.copy.regions')}</Fieldset.Legend>
        <Fieldset.Description id={helpId}>{t('contributions.copy.regionsHelp')}</Fieldset.Description>
        <div className="row">
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            disabled={chosen.size === open.length}
            onClick={() => choose(new Set(open.map((r) => r.region.id)))}
          >
            {t('contributions.copy.all')}
          </Button>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            disabled={chosen.size === 0}
            onClick={() => choose(new Set())}
          >
            {t('contributions.copy.noneChosen')}
          </Button>
        </div>
        <div className="contributions-checklist">
          {listed.map((r) =>
            r.blocked === null ? (
              <Checkbox
                key={r.region.id}
                id={r.region.id === firstOpen ? form.fieldId('regionIds') : undefined}
                label={r.region.name}
                value={r.region.id}
                checked={chosen.has(r.region.id)}
                onChange={(e) => toggle(r.region.id, e.target.checked)}
              />
            ) : (
              // The reason stands beside the disabled box rather than in it, so it keeps full contrast.
              <div key={r.region.id}>
                <Checkbox
                  label={r.region.name}
                  value={r.region.id}
                  checked={false}
                  disabled
                  aria-describedby={form.fieldId(`blocked-${r.region.id}`)}
                  onChange={() => undefined}
                />
                <Paragraph
                  data-size="sm"
                  id={form.fieldId(`blocked-${r.region.id}`)}
                  className="contributions-copy-blocked"
                >
                  {t(`contributions.copy.blocked.${r.blocked}`)}
                </Paragraph>
              </div>
            ),
          )}
        </div>
        {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
      </Fieldset>
      <Paragraph role="status" className="contributions-copy-summary">
        {names.length === 0
          ? t('contributions.copy.summaryNone')
          : t('contributions.copy.summary', { count: names.length, names: names.join(', ') })}
      </Paragraph>
      <DialogButtons
        submitting={form.submitting}
        submit={
          names.length === 0
            ? t('contributions.copy.submitNone')
            : t('contributions.copy.submit', { count: names.length })
        }
        onCancel={onCancel}
      />
    </form>
  );
}

/**
 * What a copy made, said where it was asked for (under the item's actions, where the focus comes back):
 * how many regions got one, and a link to each new contribution that lands on it in its agreement.
 */
export function CopiedNotice({ copies }: { copies: Contribution[] }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="success" role="status" className="contributions-copied">
      <Paragraph>{t('contributions.copy.done', { count: copies.length })}</Paragraph>
      <ul aria-label={t('contributions.copy.copiesLabel')}>
        {copies.map((c) => (
          <li key={c.id}>
            <Link to={contributionsPath(c.agreementId, c.id)}>
              {t('contributions.copy.copyLink', { title: c.title, region: c.region.name })}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
