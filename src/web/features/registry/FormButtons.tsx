import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A form page's submit button, saying what happens, and the way back without saving. */
export function FormButtons({
  submitting,
  submit,
  cancelTo,
}: {
  submitting: boolean;
  submit: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="row" style={{ alignItems: 'center' }}>
      <Button type="submit" disabled={submitting}>
        {submitting ? t('common.saving') : submit}
      </Button>
      <Paragraph>
        <Link to={cancelTo} relative="path">
          {t('common.cancel')}
        </Link>
      </Paragraph>
    </div>
  );
}
