import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { RichText } from '../rich-text/RichText';
import type { DraftSection } from './draft-state';

/**
 * What this person had typed when someone else's save came first: each section whose text differs from the
 * saved draft, read-only, with a button that puts it back into the editor (or adds it, if the section is not
 * in the saved draft). Nothing typed is lost in an edit conflict.
 */
export function UnsavedCopies({
  copies,
  sections,
  onRestore,
  onAppend,
  onDismiss,
}: {
  copies: readonly DraftSection[];
  sections: readonly DraftSection[];
  onRestore: (copy: DraftSection, target: DraftSection) => void;
  onAppend: (copy: DraftSection) => void;
  onDismiss: (copy: DraftSection) => void;
}) {
  const { t } = useTranslation();
  if (copies.length === 0) return null;
  return (
    <section className="unsaved-copies stack" aria-labelledby="unsaved-copies-heading">
      <Heading level={2} data-size="sm" id="unsaved-copies-heading">
        {t('generalPart.unsaved.title')}
      </Heading>
      <Paragraph>{t('generalPart.unsaved.intro')}</Paragraph>
      {copies.map((copy) => {
        const target = copy.key ? sections.find((s) => s.key === copy.key) : undefined;
        const name = copy.title.trim() || t('generalPart.editor.untitled');
        return (
          <Card key={copy.id} data-color="warning" className="stack">
            <Heading level={3} data-size="xs">
              {t('generalPart.unsaved.yourText', { title: name })}
            </Heading>
            <RichText doc={copy.body} headingOffset={2} />
            <div className="row">
              {target ? (
                <Button data-size="sm" onClick={() => onRestore(copy, target)}>
                  {t('generalPart.unsaved.restore', { title: target.title || name })}
                </Button>
              ) : (
                <Button data-size="sm" onClick={() => onAppend(copy)}>
                  {t('generalPart.unsaved.append', { title: name })}
                </Button>
              )}
              <Button variant="secondary" data-size="sm" onClick={() => onDismiss(copy)}>
                {t('generalPart.unsaved.dismiss', { title: name })}
              </Button>
            </div>
          </Card>
        );
      })}
    </section>
  );
}
