import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/contracts/auth';
import {
  type SpecialPartAnswer,
  SpecialPartAnswerInput,
  type SpecialPartAnswerView,
  type SpecialPartSection,
  type SpecialPartVerdict,
  type SpecialPartVersion,
} from '../../../shared/contracts/special-part';
import { ApiError } from '../../shared/api';
import { FormError } from '../../shared/components/FormError';
import { QueryState } from '../../shared/components/QueryState';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { type FormSchema, useForm } from '../../shared/use-form';
import { useAnswerSpecialPart, useSpecialPartAnswer } from './special-part.api';
import './special-part.css';

/**
 * The region's answer to a sent version, under the version's facts and before its text: the coordinator
 * reads it before recording the version as agreed, the county's people and the region read it, and the
 * region's own contact gives it or changes it while the version is open for answers. Another region's
 * contact is not shown it (the server refuses them too).
 */
export function SpecialPartAnswerSection({
  version,
  me,
  regionId,
}: {
  version: SpecialPartVersion;
  me: Me;
  regionId: string;
}) {
  const { t } = useTranslation();
  const mayRead = me.role !== 'region' || me.regionId === regionId;
  const shown = mayRead && version.state !== 'draft';
  const view = useSpecialPartAnswer(version.id, shown);
  if (!shown) return null;
  const headingId = `special-part-answer-${version.id}`;
  return (
    <section className="stack stack--tight special-part-answer" aria-labelledby={headingId}>
      <QueryState query={view}>
        {(v) => (
          <>
            <Heading level={4} data-size="2xs" id={headingId}>
              {t('specialPart.answer.heading', { region: v.region.name })}
            </Heading>
            <AnswerBody view={v} version={version} answers={me.role === 'region'} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function AnswerBody({
  view,
  version,
  answers,
}: {
  view: SpecialPartAnswerView;
  version: SpecialPartVersion;
  /** The region's own contact: the one who gives the answer. */
  answers: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { answer } = view;
  if (answers && view.open && (editing || !answer)) {
    return (
      <AnswerForm
        version={version}
        answer={answer}
        onSaved={(message) => {
          setNotice(message);
          setEditing(false);
        }}
        onCancel={answer ? () => setEditing(false) : undefined}
      />
    );
  }
  return (
    <>
      {notice && (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      )}
      {answer ? (
        <AnswerShown answer={answer} regionName={view.region.name} number={version.number} />
      ) : (
        <Paragraph>{t(view.open ? 'specialPart.answer.notYet' : 'specialPart.answer.none')}</Paragraph>
      )}
      {answers && view.open && answer && (
        <>
          <Paragraph data-size="sm" className="muted">
            {t('specialPart.answer.changeable')}
          </Paragraph>
          <div>
            <Button
              variant="secondary"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              {t('specialPart.answer.form.change')}
            </Button>
          </div>
        </>
      )}
    </>
  );
}

function AnswerShown({
  answer,
  regionName,
  number,
}: {
  answer: SpecialPartAnswer;
  regionName: string;
  number: number;
}) {
  const { t } = useTranslation();
  const time = formatDateTime(answer.answeredAt, currentLocale());
  return (
    <>
      <Paragraph>
        {answer.verdict === 'agrees'
          ? t('specialPart.answer.agrees', { region: regionName, number })
          : t('specialPart.answer.comments', { region: regionName, number, count: answer.comments.length })}
      </Paragraph>
      {answer.comments.length > 0 && (
        <dl className="special-part-answer__comments">
          {answer.comments.map((c) => (
            <div key={c.sectionKey}>
              <dt>{t('specialPart.answer.onSection', { title: c.sectionTitle })}</dt>
              <dd className="special-part-answer__text">{c.text}</dd>
            </div>
          ))}
        </dl>
      )}
      <Paragraph data-size="sm" className="muted">
        {answer.answeredBy
          ? t('specialPart.answer.answeredBy', { name: answer.answeredBy.name, time })
          : t('specialPart.answer.answered', { time })}
      </Paragraph>
    </>
  );
}

/** The form's own name of a section's comment field. */
const commentField = (key: string) => `comment:${key}`;

type Values = Record<string, string>;

/** What the form sends: the comments of the sections with text, and only with the verdict that has them. */
function inputOf(values: Values, sections: readonly SpecialPartSection[], version?: number) {
  const commented =
    values.verdict === 'comments' ? sections.filter((s) => values[commentField(s.key)]?.trim()) : [];
  return {
    input: {
      ...(version === undefined ? {} : { version }),
      verdict: values.verdict || undefined,
      comments: commented.map((s) => ({ sectionKey: s.key, text: values[commentField(s.key)] ?? '' })),
    },
    /** The field of the form each comment came from, by its place in what is sent. */
    fieldOf: (path: string) => {
      const match = /^comments\.(\d+)(\.|$)/.exec(path);
      const section = match ? commented[Number(match[1])] : undefined;
      return section ? commentField(section.key) : path;
    },
  };
}

/**
 * The region's answer, given or changed: it agrees, or it has comments, each written on its section. The
 * shared schema checks it; its errors (and the server's) about a comment land on that section's field.
 */
function AnswerForm({
  version,
  answer,
  onSaved,
  onCancel,
}: {
  version: SpecialPartVersion;
  answer: SpecialPartAnswer | null;
  onSaved: (notice: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const save = useAnswerSpecialPart(version.id);
  const { sections } = version;
  const schema = useMemo<FormSchema>(
    () => ({
      safeParse(values: unknown) {
        const { input, fieldOf } = inputOf(values as Values, sections);
        const result = SpecialPartAnswerInput.safeParse(input);
        if (result.success) return result;
        const issues = result.error.issues.map((i) => ({ ...i, path: fieldOf(i.path.join('.')).split('.') }));
        return { success: false, error: { issues } };
      },
    }),
    [sections],
  );
  const initial: Values = { verdict: answer?.verdict ?? '' };
  for (const s of sections) {
    initial[commentField(s.key)] = answer?.comments.find((c) => c.sectionKey === s.key)?.text ?? '';
  }
  const form = useForm(schema, initial);
  const { values, errors } = form;
  const verdictError = errors.verdict;
  // The one error on the comments together is that there is none (the form sends none with "agrees", and a
  // version has no more sections than an answer may comment on): it goes as soon as a section has one,
  // since typing checks only the field typed in.
  const anyComment = sections.some((s) => values[commentField(s.key)]?.trim());
  const commentsError = anyComment ? undefined : errors.comments;
  // What the form's own message and its error summary list: the same, without the comments' error once gone.
  const { comments: _comments, ...otherErrors } = errors;
  const shownErrors = commentsError ? { ...otherErrors, comments: commentsError } : otherErrors;

  const submit = form.submit(async () => {
    const { input, fieldOf } = inputOf(values, sections, answer?.version);
    try {
      await save.mutateAsync(SpecialPartAnswerInput.parse(input));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      throw new ApiError(e.status, {
        ...e.problem,
        errors: e.problem.errors?.map((err) => ({ ...err, field: fieldOf(err.field) })),
      });
    }
    onSaved(t(answer ? 'specialPart.answer.changed' : 'specialPart.answer.given'));
  });

  const choose = (verdict: SpecialPartVerdict) => form.set('verdict', verdict);
  const verdictErrorId = `${id}-verdict-error`;
  const commentsErrorId = `${id}-comments-error`;
  const commentsHelpId = `${id}-comments-help`;
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <FormError
        error={form.formError}
        errors={shownErrors}
        fields={['verdict', 'comments', ...sections.map((s) => commentField(s.key))]}
        summary={form.summary}
      />
      <Fieldset aria-describedby={verdictError ? verdictErrorId : undefined}>
        <Fieldset.Legend>{t('specialPart.answer.form.legend', { number: version.number })}</Fieldset.Legend>
        {(['agrees', 'comments'] as const).map((verdict) => (
          <Radio
            key={verdict}
            name={`${id}-verdict`}
            value={verdict}
            label={t(`specialPart.answer.form.${verdict}`)}
            checked={values.verdict === verdict}
            onChange={() => choose(verdict)}
            aria-invalid={verdictError ? true : undefined}
            aria-describedby={verdictError ? verdictErrorId : undefined}
          />
        ))}
        {verdictError && <ValidationMessage id={verdictErrorId}>{verdictError}</ValidationMessage>}
      </Fieldset>
      {values.verdict === 'comments' && (
        <Fieldset
          aria-describedby={[commentsHelpId, commentsError ? commentsErrorId : null]
            .filter(Boolean)
            .join(' ')}
        >
          <Fieldset.Legend>{t('specialPart.answer.form.commentsLegend')}</Fieldset.Legend>
          <Fieldset.Description id={commentsHelpId}>
            {t('specialPart.answer.form.commentsHelp')}
          </Fieldset.Description>
          {sections.map((s) => (
            <Textfield
              key={s.key}
              label={t('specialPart.answer.form.comment', { title: s.title })}
              multiline
              rows={3}
              {...form.field(commentField(s.key))}
            />
          ))}
          {commentsError && <ValidationMessage id={commentsErrorId}>{commentsError}</ValidationMessage>}
        </Fieldset>
      )}
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {form.submitting
            ? t('common.saving')
            : t(answer ? 'specialPart.answer.form.save' : 'specialPart.answer.form.submit')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
