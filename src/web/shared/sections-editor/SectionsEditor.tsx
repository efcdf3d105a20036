import { Button, Paragraph } from '@digdir/designsystemet-react';
import { type ReactNode, useId, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../../shared/contracts/field-errors';
import {
  type GeneralPartVersion,
  SectionInput,
  UpdateSectionsInput,
} from '../../../shared/contracts/general-part';
import { ApiError } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDateTime } from '../format';
import { currentLocale } from '../i18n';
import { useUnsavedChanges } from '../unsaved-changes';
import './sections-editor.css';
import { type Problem, ProblemAlert, SaveBar, type SectionFieldError } from './DraftStatus';
import {
  type DraftSection,
  differingFrom,
  draftReducer,
  errorsBySection,
  initialDraft,
  newSectionId,
  toSectionInputs,
} from './draft-state';
import { SectionEditor, type SectionErrors } from './SectionEditor';
import { UnsavedCopies } from './UnsavedCopies';

/** A draft as the sections editor needs it: its state (`draft` while it may change), `version` and sections. */
export type EditableDraft = { state: string; version: number; sections: GeneralPartVersion['sections'] };

/**
 * A section whose text is not typed but made by the system (the special part's contributions): shown read
 * only in place of the text editor, with a tag and a note; like a required section it cannot be removed.
 */
export type GeneratedSection = { tag: string; note: string; content: ReactNode };

/**
 * The editor of a draft: every section with its title and text, in order. Saving sends the whole ordered
 * list with the `version` the screen was loaded with; if someone saved in between, the server says 409 and
 * nothing is overwritten. The text typed here stays on screen, and after reloading it is offered section by
 * section, so nothing is lost. Used for the general part and for the special parts; `generated` names the
 * sections whose text the system makes.
 */
export function SectionsEditor({
  draft,
  save: saveSections,
  saving,
  load,
  versionPath,
  generated,
}: {
  draft: EditableDraft;
  save: (input: UpdateSectionsInput) => Promise<EditableDraft>;
  saving: boolean;
  load: () => Promise<EditableDraft>;
  versionPath: string;
  generated?: (key: string | null) => GeneratedSection | undefined;
}) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(draftReducer, draft, initialDraft);
  const [sectionErrors, setSectionErrors] = useState(new Map<string, SectionErrors>());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState<DraftSection[]>([]);
  const [removing, setRemoving] = useState<DraftSection | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [reloading, setReloading] = useState(false);
  const helpId = useId();
  const list = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  useUnsavedChanges(state.dirty);

  /** Moves the focus to a control of a section once React has put it in place. */
  const focusLater = (id: string | undefined, selector: string) =>
    requestAnimationFrame(() => {
      const target = id
        ? list.current?.querySelector<HTMLElement>(`[data-section="${id}"] ${selector}`)
        : list.current?.querySelector<HTMLElement>(selector);
      target?.focus();
    });
  const showProblem = (next: Problem) => {
    setProblem(next);
    requestAnimationFrame(() => problemRef.current?.focus());
  };
  const setErrorsOf = (id: string, errors: SectionErrors | undefined) =>
    setSectionErrors((current) => {
      const next = new Map(current);
      if (errors && (errors.title || errors.body)) next.set(id, errors);
      else next.delete(id);
      return next;
    });

  const titleError = (title: string) => {
    const result = SectionInput.shape.title.safeParse(title);
    const issue = result.success ? undefined : fieldIssues(result.error.issues)[0];
    return issue ? t(issue.code, issue.params) : undefined;
  };

  const onSave = async () => {
    setProblem(null);
    setSavedAt(null);
    const sent = state.sections;
    const parsed = UpdateSectionsInput.safeParse({ version: state.version, sections: toSectionInputs(sent) });
    if (!parsed.success) {
      const messages = Object.fromEntries(
        fieldIssues(parsed.error.issues).map((i) => [i.field, t(i.code, i.params)]),
      );
      const { bySection, general } = errorsBySection(messages, sent);
      setSectionErrors(bySection);
      showProblem({ kind: 'error', messages: [t('generalPart.editor.fixErrors'), ...general] });
      return;
    }
    try {
      const saved = await saveSections(parsed.data);
      dispatch({ type: 'saved', sent, draft: saved });
      setSectionErrors(new Map());
      setSavedAt(formatDateTime(new Date().toISOString(), currentLocale()));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.problem.code === 'stale') {
        showProblem({ kind: 'stale' });
      } else if (error instanceof ApiError && error.status === 409) {
        showProblem({ kind: 'frozen', message: error.problem.errors?.[0]?.message || error.problem.title });
      } else if (error instanceof ApiError && error.status !== 0) {
        const { bySection, general } = errorsBySection(error.fieldErrors(), sent);
        setSectionErrors(bySection);
        showProblem({ kind: 'error', messages: [error.problem.title || t('errors.internal'), ...general] });
      } else {
        showProblem({ kind: 'error', messages: [t('generalPart.editor.network')] });
      }
    }
  };

  /** After a conflict: the saved draft comes in, and what was typed here is kept aside, section by section. */
  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await load();
      if (fresh.state !== 'draft') {
        showProblem({ kind: 'frozen', message: t('generalPart.editor.noLongerDraft') });
        return;
      }
      setUnsaved(differingFrom(fresh.sections, state.sections));
      // Loading gives every section a new id on this screen, so each editor starts afresh with the saved text.
      dispatch({ type: 'load', draft: fresh });
      setSectionErrors(new Map());
      setProblem(null);
      setAnnouncement(t('generalPart.editor.reloaded'));
    } catch {
      showProblem({ kind: 'error', messages: [t('generalPart.editor.network')] });
    } finally {
      setReloading(false);
    }
  };

  const move = (section: DraftSection, index: number, by: -1 | 1) => {
    dispatch({ type: 'move', id: section.id, by });
    setAnnouncement(
      t('generalPart.editor.moved', {
        title: section.title || t('generalPart.editor.untitled'),
        position: index + by + 1,
        count: state.sections.length,
      }),
    );
    focusLater(section.id, `[data-move="${by < 0 ? 'up' : 'down'}"]`);
  };

  // The summary lists the errors as they are now: each goes from it as soon as it is put right.
  const summaryOf = (sections: readonly DraftSection[]): SectionFieldError[] =>
    sections.flatMap((section, index) => {
      const errors = sectionErrors.get(section.id);
      if (!errors) return [];
      const name = t('generalPart.editor.sectionHeading', {
        number: index + 1,
        title: section.title.trim() || t('generalPart.editor.untitled'),
      });
      return (['title', 'body'] as const).flatMap((field) => {
        const message = errors[field];
        if (!message) return [];
        const what = field === 'title' ? t('generalPart.editor.title') : t('generalPart.editor.textShort');
        return [{ sectionId: section.id, field, label: `${name}, ${what.toLocaleLowerCase()}`, message }];
      });
    });

  const add = () => {
    const id = newSectionId();
    dispatch({ type: 'add', id });
    focusLater(id, 'input');
  };

  return (
    <div className="stack">
      <Paragraph id={helpId} data-size="sm" className="muted">
        {t('generalPart.editor.help')}
      </Paragraph>
      <div ref={problemRef} tabIndex={-1} className="focus-target">
        <ProblemAlert
          problem={problem}
          fieldErrors={problem?.kind === 'error' ? summaryOf(state.sections) : []}
          versionPath={versionPath}
          onReload={() => void reload()}
          reloading={reloading}
        />
      </div>
      <UnsavedCopies
        copies={unsaved}
        sections={state.sections}
        onRestore={(copy, target) => {
          dispatch({ type: 'restore', id: target.id, title: copy.title, body: copy.body });
          setUnsaved((u) => u.filter((c) => c.id !== copy.id));
        }}
        onAppend={(copy) => {
          dispatch({ type: 'append', id: newSectionId(), title: copy.title, body: copy.body });
          setUnsaved((u) => u.filter((c) => c.id !== copy.id));
        }}
        onDismiss={(copy) => setUnsaved((u) => u.filter((c) => c.id !== copy.id))}
      />
      <div className="stack" ref={list}>
        {state.sections.map((section, index) => (
          <SectionEditor
            key={section.id}
            section={section}
            index={index}
            count={state.sections.length}
            errors={sectionErrors.get(section.id)}
            helpId={helpId}
            generated={generated?.(section.key)}
            onTitle={(title) => {
              dispatch({ type: 'title', id: section.id, title });
              const errors = sectionErrors.get(section.id);
              if (errors?.title) setErrorsOf(section.id, { ...errors, title: titleError(title) });
            }}
            onTitleBlur={() =>
              setErrorsOf(section.id, { ...sectionErrors.get(section.id), title: titleError(section.title) })
            }
            onBody={(body) => {
              dispatch({ type: 'body', id: section.id, body });
              const errors = sectionErrors.get(section.id);
              if (errors?.body) setErrorsOf(section.id, { ...errors, body: undefined });
            }}
            onMove={(by) => move(section, index, by)}
            onRemove={() => setRemoving(section)}
          />
        ))}
      </div>
      <div>
        <Button variant="secondary" onClick={add}>
          {t('generalPart.editor.add')}
        </Button>
      </div>
      <SaveBar
        onSave={() => void onSave()}
        saving={saving}
        dirty={state.dirty}
        savedAt={savedAt}
        versionPath={versionPath}
      />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('generalPart.editor.removeTitle', {
          title: removing?.title || t('generalPart.editor.untitled'),
        })}
        body={t('generalPart.editor.removeBody')}
        confirmLabel={t('generalPart.editor.removeConfirm')}
        danger
        onConfirm={async () => {
          if (!removing) return;
          const index = state.sections.findIndex((s) => s.id === removing.id);
          const neighbour = state.sections[index + 1] ?? state.sections[index - 1];
          dispatch({ type: 'remove', id: removing.id });
          setAnnouncement(
            t('generalPart.editor.removed', { title: removing.title || t('generalPart.editor.untitled') }),
          );
          focusLater(neighbour?.id, 'input');
        }}
      />
    </div>
  );
}
