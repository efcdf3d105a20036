import { Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { MatrixPage } from './MatrixPage';
import './matrix.css';

/** Matrise: the departments × regions matrix of the current cycle, for everyone signed in. */
export function MatrixRoutes({ me }: { me: Me }) {
  return (
    <Routes>
      <Route path="*" element={<MatrixPage me={me} />} />
    </Routes>
  );
}
