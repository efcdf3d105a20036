import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Person } from '../../../shared/contracts/registry';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { DetailState } from '../../shared/components/DetailState';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { useDeletePerson, usePerson } from './people.api';

/** One person's contact details; the coordinator changes or deletes them here. */
export function PersonPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);
  return (
    <DetailState
      notFound={t('registry.notFound')}
      query={person}
      back={{ to: '/register/people', label: t('registry.person.back') }}
    >
      {(p) => <PersonView person={p} canEdit={canEdit} />}
    </DetailState>
  );
}

function PersonView({ person, canEdit }: { person: Person; canEdit: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeletePerson();
  const [confirming, setConfirming] = useState(false);
  const none = <span className="muted">{t('registry.person.notGiven')}</span>;
  return (
    <Page
      title={person.name}
      actions={
        canEdit && (
          <div className="registry-actions">
            <Button variant="secondary" onClick={() => navigate('edit')}>
              {t('registry.person.edit')}
            </Button>
            <Button variant="tertiary" data-color="danger" onClick={() => setConfirming(true)}>
              {t('registry.person.delete')}
            </Button>
          </div>
        )
      }
    >
      <Paragraph>
        <Link to="/register/people">{t('registry.person.back')}</Link>
      </Paragraph>
      <Notice fromNavigation />
      <dl className="facts">
        <dt>{t('registry.people.email')}</dt>
        <dd>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : none}</dd>
        <dt>{t('registry.people.organisation')}</dt>
        <dd>{person.organisation ?? none}</dd>
        <dt>{t('registry.people.phone')}</dt>
        <dd>
          {person.phone ? <a href={`tel:${person.phone.replace(/[^+0-9]/g, '')}`}>{person.phone}</a> : none}
        </dd>
      </dl>
      {canEdit && (
        <ConfirmDialog
          danger
          open={confirming}
          onClose={() => setConfirming(false)}
          title={t('registry.person.deleteTitle', { name: person.name })}
          body={t('registry.person.deleteBody')}
          confirmLabel={t('registry.person.deleteConfirm')}
          onConfirm={async () => {
            await remove.mutateAsync(person);
            navigate('/register/people', {
              state: { notice: t('registry.person.deleted', { name: person.name }) },
            });
          }}
        />
      )}
    </Page>
  );
}
