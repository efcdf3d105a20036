import {
  Button,
  Heading,
  Label,
  Paragraph,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseSection,
  caseSections,
  type PoliticalCase,
  ReplaceDecisionPointsInput,
  type TemplateField,
  UpdateCaseInput,
} from '../../../shared/contracts/cases';
import { type RichTextDoc, sameRichText } from '../../../shared/contracts/rich-text';
import { ApiError } from '../../shared/api';
import { FormError, useConflict } from '../../shared/components/FormError';
import { RichTextEditor } from '../../shared/rich-text/RichTextEditor';
import { useUnsavedChanges } from '../../shared/unsaved-changes';
import { orNull, useForm } from '../../shared/use-form';
import { DecisionPointsEditor, type PointDraft, pointsChanged, pointsOf } from './DecisionPointsEditor';
import { useReloadCase, useReplaceDecisionPoints, useUpdateCase } from './political.api';
import { TemplateMark } from './TemplateMark';

const CaseFields = UpdateCaseInput.omit({ version: true });

const valuesOf = (c: PoliticalCase) => ({
  title: c.title,
  archiveReference: c.archiveReference ?? '',
  background: c.background,
  facts: c.facts,
  alternatives: c.alternatives,
  assessment: c.assessment,
  consequences: c.consequences,
  authority: c.authority,
  signerName: c.signer.name ?? '',
  signerTitle: c.signer.title ?? '',
  signedOn: c.signer.date,
});

const shownFields = [
  'title',
  'archiveReference',
  ...caseSections,
  'authority',
  'signerName',
  'signerTitle',
  'signedOn',
  'points',
];

/** The server's field for a point's text (points.2.text) as the point's key on screen. */
function pointErrorsOf(error: unknown, points: readonly PointDraft[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    const m = /^points\.(\d+)/.exec(field);
    const point = m ? points[Number(m[1])] : undefined;
    if (point) out[point.key] = message;
    else if (field === 'points') out.points = message;
  }
  return out;
}

/**
 * The coordinator's editor of the case document: title, archive number, the proposed decision's points, the
 * five parts in rich text, the decision authority and the signer. What the template filled is marked until
 * it is edited. One save writes the points and the rest, each with the case's version, so a case someone
 * else saved meanwhile is refused and the editor keeps what was typed and offers to load theirs.
 */
export function CaseEditor({
  politicalCase,
  version,
  onSaved,
  onReloaded,
  onNotice,
}: {
  politicalCase: PoliticalCase;
  version: number;
  onSaved: (next: PoliticalCase) => void;
  onReloaded: (fresh: PoliticalCase) => void;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [saved, setSaved] = useState(politicalCase);
  const [points, setPoints] = useState<PointDraft[]>(() => pointsOf(politicalCase.decisionPoints));
  const [pointErrors, setPointErrors] = useState<Record<string, string>>({});
  const [revision, setRevision] = useState(0);
  const form = useForm(CaseFields, valuesOf(politicalCase));
  const conflict = useConflict();
  const replace = useReplaceDecisionPoints();
  const update = useUpdateCase();
  const reload = useReloadCase();
  const pointsDirty = pointsChanged(points, saved.decisionPoints);
  const { whileSaving } = useUnsavedChanges(pointsDirty);
  const { values, errors } = form;

  /** Still what the template wrote: marked so, until someone changes it. */
  const filled = (field: TemplateField) => saved.templateFilled.includes(field);
  const untouched = (field: TemplateField) => {
    if (!filled(field)) return false;
    if (field === 'title' || field === 'authority') return values[field] === saved[field];
    return sameRichText(values[field], saved[field]);
  };

  const checkPoints = (): Record<string, string> => {
    const checked = ReplaceDecisionPointsInput.safeParse({
      points: points.map((p) => ({ id: p.id, text: p.text })),
      version,
    });
    if (checked.success) return {};
    const out: Record<string, string> = {};
    for (const issue of checked.error.issues) {
      const index = issue.path[1];
      const point = typeof index === 'number' ? points[index] : undefined;
      const key = point ? point.key : 'points';
      if (!out[key]) out[key] = t(issue.message);
    }
    return out;
  };

  const submit = form.submit(async (data) => {
    let at = version;
    if (pointsDirty) {
      const next = await whileSaving(() =>
        conflict.guard(
          replace.mutateAsync({
            id: saved.id,
            points: points.map((p) => ({ id: p.id, text: p.text })),
            version: at,
          }),
        ),
      ).catch((e: unknown) => {
        setPointErrors(pointErrorsOf(e, points));
        throw e;
      });
      at = next.version;
      onSaved(next);
      setSaved(next);
      setPoints(pointsOf(next.decisionPoints));
    }
    if (form.dirty || !pointsDirty) {
      const next = await conflict.guard(update.mutateAsync({ id: saved.id, ...data, version: at }));
      onSaved(next);
      setSaved(next);
      form.reset(valuesOf(next));
    }
    onNotice(t('political.case.saved'));
  });

  const save = () => {
    conflict.clear();
    const found = checkPoints();
    setPointErrors(found);
    if (Object.keys(found).length > 0) return;
    void submit();
  };

  const pointFields = Object.keys(errors).filter((k) => k.startsWith('points'));
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('political.case.documentHeading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('political.template.help')}
      </Paragraph>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {conflict.conflict ? (
          <FormError
            summary={form.summary}
            error={form.formError}
            conflict
            onReload={async () => {
              const fresh = await reload(saved.id);
              conflict.clear();
              setSaved(fresh);
              setPoints(pointsOf(fresh.decisionPoints));
              setPointErrors({});
              form.reset(valuesOf(fresh));
              setRevision((r) => r + 1);
              onReloaded(fresh);
            }}
            reloadLabel={t('political.case.reload')}
          />
        ) : (
          <FormError
            summary={form.summary}
            error={form.formError}
            errors={errors}
            fields={[...shownFields, ...pointFields]}
          />
        )}
        <Textfield
          label={t('political.case.title')}
          description={untouched('title') ? <TemplateMark /> : undefined}
          {...form.field('title')}
        />
        <Textfield
          label={`${t('political.case.archiveReference')} ${t('common.optional')}`}
          description={t('political.case.archiveReferenceHelp')}
          {...form.field('archiveReference')}
        />
        <DecisionPointsEditor points={points} onChange={setPoints} errors={pointErrors} />
        {caseSections.map((key) => (
          <PartEditor
            key={`${key}-${revision}`}
            section={key}
            doc={values[key]}
            onChange={(doc) => form.set(key, doc)}
            marked={untouched(key)}
            error={errors[key]}
          />
        ))}
        <Textfield
          label={t('political.case.authority')}
          description={
            <>
              {t('political.case.authorityHelp')} {untouched('authority') && <TemplateMark />}
            </>
          }
          multiline
          rows={2}
          {...form.field('authority')}
        />
        <fieldset className="political-signer">
          <legend>{t('political.case.signer')}</legend>
          <div className="form-grid">
            <Textfield
              label={`${t('political.case.signerName')} ${t('common.optional')}`}
              {...form.field('signerName')}
            />
            <Textfield
              label={`${t('political.case.signerTitle')} ${t('common.optional')}`}
              {...form.field('signerTitle')}
            />
            <Textfield
              label={`${t('political.case.signedOn')} ${t('common.optional')}`}
              type="date"
              {...form.field('signedOn', orNull)}
            />
          </div>
        </fieldset>
        <div>
          <Button type="submit" disabled={form.submitting}>
            {form.submitting ? t('common.saving') : t('political.case.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** One of the document's five parts in the rich-text editor, with its mark while the template's. */
function PartEditor({
  section,
  doc,
  onChange,
  marked,
  error,
}: {
  section: CaseSection;
  doc: RichTextDoc;
  onChange: (doc: RichTextDoc) => void;
  marked: boolean;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const markId = useId();
  const errorId = useId();
  const described = [marked ? markId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="stack stack--tight">
      <div className="row political-part__head">
        <Label asChild>
          <span id={labelId}>{t(`political.section.${section}`)}</span>
        </Label>
        {marked && <TemplateMark id={markId} />}
      </div>
      <RichTextEditor
        content={doc}
        onChange={onChange}
        labelId={labelId}
        toolbarLabel={t('political.case.toolbar', { part: t(`political.section.${section}`) })}
        describedBy={described}
        invalid={Boolean(error)}
      />
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </div>
  );
}
