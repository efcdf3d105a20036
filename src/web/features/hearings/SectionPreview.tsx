import { Details, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isEmptyRichText } from '../../../shared/contracts/rich-text';
import { RichText } from '../../shared/rich-text/RichText';
import { useVersion } from '../general-part';

/**
 * The text of the section the input is about, folded away under the choice, so a region can read what it
 * comments on without leaving the form. The text is the version on hearing, which never changes.
 */
export function SectionPreview({ versionId, sectionKey }: { versionId: string; sectionKey: string }) {
  const { t } = useTranslation();
  const version = useVersion(versionId);
  const section = version.data?.sections.find((s) => s.key === sectionKey);
  if (!section) return null;
  return (
    <Details>
      <Details.Summary>{t('hearings.input.readSection', { title: section.title })}</Details.Summary>
      <Details.Content>
        {isEmptyRichText(section.body) ? (
          <Paragraph className="muted">{t('hearings.input.emptySection')}</Paragraph>
        ) : (
          <RichText doc={section.body} headingOffset={2} />
        )}
      </Details.Content>
    </Details>
  );
}
