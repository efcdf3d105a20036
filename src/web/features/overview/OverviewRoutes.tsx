import { Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { OverviewPage } from './OverviewPage';
import './overview.css';

/** Regionoversikt: every region's agreement in the current cycle, for the county's people. */
export function OverviewRoutes({ me }: { me: Me }) {
  return (
    <Routes>
      <Route path="*" element={<OverviewPage me={me} />} />
    </Routes>
  );
}
