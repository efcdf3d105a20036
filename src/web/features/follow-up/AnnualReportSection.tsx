import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import type { RoundStatus } from '../../../shared/contracts/follow-up';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { SelectField } from '../../shared/components/SelectField';
import { annualReportUrl, useCreateRoundCase } from './annual-report.api';

/**
 * The round's annual report on its page: for the county's people the county's report (the summary and the
 * deviations) and, for a region they choose, the region's report with every commitment's full report, each
 * as DOCX or PDF; a region contact's own region's report (the server refuses the county's to them); and for
 * the coordinator «Lag politisk sak», which makes the report a case for the executive board and opens it.
 */
export function AnnualReportSection({ round, me }: { round: RoundStatus; me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const [confirm, setConfirm] = useState(false);
  const [chosenRegion, setChosenRegion] = useState(round.regions[0]?.id ?? '');
  const makeCase = useCreateRoundCase(round.id);
  const regionId = me.role === 'region' ? me.regionId : null;
  if (me.role === 'region' && !regionId) return null;
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('followUp.annualReport.heading')}
      </Heading>
      <Paragraph data-size="sm">
        {regionId ? t('followUp.annualReport.regionHelp') : t('followUp.annualReport.help')}
      </Paragraph>
      <div className="row">
        <a href={annualReportUrl(round.id, 'docx', regionId)} download>
          {t('followUp.annualReport.docx')}
        </a>
        <a href={annualReportUrl(round.id, 'pdf', regionId)} download>
          {t('followUp.annualReport.pdf')}
        </a>
        {me.role === 'admin' && (
          <Button variant="secondary" onClick={() => setConfirm(true)}>
            {t('followUp.annualReport.makeCase')}
          </Button>
        )}
      </div>
      {!regionId && chosenRegion && (
        <>
          <SelectField
            label={t('followUp.annualReport.region')}
            value={chosenRegion}
            onChange={setChosenRegion}
          >
            {round.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
          <div className="row">
            <a href={annualReportUrl(round.id, 'docx', chosenRegion)} download>
              {t('followUp.annualReport.regionDocx')}
            </a>
            <a href={annualReportUrl(round.id, 'pdf', chosenRegion)} download>
              {t('followUp.annualReport.regionPdf')}
            </a>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={t('followUp.annualReport.makeCaseTitle')}
        body={t('followUp.annualReport.makeCaseBody')}
        confirmLabel={t('followUp.annualReport.makeCase')}
        onConfirm={async () => {
          const made = await makeCase.mutateAsync();
          navigate(`/saker/${encodeURIComponent(made.id)}`);
        }}
      />
    </section>
  );
}
