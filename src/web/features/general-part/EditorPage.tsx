import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DetailState } from '../../shared/components/DetailState';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { DraftEditor } from './DraftEditor';
import { useVersion } from './general-part.api';

/** Writing a draft of the general part (admin). A version on hearing or approved is never edited. */
export function EditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const version = useVersion(id);
  return (
    <DetailState
      query={version}
      back={{ to: '/general-part', label: t('generalPart.backToOverview') }}
      notFound={t('generalPart.version.notFound')}
    >
      {(v) =>
        v.state === 'draft' ? (
          <Page title={t('generalPart.editor.pageTitle', { number: v.number })}>
            <Notice fromNavigation />
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
    </DetailState>
  );
}
