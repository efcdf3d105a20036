import type { GeneralPartVersion, Section, SectionInput } from '../../../shared/contracts/general-part';
import { emptyRichText, type RichTextDoc, sameRichText } from '../../../shared/contracts/rich-text';

/**
 * One section as the editor holds it. `id` names it on this screen only (a new section has no key until it
 * is saved); `revision` changes when its text is replaced from outside the editor, which makes the editor
 * start afresh with the new text.
 */
export type DraftSection = {
  id: string;
  key: string | null;
  title: string;
  body: RichTextDoc;
  required: boolean;
  revision: number;
};

export type DraftState = {
  /** The draft's `version` as last loaded or saved: sent with the next save. */
  version: number;
  sections: DraftSection[];
  /** Something was changed since the draft was loaded or saved. */
  dirty: boolean;
};

export type DraftAction =
  | { type: 'load'; draft: Pick<GeneralPartVersion, 'version' | 'sections'> }
  | { type: 'saved'; sent: readonly DraftSection[]; draft: Pick<GeneralPartVersion, 'version' | 'sections'> }
  | { type: 'title'; id: string; title: string }
  | { type: 'body'; id: string; body: RichTextDoc }
  | { type: 'add'; id: string }
  | { type: 'move'; id: string; by: -1 | 1 }
  | { type: 'remove'; id: string }
  | { type: 'restore'; id: string; title: string; body: RichTextDoc }
  | { type: 'append'; id: string; title: string; body: RichTextDoc };

let counter = 0;
/** A name for a section on this screen, unique for the page's lifetime. */
export const newSectionId = () => `section-${++counter}`;

const fromServer = (section: Section): DraftSection => ({
  id: newSectionId(),
  key: section.key,
  title: section.title,
  body: section.body,
  required: section.required,
  revision: 0,
});

export function initialDraft(draft: Pick<GeneralPartVersion, 'version' | 'sections'>): DraftState {
  return { version: draft.version, sections: draft.sections.map(fromServer), dirty: false };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  const change = (sections: DraftSection[]): DraftState => ({ ...state, sections, dirty: true });
  const update = (id: string, patch: Partial<DraftSection>) =>
    change(state.sections.map((s) => (s.id === id ? { ...s, ...patch } : s)));
  switch (action.type) {
    case 'load':
      return initialDraft(action.draft);
    case 'saved': {
      // The server answers with the sections in the order they were sent: a new section gets its key.
      const keys = new Map(action.sent.map((s, i) => [s.id, action.draft.sections[i]?.key]));
      return {
        version: action.draft.version,
        sections: state.sections.map((s) => ({ ...s, key: keys.get(s.id) ?? s.key })),
        // Whatever was typed while the save was on its way is not saved yet.
        dirty: state.sections !== action.sent,
      };
    }
    case 'title':
      return update(action.id, { title: action.title });
    case 'body':
      return update(action.id, { body: action.body });
    case 'restore': {
      const current = state.sections.find((s) => s.id === action.id);
      if (!current) return state;
      return update(action.id, { title: action.title, body: action.body, revision: current.revision + 1 });
    }
    case 'add':
    case 'append':
      return change([
        ...state.sections,
        {
          id: action.id,
          key: null,
          title: action.type === 'append' ? action.title : '',
          body: action.type === 'append' ? action.body : emptyRichText(),
          required: false,
          revision: 0,
        },
      ]);
    case 'move': {
      const from = state.sections.findIndex((s) => s.id === action.id);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= state.sections.length) return state;
      const sections = [...state.sections];
      const [moved] = sections.splice(from, 1);
      if (!moved) return state;
      sections.splice(to, 0, moved);
      return change(sections);
    }
    case 'remove': {
      // The seed's five sections are part of every general part: they can be rewritten, never removed.
      const section = state.sections.find((s) => s.id === action.id);
      if (!section || section.required) return state;
      return change(state.sections.filter((s) => s.id !== action.id));
    }
  }
}

/** What the save sends: the sections in their order, each with its key (none for a new one). */
export function toSectionInputs(sections: readonly DraftSection[]): SectionInput[] {
  return sections.map((s) => ({ ...(s.key ? { key: s.key } : {}), title: s.title, body: s.body }));
}

/**
 * Field errors of a save (`sections.2.title`, `sections.2.body.content.0…`) gathered by the section they
 * belong to, so each is shown next to its section; anything else is about the draft as a whole.
 */
export function errorsBySection(
  errors: Record<string, string>,
  sections: readonly DraftSection[],
): { bySection: Map<string, { title?: string; body?: string }>; general: string[] } {
  const bySection = new Map<string, { title?: string; body?: string }>();
  const general: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    const match = /^sections\.(\d+)\.(title|body|key)?/.exec(field);
    const section = match ? sections[Number(match[1])] : undefined;
    if (!match || !section) {
      general.push(message);
      continue;
    }
    const entry = bySection.get(section.id) ?? {};
    const slot = match[2] === 'title' ? 'title' : 'body';
    entry[slot] ??= message;
    bySection.set(section.id, entry);
  }
  return { bySection, general };
}

/**
 * After an edit conflict: the sections typed here that differ from the saved draft (or are not in it at
 * all), to be kept aside and offered back, so nothing typed is lost.
 */
export function differingFrom(saved: readonly Section[], mine: readonly DraftSection[]): DraftSection[] {
  const theirs = new Map(saved.map((s) => [s.key, s]));
  return mine.filter((s) => {
    const other = s.key ? theirs.get(s.key) : undefined;
    return !other || other.title !== s.title || !sameRichText(other.body, s.body);
  });
}
