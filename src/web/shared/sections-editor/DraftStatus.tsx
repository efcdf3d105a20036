import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
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
}: {
  problem: Problem | null;
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
  return (
    <Alert data-color="danger">
      {problem.messages.map((m) => (
        <Paragraph key={m}>{m}</Paragraph>
      ))}
    </Alert>
  );
}

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
