import { Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';

export function RegistryRoutes(_: { me: Me }) {
  return (
    <Routes>
      <Route index element={<Navigate to="regions" replace />} />
    </Routes>
  );
}
