import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useParams } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { SubNav } from '../../shared/components/SubNav';
import { BodiesPage } from './BodiesPage';
import { BodyPage } from './BodyPage';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';
import { politicalPaths } from './political.api';
import './political.css';

/** Who reads the cases: the county's people. A region contact sees the bodies' meeting plans only. */
export const readsCases = (me: Me) => me.role !== 'region';

/**
 * Politisk behandling: the cases that put ready agreements to the political bodies, and the bodies with
 * their meeting plans. The server refuses whatever a role may not do, whatever the screen shows.
 */
export function PoliticalRoutes({ me }: { me: Me }) {
  const cases = readsCases(me);
  return (
    <div className="stack">
      {cases && <PoliticalNav />}
      <Routes>
        <Route
          index
          element={<Navigate to={cases ? politicalPaths.cases : politicalPaths.bodies} replace />}
        />
        {cases && <Route path="saker" element={<CasesPage me={me} />} />}
        {cases && <Route path="saker/:id" element={<CasePage me={me} />} />}
        <Route path="utvalg" element={<BodiesPage me={me} />} />
        <Route path="utvalg/:id" element={<BodyPage />} />
        <Route path="*" element={<PoliticalNotFound me={me} />} />
      </Routes>
    </div>
  );
}

function PoliticalNav() {
  const { t } = useTranslation();
  return (
    <SubNav
      label={t('political.nav.label')}
      items={[
        { to: politicalPaths.cases, text: t('political.nav.cases') },
        { to: politicalPaths.bodies, text: t('political.nav.bodies') },
      ]}
    />
  );
}

function PoliticalNotFound({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <Paragraph>{t('political.notFound')}</Paragraph>
      <Paragraph>
        <Link to={readsCases(me) ? politicalPaths.cases : politicalPaths.bodies}>
          {t(readsCases(me) ? 'political.backToCases' : 'political.backToBodies')}
        </Link>
      </Paragraph>
    </Page>
  );
}

/** The contracts' address of a body (`bodyPath`, which the calendar feed links to): its page here. */
export function BodyAddress() {
  const { id = '' } = useParams();
  return <Navigate to={politicalPaths.body(id)} replace />;
}

/** The contracts' address of a case (`casePath`): its page here. */
export function CaseAddress() {
  const { id = '' } = useParams();
  return <Navigate to={politicalPaths.case(id)} replace />;
}
