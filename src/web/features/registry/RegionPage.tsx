import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Region } from '../../../shared/contracts/registry';
import { DetailState } from '../../shared/components/DetailState';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { todayInOslo } from '../../shared/format';
import { AddMemberForm } from './AddMemberForm';
import { MemberTable } from './MemberTable';
import { currentMembers } from './membership';
import { RegionFormDialog } from './RegionFormDialog';
import { useRegion } from './regions.api';

/** One region: its name, written standard and its members over time; the coordinator keeps them up to date. */
export function RegionPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const region = useRegion(id);
  return (
    <DetailState
      notFound={t('registry.notFound')}
      query={region}
      back={{ to: '/register/regions', label: t('registry.region.back') }}
    >
      {(r) => <RegionView region={r} canEdit={canEdit} />}
    </DetailState>
  );
}

function RegionView({ region, canEdit }: { region: Region; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [memberNotice, setMemberNotice] = useState<string | null>(null);
  const membersHeading = useId();
  const addHeading = useId();
  const now = currentMembers(region, todayInOslo());

  return (
    <Page
      title={region.name}
      actions={
        canEdit && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('registry.region.edit')}
          </Button>
        )
      }
    >
      <Paragraph>
        <Link to="/register/regions">{t('registry.region.back')}</Link>
      </Paragraph>
      <Notice text={notice} fromNavigation />
      <dl className="facts">
        <dt>{t('registry.regions.writtenStandard')}</dt>
        <dd>{t(`registry.writtenStandard.${region.writtenStandard}`)}</dd>
        <dt>{t('registry.regions.memberCount')}</dt>
        <dd>{now.length}</dd>
      </dl>

      <section className="stack page-section" aria-labelledby={membersHeading}>
        <Heading id={membersHeading} level={2} data-size="md">
          {t('registry.members.heading')}
        </Heading>
        <Notice text={memberNotice} />
        <MemberTable
          region={region}
          canEdit={canEdit}
          labelledBy={membersHeading}
          onChanged={setMemberNotice}
        />
      </section>

      {canEdit && (
        <section className="stack page-section" aria-labelledby={addHeading}>
          <Heading id={addHeading} level={2} data-size="md">
            {t('registry.add.heading')}
          </Heading>
          <AddMemberForm region={region} />
        </section>
      )}
      {canEdit && (
        <RegionFormDialog
          open={editing}
          region={region}
          onClose={() => setEditing(false)}
          onSaved={() => setNotice(t('common.saved'))}
        />
      )}
    </Page>
  );
}
