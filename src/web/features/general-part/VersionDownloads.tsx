import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { versionDocumentUrl } from './general-part.api';

/**
 * "Last ned DOCX" and "Last ned PDF" for one version of the general part: plain links the browser saves,
 * named by the server after the county, the cycle, the version and its state. A region takes the version on
 * hearing to its council with them.
 */
export function VersionDownloads({ versionId, number }: { versionId: string; number: number }) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <Button asChild variant="secondary" data-size="sm">
        <a
          href={versionDocumentUrl(versionId, 'docx')}
          download
          aria-label={t('generalPart.download.docxLabel', { number })}
        >
          {t('generalPart.download.docx')}
        </a>
      </Button>
      <Button asChild variant="secondary" data-size="sm">
        <a
          href={versionDocumentUrl(versionId, 'pdf')}
          download
          aria-label={t('generalPart.download.pdfLabel', { number })}
        >
          {t('generalPart.download.pdf')}
        </a>
      </Button>
    </div>
  );
}
