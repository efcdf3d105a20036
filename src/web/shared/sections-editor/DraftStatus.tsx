import { Alert, Button, ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Why the last save did not go through: someone else saved first, the draft is frozen, or errors. */
export type Problem =
  | { kind: 'stale' }
  | { kind: 'frozen'; message: string }
  | { kind: 'error'; messages: string[] };

/** What went wrong with the last save, and the way on: reload after a conflict, or fix the errors shown. */
export function ProblemAlert({
  problem,
  versionPath,
  onReload,
  reloading,
  fieldErrors = [],
}: {
  problem: Problem | null;
  /**
   * The errors on the sections' fields, in the sections' order: after a refused save they are listed as an
   * error summary whose links move to each field (its title, or its text's editor).
   */
  fieldErrors?: readonly SectionFieldError[];
  /** Where the version is read (its page). */
  versionPath: string;
  onReload: () => void;
  reloading: boolean;
}) {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.kind === 'stale') {
    return (
      <Alert data-color="warning">
        <Paragraph>{t('generalPart.editor.conflict')}</Paragraph>
        <Paragraph>{t('generalPart.editor.conflictKeep')}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={onReload} disabled={reloading}>
          {t('generalPart.editor.conflictReload')}
        </Button>
      </Alert>
    );
  }
  if (problem.kind === 'frozen') {
    return (
      <Alert data-color="danger">
        <Paragraph>{problem.message}</Paragraph>
        <Paragraph>{t('generalPart.editor.frozenKeep')}</Paragraph>
        <Link to={versionPath}>{t('generalPart.editor.toVersion')}</Link>
      </Alert>
    );
  }
  if (fieldErrors.length > 0) {
    // The first message says the draft was not saved; the others are errors no field holds.
    const [notSaved, ...general] = problem.messages;
    return (
      <ErrorSummary>
        <ErrorSummary.Heading level={2} data-size="2xs">
          {t('common.errorSummary')}
        </ErrorSummary.Heading>
        {notSaved && <Paragraph>{notSaved}</Paragraph>}
        <ErrorSummary.List>
          {general.map((m) => (
            <ErrorSummary.Item key={m}>{m}</ErrorSummary.Item>
          ))}
          {fieldErrors.map((e) => (
            <ErrorSummary.Item key={`${e.sectionId}-${e.field}`}>
              <ErrorSummary.Link
                href={`#${e.sectionId}`}
                onClick={(event) => {
                  event.preventDefault();
                  const target = document.querySelector<HTMLElement>(
                    `[data-section="${CSS.escape(e.sectionId)}"] ${e.field === 'title' ? '[data-field="title"]' : '[contenteditable="true"]'}`,
                  );
                  target?.focus();
                  target?.scrollIntoView({ block: 'center' });
                }}
              >
                {`${e.label}: ${e.message}`}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      </ErrorSummary>
    );
  }
  return (
    <Alert data-color="danger">
      {problem.messages.map((m) => (
        <Paragraph key={m}>{m}</Paragraph>
      ))}
    </Alert>
  );
}

/** One error on a section's field, named as the summary names it («2. Formål – tittel»). */
export type SectionFieldError = {
  sectionId: string;
  field: 'title' | 'body';
  label: string;
  message: string;
};

/**
 * The save button, always in reach at the bottom of the window while writing, with whether everything is
 * saved (read out when it changes).
 */
export function SaveBar({
  onSave,
  saving,
  dirty,
  savedAt,
  versionPath,
}: {
  onSave: () => void;
  saving: boolean;
  dirty: boolean;
  savedAt: string | null;
  versionPath: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="draft-savebar">
      <Button onClick={onSave} disabled={saving}>
        {saving ? t('common.saving') : t('generalPart.editor.save')}
      </Button>
      <Paragraph data-size="sm" role="status">
        {dirty
          ? t('generalPart.editor.unsaved')
          : savedAt
            ? t('generalPart.editor.savedAt', { time: savedAt })
            : t('generalPart.editor.allSaved')}
      </Paragraph>
      <Link to={versionPath}>{t('generalPart.editor.toVersion')}</Link>
    </div>
  );
}
