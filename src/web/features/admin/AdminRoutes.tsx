import { Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';

export function AdminRoutes({ me }: { me: Me }) {
  return (
    <Routes>
      <Route index element={<Navigate to={me.role === 'admin' ? 'users' : 'audit'} replace />} />
    </Routes>
  );
}
