/**
 * The tabs of an agreement's page after its overview, in this order: each module registers its tab
 * (registerAgreementTab, features/agreements/agreement-tabs.ts) when it is imported. App.tsx imports this
 * module once, before the first page renders.
 */
import '../features/milestones/agreement-tab';
import '../features/contributions/agreement-tab';
import '../features/special-part/agreement-tab';
import '../features/meetings/agreement-tab';
import '../features/adoption/agreement-tab';
