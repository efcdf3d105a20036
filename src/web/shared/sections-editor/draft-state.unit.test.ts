import { describe, expect, it } from 'vitest';
import type { GeneralPartVersion, Section } from '../../../shared/contracts/general-part';
import { emptyRichText, type RichTextDoc } from '../../../shared/contracts/rich-text';
import { differingFrom, draftReducer, errorsBySection, initialDraft, toSectionInputs } from './draft-state';

const text = (words: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
});

const section = (key: string, title: string, required: boolean, position: number): Section => ({
  id: `id-${key}`,
  key,
  title,
  body: text(`${title} tekst`),
  position,
  required,
});

const draft: Pick<GeneralPartVersion, 'version' | 'sections'> = {
  version: 3,
  sections: [
    section('parties', 'Avtalepartnere', true, 0),
    section('purpose', 'Formål', true, 1),
    section('s-extra', 'Økonomi', false, 2),
  ],
};

const titles = (state: ReturnType<typeof initialDraft>) => state.sections.map((s) => s.title);
const idOf = (state: ReturnType<typeof initialDraft>, title: string) =>
  state.sections.find((s) => s.title === title)?.id ?? '';

describe('the draft being edited', () => {
  it('starts clean, with the sections in the order the server gave them', () => {
    const state = initialDraft(draft);
    expect(state.dirty).toBe(false);
    expect(state.version).toBe(3);
    expect(titles(state)).toEqual(['Avtalepartnere', 'Formål', 'Økonomi']);
  });

  it('moves a section up and down, and not past either end', () => {
    let state = initialDraft(draft);
    const extra = idOf(state, 'Økonomi');
    state = draftReducer(state, { type: 'move', id: extra, by: -1 });
    expect(titles(state)).toEqual(['Avtalepartnere', 'Økonomi', 'Formål']);
    expect(state.dirty).toBe(true);
    state = draftReducer(state, { type: 'move', id: extra, by: -1 });
    const atTop = draftReducer(state, { type: 'move', id: extra, by: -1 });
    expect(atTop).toBe(state);
    expect(titles(atTop)).toEqual(['Økonomi', 'Avtalepartnere', 'Formål']);
  });

  it('removes an added section but never a required one', () => {
    let state = initialDraft(draft);
    const required = draftReducer(state, { type: 'remove', id: idOf(state, 'Formål') });
    expect(required).toBe(state);
    state = draftReducer(state, { type: 'remove', id: idOf(state, 'Økonomi') });
    expect(titles(state)).toEqual(['Avtalepartnere', 'Formål']);
  });

  it('sends a new section without a key and the others with theirs, and takes the key the server gives it', () => {
    let state = initialDraft(draft);
    state = draftReducer(state, { type: 'add', id: 'new-1' });
    state = draftReducer(state, { type: 'title', id: 'new-1', title: 'Oppfølging' });
    const inputs = toSectionInputs(state.sections);
    expect(inputs.map((s) => s.key)).toEqual(['parties', 'purpose', 's-extra', undefined]);
    expect(inputs[3]).toEqual({ title: 'Oppfølging', body: emptyRichText() });

    const sent = state.sections;
    const answer = {
      version: 4,
      sections: [...draft.sections, { ...section('s-new', 'Oppfølging', false, 3), body: emptyRichText() }],
    };
    state = draftReducer(state, { type: 'saved', sent, draft: answer });
    expect(state.version).toBe(4);
    expect(state.dirty).toBe(false);
    expect(state.sections.map((s) => s.key)).toEqual(['parties', 'purpose', 's-extra', 's-new']);
  });

  it('stays unsaved when the text changed while the save was on its way', () => {
    let state = initialDraft(draft);
    const purpose = idOf(state, 'Formål');
    state = draftReducer(state, { type: 'body', id: purpose, body: text('Første utgave') });
    const sent = state.sections;
    state = draftReducer(state, { type: 'body', id: purpose, body: text('Andre utgave') });
    state = draftReducer(state, { type: 'saved', sent, draft: { ...draft, version: 4 } });
    expect(state.version).toBe(4);
    expect(state.dirty).toBe(true);
    expect(state.sections.find((s) => s.id === purpose)?.body).toEqual(text('Andre utgave'));
  });

  it('puts text back from outside the editor with a new revision, so the editor starts afresh with it', () => {
    let state = initialDraft(draft);
    const purpose = idOf(state, 'Formål');
    state = draftReducer(state, { type: 'restore', id: purpose, title: 'Formål', body: text('Min tekst') });
    const restored = state.sections.find((s) => s.id === purpose);
    expect(restored?.revision).toBe(1);
    expect(restored?.body).toEqual(text('Min tekst'));
  });
});

describe('after an edit conflict', () => {
  it('keeps aside the sections typed here that differ from the saved draft, and new ones', () => {
    let state = initialDraft(draft);
    state = draftReducer(state, { type: 'body', id: idOf(state, 'Formål'), body: text('Min tekst') });
    state = draftReducer(state, { type: 'add', id: 'new-1' });
    // The saved draft has the same parties, another purpose text, and its keys in another order.
    const saved = [draft.sections[1], draft.sections[0], draft.sections[2]].flatMap((s) => (s ? [s] : []));
    expect(differingFrom(saved, state.sections).map((s) => s.id)).toEqual([idOf(state, 'Formål'), 'new-1']);
  });
});

describe('errors of a save', () => {
  it('land on the section they name, by its place when sent, and the rest on the draft', () => {
    const state = initialDraft(draft);
    const { bySection, general } = errorsBySection(
      {
        'sections.1.title': 'Feltet må fylles ut.',
        'sections.2.body.content.0.content.0.marks.0.attrs.href': 'Lenker må begynne med http://',
        sections: 'Dokumentet kan ha høyst 100 avsnitt.',
      },
      state.sections,
    );
    expect(bySection.get(idOf(state, 'Formål'))).toEqual({ title: 'Feltet må fylles ut.' });
    expect(bySection.get(idOf(state, 'Økonomi'))).toEqual({ body: 'Lenker må begynne med http://' });
    expect(bySection.has(idOf(state, 'Avtalepartnere'))).toBe(false);
    expect(general).toEqual(['Dokumentet kan ha høyst 100 avsnitt.']);
  });
});
