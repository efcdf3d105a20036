import { Button, Card, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Membership, Region } from '../../../shared/contracts/registry';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { formatDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { EndMembershipDialog } from './EndMembershipDialog';
import { CountyTag, MembershipStatusTag } from './MembershipStatusTag';
import { byStatusThenStart, membershipStatus } from './membership';
import { useRemoveMember } from './regions.api';

/**
 * Every membership the region has had, has and will have. A municipality that leaves gets an end date, so
 * the history stays; removing is only for a membership recorded by mistake.
 */
export function MemberTable({
  region,
  canEdit,
  labelledBy,
  onChanged,
}: {
  region: Region;
  canEdit: boolean;
  labelledBy: string;
  onChanged: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = todayInOslo();
  const remove = useRemoveMember(region.id);
  const [ending, setEnding] = useState<Membership | null>(null);
  const [removing, setRemoving] = useState<Membership | null>(null);
  const rows = [...region.members].sort(byStatusThenStart(today));

  if (rows.length === 0) {
    return (
      <Card data-color="neutral">
        <Paragraph>{t('registry.members.empty')}</Paragraph>
        {canEdit && <Paragraph>{t('registry.members.emptyAdmin')}</Paragraph>}
      </Card>
    );
  }

  return (
    <>
      <Paragraph className="muted">{t('registry.members.periodNote')}</Paragraph>
      <div className="table-wrap">
        <Table aria-labelledby={labelledBy} zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('registry.municipalities.number')}</Table.HeaderCell>
              <Table.HeaderCell>{t('registry.members.municipality')}</Table.HeaderCell>
              <Table.HeaderCell>{t('registry.municipalities.county')}</Table.HeaderCell>
              <Table.HeaderCell>{t('registry.members.from')}</Table.HeaderCell>
              <Table.HeaderCell>{t('registry.members.to')}</Table.HeaderCell>
              <Table.HeaderCell>{t('registry.members.status')}</Table.HeaderCell>
              {canEdit && <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>{m.municipalityNumber}</Table.Cell>
                <Table.Cell>{m.municipalityName}</Table.Cell>
                <Table.Cell>
                  <CountyTag outside={m.outsideCounty} />
                </Table.Cell>
                <Table.Cell>{formatDate(m.validFrom, locale)}</Table.Cell>
                <Table.Cell>
                  {m.validTo ? formatDate(m.validTo, locale) : t('registry.members.openEnded')}
                </Table.Cell>
                <Table.Cell>
                  <MembershipStatusTag status={membershipStatus(m, today)} />
                </Table.Cell>
                {canEdit && (
                  <Table.Cell>
                    <div className="registry-actions">
                      <Button
                        variant="secondary"
                        data-size="sm"
                        aria-label={t(m.validTo ? 'registry.end.changeLabel' : 'registry.end.buttonLabel', {
                          name: m.municipalityName,
                        })}
                        onClick={() => setEnding(m)}
                      >
                        {m.validTo ? t('registry.end.change') : t('registry.end.button')}
                      </Button>
                      <Button
                        variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        aria-label={t('registry.remove.buttonLabel', { name: m.municipalityName })}
                        onClick={() => setRemoving(m)}
                      >
                        {t('registry.remove.button')}
                      </Button>
                    </div>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {canEdit && (
        <>
          <EndMembershipDialog
            regionId={region.id}
            membership={ending}
            onClose={() => setEnding(null)}
            onSaved={(m) =>
              onChanged(
                m.validTo
                  ? t('registry.end.saved', { name: m.municipalityName, date: formatDate(m.validTo, locale) })
                  : t('registry.end.reopened', { name: m.municipalityName }),
              )
            }
          />
          <ConfirmDialog
            danger
            open={removing !== null}
            onClose={() => setRemoving(null)}
            title={t('registry.remove.title', { name: removing?.municipalityName, region: region.name })}
            body={t('registry.remove.body')}
            confirmLabel={t('registry.remove.confirm')}
            onConfirm={async () => {
              if (!removing) return;
              await remove.mutateAsync(removing);
              onChanged(t('registry.remove.removed', { name: removing.municipalityName }));
            }}
          />
        </>
      )}
    </>
  );
}
