import {
  Button,
  Heading,
  Label,
  Paragraph,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichTextDoc } from '../../../shared/contracts/rich-text';
import { RichTextEditor } from '../rich-text/RichTextEditor';
import type { DraftSection } from './draft-state';
import type { GeneratedSection } from './SectionsEditor';

export type SectionErrors = { title?: string; body?: string };

/**
 * One section of a draft: its title, its text with the formatting toolbar, and the buttons that move or
 * remove it. A required section (the seed's five) says so and has no remove button. A generated section
 * (text made by the system) shows that text read only instead of the text editor, and cannot be removed.
 * Errors are shown on the field they belong to.
 */
export function SectionEditor({
  section,
  index,
  count,
  errors,
  helpId,
  generated,
  onTitle,
  onTitleBlur,
  onBody,
  onMove,
  onRemove,
}: {
  section: DraftSection;
  index: number;
  count: number;
  errors: SectionErrors | undefined;
  helpId: string;
  generated?: GeneratedSection;
  onTitle: (title: string) => void;
  onTitleBlur: () => void;
  onBody: (body: RichTextDoc) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const textLabelId = useId();
  const bodyErrorId = useId();
  const name = section.title.trim() || t('generalPart.editor.untitled');
  const named = <span className="visually-hidden"> «{name}»</span>;

  return (
    <section className="draft-section" aria-labelledby={headingId} data-section={section.id}>
      <div className="draft-section__head">
        <Heading level={2} data-size="xs" id={headingId}>
          {t('generalPart.editor.sectionHeading', { number: index + 1, title: name })}
        </Heading>
        {generated ? (
          <Tag data-color="info">{generated.tag}</Tag>
        ) : (
          section.required && <Tag data-color="info">{t('generalPart.editor.required')}</Tag>
        )}
      </div>
      {section.required && !generated && (
        <Paragraph data-size="sm" className="muted">
          {t('generalPart.editor.requiredHelp')}
        </Paragraph>
      )}
      <Textfield
        label={t('generalPart.editor.title')}
        value={section.title}
        onChange={(e) => onTitle(e.target.value)}
        onBlur={onTitleBlur}
        error={errors?.title}
        autoComplete="off"
        data-field="title"
      />
      {generated ? (
        <div className="stack stack--tight">
          <Paragraph data-size="sm" className="muted">
            {generated.note}
          </Paragraph>
          {generated.content}
        </div>
      ) : (
        <div className="stack stack--tight">
          <Label asChild>
            <span id={textLabelId}>{t('generalPart.editor.text', { title: name })}</span>
          </Label>
          <RichTextEditor
            key={section.revision}
            content={section.body}
            onChange={onBody}
            labelId={textLabelId}
            toolbarLabel={t('generalPart.toolbar.label', { title: name })}
            describedBy={errors?.body ? `${helpId} ${bodyErrorId}` : helpId}
            invalid={Boolean(errors?.body)}
          />
          {errors?.body && <ValidationMessage id={bodyErrorId}>{errors.body}</ValidationMessage>}
        </div>
      )}
      <div className="row">
        <Button
          variant="secondary"
          data-size="sm"
          data-move="up"
          aria-disabled={index === 0 || undefined}
          onClick={() => index > 0 && onMove(-1)}
        >
          {t('generalPart.editor.moveUp')}
          {named}
        </Button>
        <Button
          variant="secondary"
          data-size="sm"
          data-move="down"
          aria-disabled={index === count - 1 || undefined}
          onClick={() => index < count - 1 && onMove(1)}
        >
          {t('generalPart.editor.moveDown')}
          {named}
        </Button>
        {!section.required && !generated && (
          <Button variant="tertiary" data-size="sm" data-color="danger" onClick={onRemove}>
            {t('generalPart.editor.remove')}
            {named}
          </Button>
        )}
      </div>
    </section>
  );
}
