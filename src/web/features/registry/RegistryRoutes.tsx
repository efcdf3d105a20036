import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { DepartmentsPage } from './DepartmentsPage';
import { MunicipalitiesPage } from './MunicipalitiesPage';
import { EditMunicipalityPage, NewMunicipalityPage } from './MunicipalityFormPage';
import { MunicipalityPage } from './MunicipalityPage';
import { PeoplePage } from './PeoplePage';
import { EditPersonPage, NewPersonPage } from './PersonFormPage';
import { PersonPage } from './PersonPage';
import { PopulationsPage } from './PopulationsPage';
import { RegionPage } from './RegionPage';
import { RegionsPage } from './RegionsPage';
import { RegistryNav } from './RegistryNav';
import './registry.css';

/**
 * Register: regions and their members over time, municipalities, departments and people. Everyone signed in
 * reads it; only the coordinator (admin) sees the buttons that change it, and the server refuses the rest.
 */
export function RegistryRoutes({ me }: { me: Me }) {
  const canEdit = me.role === 'admin';
  return (
    <div className="stack">
      <RegistryNav />
      <Routes>
        <Route index element={<Navigate to="regions" replace />} />
        <Route path="regions" element={<RegionsPage canEdit={canEdit} />} />
        <Route path="regions/:id" element={<RegionPage canEdit={canEdit} />} />
        <Route path="municipalities" element={<MunicipalitiesPage canEdit={canEdit} />} />
        {canEdit && <Route path="municipalities/new" element={<NewMunicipalityPage />} />}
        <Route path="municipalities/:id" element={<MunicipalityPage canEdit={canEdit} />} />
        {canEdit && <Route path="municipalities/:id/edit" element={<EditMunicipalityPage />} />}
        <Route path="populations" element={<PopulationsPage canEdit={canEdit} />} />
        <Route path="departments" element={<DepartmentsPage canEdit={canEdit} />} />
        <Route path="people" element={<PeoplePage canEdit={canEdit} />} />
        {canEdit && <Route path="people/new" element={<NewPersonPage />} />}
        <Route path="people/:id" element={<PersonPage canEdit={canEdit} />} />
        {canEdit && <Route path="people/:id/edit" element={<EditPersonPage />} />}
        <Route path="*" element={<RegistryNotFound />} />
      </Routes>
    </div>
  );
}

function RegistryNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <Paragraph>{t('registry.notFound')}</Paragraph>
      <Paragraph>
        <Link to="/register/regions">{t('registry.region.back')}</Link>
      </Paragraph>
    </Page>
  );
}
