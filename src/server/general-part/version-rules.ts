import type { FieldIssue } from '../../shared/contracts/field-errors.js';
import { requiredSections } from '../../shared/contracts/general-part.js';
import { isEmptyRichText, type RichTextDoc } from '../../shared/contracts/rich-text.js';
import { AppError } from '../platform/errors.js';

/**
 * The seed document's rule: a general part must cover parties, period, purpose, anchoring and
 * implementation. A version may be edited into any shape while it is a draft, but it is not sent on hearing
 * or approved while one of these sections is missing or has no text. Each problem names the section
 * (`sections.<key>`), so the screen can point at it.
 */
export function requiredSectionIssues(sections: readonly { key: string; body: RichTextDoc }[]): FieldIssue[] {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  return requiredSections.flatMap(({ key, title }): FieldIssue[] => {
    const section = byKey.get(key);
    if (!section)
      return [{ field: `sections.${key}`, code: 'validation.requiredSectionMissing', params: { title } }];
    if (isEmptyRichText(section.body)) {
      return [{ field: `sections.${key}`, code: 'validation.requiredSectionEmpty', params: { title } }];
    }
    return [];
  });
}

export function assertRequiredSections(sections: readonly { key: string; body: RichTextDoc }[]): void {
  const issues = requiredSectionIssues(sections);
  if (issues.length > 0) throw new AppError('validation', issues);
}
