import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { agreementDocumentUrl } from './agreement-document.api';

/**
 * "Last ned DOCX" and "Last ned PDF" for one agreement: plain links the browser saves (the server sends
 * them as attachments named after the region and period), for the agreement page's header.
 */
export function AgreementDownloads({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <Button asChild variant="secondary">
        <a href={agreementDocumentUrl(agreementId, 'docx')} download>
          {t('agreementDocument.downloadDocx')}
        </a>
      </Button>
      <Button asChild variant="secondary">
        <a href={agreementDocumentUrl(agreementId, 'pdf')} download>
          {t('agreementDocument.downloadPdf')}
        </a>
      </Button>
    </div>
  );
}
