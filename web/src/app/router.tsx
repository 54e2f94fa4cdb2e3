import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import type { Ability } from '../../../src/platform/auth/contract.js';
import { AuditPage } from '../modules/admin/audit-page.js';
import { OutboxPage } from '../modules/admin/outbox-page.js';
import { RolesPage } from '../modules/admin/roles-page.js';
import { TokensPage } from '../modules/admin/tokens-page.js';
import { ImportPage } from '../modules/directory/import-page.js';
import { OrgUnitsPage } from '../modules/directory/org-units-page.js';
import { PartnersPage } from '../modules/directory/partners-page.js';
import { PeoplePage } from '../modules/directory/people-page.js';
import { PersonCreatePage, PersonEditPage } from '../modules/directory/person-pages.js';
import { EquipmentApprovalsPage } from '../modules/equipment/approvals-page.js';
import { AssetDetailPage } from '../modules/equipment/asset-detail-page.js';
import { AssetsPage } from '../modules/equipment/assets-page.js';
import { EquipmentRulesPage } from '../modules/equipment/equipment-rules-page.js';
import { MyEquipmentPage } from '../modules/equipment/my-equipment-page.js';
import { RecoveryPage } from '../modules/equipment/recovery-page.js';
import { EquipmentRequestsPage } from '../modules/equipment/requests-page.js';
import { CallbackPoolPage } from '../modules/inquiries/callbacks-page.js';
import { HelpdeskPage } from '../modules/inquiries/helpdesk/helpdesk-page.js';
import { HelpdeskQueuePage } from '../modules/inquiries/helpdesk/helpdesk-queue-page.js';
import { TicketPage } from '../modules/inquiries/helpdesk/ticket-page.js';
import { InquiriesPage } from '../modules/inquiries/inquiries-page.js';
import { InquiryPage } from '../modules/inquiries/inquiry-page.js';
import { NewCallPage } from '../modules/inquiries/new-call-page.js';
import { PartnerPortalPage } from '../modules/inquiries/portal-page.js';
import { MyWorkPage, TeamQueuePage } from '../modules/inquiries/queue-pages.js';
import { AcknowledgementsPage } from '../modules/knowledge/acknowledgements-page.js';
import { ChangesPage } from '../modules/knowledge/changes-page.js';
import { EntryCreatePage, EntryEditPage } from '../modules/knowledge/entry-editor-pages.js';
import { KnowledgeExportPage } from '../modules/knowledge/export-page.js';
import { EntryHistoryPage } from '../modules/knowledge/history-page.js';
import { ReviewQueuePage } from '../modules/knowledge/review-queue-page.js';
import { KnowledgeSearchPage } from '../modules/knowledge/search-page.js';
import { KnowledgeSettingsPage } from '../modules/knowledge/settings-page.js';
import { StaleEntriesPage } from '../modules/knowledge/stale-page.js';
import { TranslationQueuePage } from '../modules/knowledge/translation-queue-page.js';
import { AgreementDetailPage } from '../modules/telework/agreement-detail-page.js';
import { AgreementsPage } from '../modules/telework/agreements-page.js';
import { TeleworkAllowancesPage } from '../modules/telework/allowances-page.js';
import { TeleworkCrisisPage } from '../modules/telework/crisis-page.js';
import { ReportWeekPage } from '../modules/telework/report-week-page.js';
import { TeleworkRulesPage } from '../modules/telework/rules-page.js';
import { PresenceWeekPage } from '../modules/telework/week-page.js';
import { WorkplaceAdminPage } from '../modules/workplace/admin-page.js';
import { CheckInPage } from '../modules/workplace/check-in-page.js';
import { ContactReportPage } from '../modules/workplace/contact-report-page.js';
import { WorkplacePage } from '../modules/workplace/workplace-page.js';
import { NotFoundPage } from './error-pages.js';
import { RequireAbility, RequireAuth } from './guards.js';
import { HomePage } from './home-page.js';
import { LoginPage } from './login-page.js';
import { Shell } from './shell.js';
import { LoadingState } from './ui.js';

// Like the figures page, the telework statistics bring the charting library.
const TeleworkStatisticsPage = lazy(() =>
  import('../modules/telework/statistics-page.js').then((module) => ({
    default: module.TeleworkStatisticsPage,
  })),
);
// The team's week charts the share at the office: the same library, loaded when a manager opens it.
const PresenceTeamPage = lazy(() =>
  import('../modules/telework/team-page.js').then((module) => ({ default: module.PresenceTeamPage })),
);
// Today's situation charts per unit: the same library, loaded when HR or a manager opens it.
const TeleworkLivePage = lazy(() =>
  import('../modules/telework/live-page.js').then((module) => ({ default: module.TeleworkLivePage })),
);
// The stock report charts too: loaded when ICT or a manager opens it.
const StockPage = lazy(() =>
  import('../modules/equipment/stock-page.js').then((module) => ({ default: module.StockPage })),
);
// The figures page brings the charting library: loaded when a manager opens it, not by every agent.
// The deliveries page brings the charting library too.
const DeliveriesPage = lazy(() =>
  import('../modules/equipment/deliveries-page.js').then((module) => ({ default: module.DeliveriesPage })),
);
const FiguresPage = lazy(() =>
  import('../modules/inquiries/figures-page.js').then((module) => ({ default: module.FiguresPage })),
);
// The call center's dashboard charts too.
const CallsPage = lazy(() =>
  import('../modules/inquiries/calls-page.js').then((module) => ({ default: module.CallsPage })),
);
// The helpdesk's dashboard charts the load: the same library, loaded when ICT or a manager opens it.
const HelpdeskDashboardPage = lazy(() =>
  import('../modules/inquiries/helpdesk/helpdesk-dashboard-page.js').then((module) => ({
    default: module.HelpdeskDashboardPage,
  })),
);

// The occupancy page charts too: the same library, loaded when a facility manager opens it.
const OccupancyPage = lazy(() =>
  import('../modules/workplace/occupancy-page.js').then((module) => ({ default: module.OccupancyPage })),
);

const guarded = (ability: Ability, element: ReactNode) => (
  <RequireAbility ability={ability}>{element}</RequireAbility>
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'inquiries', element: guarded('inquiries.read', <InquiriesPage />) },
      { path: 'inquiries/new', element: guarded('inquiries.work', <NewCallPage />) },
      { path: 'inquiries/queue', element: guarded('inquiries.read', <TeamQueuePage />) },
      { path: 'inquiries/mine', element: guarded('inquiries.read', <MyWorkPage />) },
      { path: 'inquiries/callbacks', element: guarded('inquiries.callbacks', <CallbackPoolPage />) },
      {
        path: 'inquiries/figures',
        element: guarded(
          'inquiries.figures',
          <Suspense fallback={<LoadingState />}>
            <FiguresPage />
          </Suspense>,
        ),
      },
      {
        path: 'inquiries/calls',
        element: guarded(
          'calls.stats',
          <Suspense fallback={<LoadingState />}>
            <CallsPage />
          </Suspense>,
        ),
      },
      { path: 'helpdesk', element: guarded('helpdesk.use', <HelpdeskPage />) },
      { path: 'helpdesk/queue', element: guarded('helpdesk.work', <HelpdeskQueuePage />) },
      { path: 'helpdesk/tickets/:ref', element: guarded('helpdesk.use', <TicketPage />) },
      {
        path: 'helpdesk/dashboard',
        element: guarded(
          'equipment.reports',
          <Suspense fallback={<LoadingState />}>
            <HelpdeskDashboardPage />
          </Suspense>,
        ),
      },
      { path: 'telework/agreements', element: guarded('telework.use', <AgreementsPage />) },
      { path: 'telework/agreements/:id', element: guarded('telework.use', <AgreementDetailPage />) },
      { path: 'telework/rules', element: guarded('telework.manage', <TeleworkRulesPage />) },
      { path: 'telework/week', element: guarded('telework.use', <PresenceWeekPage />) },
      { path: 'telework/team/:person', element: guarded('telework.team', <ReportWeekPage />) },
      {
        path: 'telework/team',
        element: guarded(
          'telework.team',
          <Suspense fallback={<LoadingState />}>
            <PresenceTeamPage />
          </Suspense>,
        ),
      },
      {
        path: 'telework/statistics',
        element: guarded(
          'telework.statistics',
          <Suspense fallback={<LoadingState />}>
            <TeleworkStatisticsPage />
          </Suspense>,
        ),
      },
      {
        path: 'telework/live',
        element: guarded(
          'telework.statistics',
          <Suspense fallback={<LoadingState />}>
            <TeleworkLivePage />
          </Suspense>,
        ),
      },
      { path: 'telework/allowances', element: guarded('telework.manage', <TeleworkAllowancesPage />) },
      { path: 'telework/crisis', element: guarded('telework.manage', <TeleworkCrisisPage />) },
      {
        path: 'equipment/deliveries',
        element: guarded(
          'equipment.manage',
          <Suspense fallback={<LoadingState />}>
            <DeliveriesPage />
          </Suspense>,
        ),
      },
      { path: 'equipment/assets', element: guarded('equipment.manage', <AssetsPage />) },
      { path: 'equipment/assets/:tag', element: guarded('equipment.manage', <AssetDetailPage />) },
      { path: 'equipment/recovery', element: guarded('equipment.manage', <RecoveryPage />) },
      {
        path: 'equipment/stock',
        element: guarded(
          'equipment.reports',
          <Suspense fallback={<LoadingState />}>
            <StockPage />
          </Suspense>,
        ),
      },
      { path: 'equipment', element: guarded('equipment.use', <MyEquipmentPage />) },
      { path: 'equipment/approvals', element: guarded('equipment.approve', <EquipmentApprovalsPage />) },
      { path: 'equipment/requests', element: guarded('equipment.manage', <EquipmentRequestsPage />) },
      { path: 'equipment/rules', element: guarded('equipment.manage', <EquipmentRulesPage />) },
      { path: 'inquiries/:ref', element: guarded('inquiries.read', <InquiryPage />) },
      { path: 'portal', element: guarded('inquiries.partner_requests.answer', <PartnerPortalPage />) },
      { path: 'knowledge', element: <Navigate to="/knowledge/search" replace /> },
      { path: 'knowledge/search', element: guarded('knowledge.read', <KnowledgeSearchPage />) },
      { path: 'knowledge/changes', element: guarded('knowledge.acknowledge', <ChangesPage />) },
      { path: 'knowledge/new', element: guarded('knowledge.write', <EntryCreatePage />) },
      { path: 'knowledge/entries/:ref/edit', element: guarded('knowledge.write', <EntryEditPage />) },
      { path: 'knowledge/entries/:ref/history', element: guarded('knowledge.manage', <EntryHistoryPage />) },
      { path: 'knowledge/translation', element: guarded('knowledge.write', <TranslationQueuePage />) },
      { path: 'knowledge/review', element: guarded('knowledge.manage', <ReviewQueuePage />) },
      { path: 'knowledge/stale', element: guarded('knowledge.manage', <StaleEntriesPage />) },
      {
        path: 'knowledge/acknowledgements',
        element: guarded('knowledge.acknowledgements.read', <AcknowledgementsPage />),
      },
      { path: 'knowledge/settings', element: guarded('knowledge.manage', <KnowledgeSettingsPage />) },
      { path: 'knowledge/export', element: guarded('knowledge.export', <KnowledgeExportPage />) },
      { path: 'workplace', element: guarded('workplace.book', <WorkplacePage />) },
      { path: 'workplace/admin', element: guarded('workplace.manage', <WorkplaceAdminPage />) },
      {
        path: 'workplace/occupancy',
        element: guarded(
          'workplace.manage',
          <Suspense fallback={<LoadingState />}>
            <OccupancyPage />
          </Suspense>,
        ),
      },
      // What a desk's QR code opens; logged out, the login page brings the person back here.
      { path: 'workplace/check-in/:desk', element: guarded('workplace.book', <CheckInPage />) },
      { path: 'workplace/contacts', element: guarded('workplace.contact_report', <ContactReportPage />) },
      { path: 'directory/people', element: guarded('directory.people.read', <PeoplePage />) },
      { path: 'directory/people/new', element: guarded('directory.people.write', <PersonCreatePage />) },
      { path: 'directory/people/:id', element: guarded('directory.people.read', <PersonEditPage />) },
      { path: 'directory/import', element: guarded('directory.people.write', <ImportPage />) },
      { path: 'directory/partners', element: guarded('directory.partners.read', <PartnersPage />) },
      { path: 'directory/org-units', element: guarded('directory.org_units.read', <OrgUnitsPage />) },
      { path: 'directory/roles', element: guarded('directory.people.read', <RolesPage />) },
      { path: 'admin/tokens', element: guarded('auth.tokens.manage', <TokensPage />) },
      { path: 'admin/audit', element: guarded('audit.read', <AuditPage />) },
      { path: 'admin/outbox', element: guarded('mail.outbox.read', <OutboxPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
