import { Alert, Button } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api';
import { useCreateDraft } from './general-part.api';

/**
 * "Lag nytt utkast": a version that was sent on hearing or approved is never changed, so editing it starts a
 * new draft copied from it, and the editor opens. The server refuses a second draft in the cycle and says so.
 */
export function CreateDraftButton({
  sourceId,
  number,
  size = 'md',
}: {
  sourceId: string;
  number: number;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDraft();
  const [error, setError] = useState<string | null>(null);
  const onClick = async () => {
    setError(null);
    try {
      const draft = await create.mutateAsync(sourceId);
      navigate(`/general-part/versions/${draft.id}/edit`, {
        state: { notice: t('generalPart.draftCreated', { number: draft.number, from: number }) },
      });
    } catch (e) {
      const reason = e instanceof ApiError ? e.problem.errors?.[0]?.message || e.problem.title : '';
      setError(reason || t('errors.internal'));
    }
  };
  return (
    <>
      <Button variant="secondary" data-size={size} onClick={() => void onClick()} disabled={create.isPending}>
        {t('generalPart.createDraft')}
        <span className="visually-hidden"> {t('generalPart.fromVersion', { number })}</span>
      </Button>
      {error && (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      )}
    </>
  );
}
