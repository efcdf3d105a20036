import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../shared/components/Page';
import { DraftEditor } from './DraftEditor';
import { useVersion } from './general-part.api';
import { Notice } from './Notice';
import { VersionState } from './VersionState';

/** Writing a draft of the general part (admin). A version on hearing or approved is never edited. */
export function EditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const version = useVersion(id);
  return (
    <VersionState query={version}>
      {(v) =>
        v.state === 'draft' ? (
          <Page title={t('generalPart.editor.pageTitle', { number: v.number })}>
            <Notice />
            <DraftEditor draft={v} />
          </Page>
        ) : (
          <Page title={t('generalPart.editor.frozenTitle', { number: v.number })}>
            <Paragraph>{t('generalPart.editor.frozenBody')}</Paragraph>
            <Paragraph>
              <Link to={`/general-part/versions/${v.id}`}>
                {t('generalPart.version.open', { number: v.number })}
              </Link>
            </Paragraph>
          </Page>
        )
      }
    </VersionState>
  );
}
