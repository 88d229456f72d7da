/**
 * The message catalogues, one folder per feature so features grow without
 * touching each other's files: messages/<feature>/<locale>.json. Each feature
 * owns its top-level namespaces. Staff and host features have ja and en only
 * (see audiences.ts); applicant and public features have all six languages.
 */
import type { Locale } from "./locales.ts";
import coreEn from "./messages/core/en.json" with { type: "json" };
import coreId from "./messages/core/id.json" with { type: "json" };
import coreJa from "./messages/core/ja.json" with { type: "json" };
import coreTh from "./messages/core/th.json" with { type: "json" };
import coreVi from "./messages/core/vi.json" with { type: "json" };
import coreZh from "./messages/core/zh.json" with { type: "json" };
import hostEn from "./messages/host/en.json" with { type: "json" };
import hostJa from "./messages/host/ja.json" with { type: "json" };
import orgVerifyEn from "./messages/org-verify/en.json" with { type: "json" };
import orgVerifyJa from "./messages/org-verify/ja.json" with { type: "json" };
import internshipPeriodEn from "./messages/internship-period/en.json" with { type: "json" };
import internshipPeriodJa from "./messages/internship-period/ja.json" with { type: "json" };
import internshipPeriodVi from "./messages/internship-period/vi.json" with { type: "json" };
import internshipPeriodId from "./messages/internship-period/id.json" with { type: "json" };
import internshipPeriodZh from "./messages/internship-period/zh.json" with { type: "json" };
import internshipPeriodTh from "./messages/internship-period/th.json" with { type: "json" };
import hostTrainingEn from "./messages/host-training/en.json" with { type: "json" };
import hostTrainingJa from "./messages/host-training/ja.json" with { type: "json" };
import hostTrainingVi from "./messages/host-training/vi.json" with { type: "json" };
import hostTrainingId from "./messages/host-training/id.json" with { type: "json" };
import hostTrainingZh from "./messages/host-training/zh.json" with { type: "json" };
import hostTrainingTh from "./messages/host-training/th.json" with { type: "json" };
import applyEn from "./messages/apply/en.json" with { type: "json" };
import applyJa from "./messages/apply/ja.json" with { type: "json" };
import applyVi from "./messages/apply/vi.json" with { type: "json" };
import applyId from "./messages/apply/id.json" with { type: "json" };
import applyZh from "./messages/apply/zh.json" with { type: "json" };
import applyTh from "./messages/apply/th.json" with { type: "json" };
import applicationsStaffEn from "./messages/applications-staff/en.json" with { type: "json" };
import applicationsStaffJa from "./messages/applications-staff/ja.json" with { type: "json" };
import referenceEn from "./messages/reference/en.json" with { type: "json" };
import referenceJa from "./messages/reference/ja.json" with { type: "json" };
import referenceVi from "./messages/reference/vi.json" with { type: "json" };
import referenceId from "./messages/reference/id.json" with { type: "json" };
import referenceZh from "./messages/reference/zh.json" with { type: "json" };
import referenceTh from "./messages/reference/th.json" with { type: "json" };

import publicJa from "./messages/public/ja.json" with { type: "json" };
import publicEn from "./messages/public/en.json" with { type: "json" };
import publicVi from "./messages/public/vi.json" with { type: "json" };
import publicId from "./messages/public/id.json" with { type: "json" };
import publicZh from "./messages/public/zh.json" with { type: "json" };
import publicTh from "./messages/public/th.json" with { type: "json" };
import sessionsEn from "./messages/sessions/en.json" with { type: "json" };
import sessionsJa from "./messages/sessions/ja.json" with { type: "json" };
import sessionsVi from "./messages/sessions/vi.json" with { type: "json" };
import sessionsId from "./messages/sessions/id.json" with { type: "json" };
import sessionsZh from "./messages/sessions/zh.json" with { type: "json" };
import sessionsTh from "./messages/sessions/th.json" with { type: "json" };
import sessionsStaffEn from "./messages/sessions-staff/en.json" with { type: "json" };
import sessionsStaffJa from "./messages/sessions-staff/ja.json" with { type: "json" };
import messagesStaffEn from "./messages/messages-staff/en.json" with { type: "json" };
import messagesStaffJa from "./messages/messages-staff/ja.json" with { type: "json" };
import messagesInboxEn from "./messages/messages-inbox/en.json" with { type: "json" };
import messagesInboxJa from "./messages/messages-inbox/ja.json" with { type: "json" };
import messagesInboxVi from "./messages/messages-inbox/vi.json" with { type: "json" };
import messagesInboxId from "./messages/messages-inbox/id.json" with { type: "json" };
import messagesInboxZh from "./messages/messages-inbox/zh.json" with { type: "json" };
import messagesInboxTh from "./messages/messages-inbox/th.json" with { type: "json" };
import reportEn from "./messages/report/en.json" with { type: "json" };
import reportImportEn from "./messages/report-import/en.json" with { type: "json" };
import reportImportJa from "./messages/report-import/ja.json" with { type: "json" };
import reportJa from "./messages/report/ja.json" with { type: "json" };
import casesEn from "./messages/cases/en.json" with { type: "json" };
import casesJa from "./messages/cases/ja.json" with { type: "json" };
import casesVi from "./messages/cases/vi.json" with { type: "json" };
import casesId from "./messages/cases/id.json" with { type: "json" };
import casesZh from "./messages/cases/zh.json" with { type: "json" };
import casesTh from "./messages/cases/th.json" with { type: "json" };
import casesStaffEn from "./messages/cases-staff/en.json" with { type: "json" };
import casesStaffJa from "./messages/cases-staff/ja.json" with { type: "json" };
import matchingEn from "./messages/matching/en.json" with { type: "json" };
import matchingJa from "./messages/matching/ja.json" with { type: "json" };
import matchingVi from "./messages/matching/vi.json" with { type: "json" };
import matchingId from "./messages/matching/id.json" with { type: "json" };
import matchingZh from "./messages/matching/zh.json" with { type: "json" };
import matchingTh from "./messages/matching/th.json" with { type: "json" };
import matchingStaffEn from "./messages/matching-staff/en.json" with { type: "json" };
import matchingStaffJa from "./messages/matching-staff/ja.json" with { type: "json" };
import matchingOffersEn from "./messages/matching-offers/en.json" with { type: "json" };
import matchingOffersJa from "./messages/matching-offers/ja.json" with { type: "json" };
import matchingOffersVi from "./messages/matching-offers/vi.json" with { type: "json" };
import matchingOffersId from "./messages/matching-offers/id.json" with { type: "json" };
import matchingOffersZh from "./messages/matching-offers/zh.json" with { type: "json" };
import matchingOffersTh from "./messages/matching-offers/th.json" with { type: "json" };
import matchingShortlistEn from "./messages/matching-shortlist/en.json" with { type: "json" };
import matchingShortlistJa from "./messages/matching-shortlist/ja.json" with { type: "json" };
import matchingShortlistVi from "./messages/matching-shortlist/vi.json" with { type: "json" };
import matchingShortlistId from "./messages/matching-shortlist/id.json" with { type: "json" };
import matchingShortlistZh from "./messages/matching-shortlist/zh.json" with { type: "json" };
import matchingShortlistTh from "./messages/matching-shortlist/th.json" with { type: "json" };
import screeningEn from "./messages/screening/en.json" with { type: "json" };
import screeningJa from "./messages/screening/ja.json" with { type: "json" };
import screeningOpsEn from "./messages/screening-ops/en.json" with { type: "json" };
import screeningOpsJa from "./messages/screening-ops/ja.json" with { type: "json" };
import selectionEn from "./messages/selection/en.json" with { type: "json" };
import selectionJa from "./messages/selection/ja.json" with { type: "json" };
import selectionVi from "./messages/selection/vi.json" with { type: "json" };
import selectionId from "./messages/selection/id.json" with { type: "json" };
import selectionZh from "./messages/selection/zh.json" with { type: "json" };
import selectionTh from "./messages/selection/th.json" with { type: "json" };
import selectionStaffEn from "./messages/selection-staff/en.json" with { type: "json" };
import selectionStaffJa from "./messages/selection-staff/ja.json" with { type: "json" };
import securityJa from "./messages/security/ja.json" with { type: "json" };
import securityEn from "./messages/security/en.json" with { type: "json" };
import securityVi from "./messages/security/vi.json" with { type: "json" };
import securityId from "./messages/security/id.json" with { type: "json" };
import securityZh from "./messages/security/zh.json" with { type: "json" };
import securityTh from "./messages/security/th.json" with { type: "json" };
import malwareScanJa from "./messages/malware-scan/ja.json" with { type: "json" };
import malwareScanEn from "./messages/malware-scan/en.json" with { type: "json" };
import malwareScanVi from "./messages/malware-scan/vi.json" with { type: "json" };
import malwareScanId from "./messages/malware-scan/id.json" with { type: "json" };
import malwareScanZh from "./messages/malware-scan/zh.json" with { type: "json" };
import malwareScanTh from "./messages/malware-scan/th.json" with { type: "json" };
import roundRulesJa from "./messages/round-rules/ja.json" with { type: "json" };
import dacListsJa from "./messages/dac-lists/ja.json" with { type: "json" };
import dacListsEn from "./messages/dac-lists/en.json" with { type: "json" };
import roundRulesEn from "./messages/round-rules/en.json" with { type: "json" };
import roundRulesVi from "./messages/round-rules/vi.json" with { type: "json" };
import roundRulesId from "./messages/round-rules/id.json" with { type: "json" };
import roundRulesZh from "./messages/round-rules/zh.json" with { type: "json" };
import roundRulesTh from "./messages/round-rules/th.json" with { type: "json" };
import hostEditJa from "./messages/host-edit/ja.json" with { type: "json" };
import hostEditEn from "./messages/host-edit/en.json" with { type: "json" };
import roundWorkJa from "./messages/round-work/ja.json" with { type: "json" };
import roundWorkEn from "./messages/round-work/en.json" with { type: "json" };
import privacyJa from "./messages/privacy/ja.json" with { type: "json" };
import privacyEn from "./messages/privacy/en.json" with { type: "json" };
import privacyVi from "./messages/privacy/vi.json" with { type: "json" };
import privacyId from "./messages/privacy/id.json" with { type: "json" };
import privacyZh from "./messages/privacy/zh.json" with { type: "json" };
import privacyTh from "./messages/privacy/th.json" with { type: "json" };
import internshipJa from "./messages/internship/ja.json" with { type: "json" };
import internshipEn from "./messages/internship/en.json" with { type: "json" };
import internshipVi from "./messages/internship/vi.json" with { type: "json" };
import internshipId from "./messages/internship/id.json" with { type: "json" };
import internshipZh from "./messages/internship/zh.json" with { type: "json" };
import internshipTh from "./messages/internship/th.json" with { type: "json" };
import internshipStaffJa from "./messages/internship-staff/ja.json" with { type: "json" };
import internshipStaffEn from "./messages/internship-staff/en.json" with { type: "json" };
import allowanceLedgerJa from "./messages/allowance-ledger/ja.json" with { type: "json" };
import allowanceLedgerEn from "./messages/allowance-ledger/en.json" with { type: "json" };
import reportPageJa from "./messages/report-page/ja.json" with { type: "json" };
import reportPageEn from "./messages/report-page/en.json" with { type: "json" };
import openStatisticsJa from "./messages/open-statistics/ja.json" with { type: "json" };
import openStatisticsEn from "./messages/open-statistics/en.json" with { type: "json" };
import openStatisticsVi from "./messages/open-statistics/vi.json" with { type: "json" };
import openStatisticsId from "./messages/open-statistics/id.json" with { type: "json" };
import openStatisticsZh from "./messages/open-statistics/zh.json" with { type: "json" };
import openStatisticsTh from "./messages/open-statistics/th.json" with { type: "json" };
import selectionOffersEn from "./messages/selection-offers/en.json" with { type: "json" };
import selectionOffersJa from "./messages/selection-offers/ja.json" with { type: "json" };
import selectionOffersVi from "./messages/selection-offers/vi.json" with { type: "json" };
import selectionOffersId from "./messages/selection-offers/id.json" with { type: "json" };
import selectionOffersZh from "./messages/selection-offers/zh.json" with { type: "json" };
import selectionOffersTh from "./messages/selection-offers/th.json" with { type: "json" };
import dataRightsEn from "./messages/data-rights/en.json" with { type: "json" };
import dataRightsJa from "./messages/data-rights/ja.json" with { type: "json" };
import dataRightsVi from "./messages/data-rights/vi.json" with { type: "json" };
import dataRightsId from "./messages/data-rights/id.json" with { type: "json" };
import dataRightsZh from "./messages/data-rights/zh.json" with { type: "json" };
import dataRightsTh from "./messages/data-rights/th.json" with { type: "json" };
import hostCountriesEn from "./messages/host-countries/en.json" with { type: "json" };
import hostCountriesJa from "./messages/host-countries/ja.json" with { type: "json" };
import internshipOutcomesEn from "./messages/internship-outcomes/en.json" with { type: "json" };
import internshipOutcomesJa from "./messages/internship-outcomes/ja.json" with { type: "json" };
import internshipOutcomesVi from "./messages/internship-outcomes/vi.json" with { type: "json" };
import internshipOutcomesId from "./messages/internship-outcomes/id.json" with { type: "json" };
import internshipOutcomesZh from "./messages/internship-outcomes/zh.json" with { type: "json" };
import internshipOutcomesTh from "./messages/internship-outcomes/th.json" with { type: "json" };

type Catalogue = Record<string, unknown>;

/** Features listed per locale; a feature without a file for a locale is simply absent there. */
const FEATURES: Record<Locale, Catalogue[]> = {
  ja: [
    coreJa,
    publicJa,
    hostJa,
    applyJa,
    referenceJa,
    applicationsStaffJa,
    sessionsJa,
    sessionsStaffJa,
    messagesStaffJa,
    messagesInboxJa,
    reportJa,
    casesJa,
    casesStaffJa,
    matchingJa,
    matchingOffersJa,
    matchingShortlistJa,
    matchingStaffJa,
    screeningJa,
    screeningOpsJa,
    selectionJa,
    selectionStaffJa,
    securityJa,
    malwareScanJa,
    roundRulesJa,
    dacListsJa,
    hostEditJa,
    roundWorkJa,
    privacyJa,
    internshipJa,
    internshipStaffJa,
    allowanceLedgerJa,
    reportPageJa,
    openStatisticsJa,
    selectionOffersJa,
    orgVerifyJa,
    reportImportJa,
    internshipPeriodJa,
    hostTrainingJa,
    dataRightsJa,
    hostCountriesJa,
    internshipOutcomesJa,
  ],
  en: [
    coreEn,
    publicEn,
    hostEn,
    applyEn,
    referenceEn,
    applicationsStaffEn,
    sessionsEn,
    sessionsStaffEn,
    messagesStaffEn,
    messagesInboxEn,
    reportEn,
    casesEn,
    casesStaffEn,
    matchingEn,
    matchingOffersEn,
    matchingShortlistEn,
    matchingStaffEn,
    screeningEn,
    screeningOpsEn,
    selectionEn,
    selectionStaffEn,
    securityEn,
    malwareScanEn,
    roundRulesEn,
    dacListsEn,
    hostEditEn,
    roundWorkEn,
    privacyEn,
    internshipEn,
    internshipStaffEn,
    allowanceLedgerEn,
    reportPageEn,
    openStatisticsEn,
    selectionOffersEn,
    orgVerifyEn,
    reportImportEn,
    internshipPeriodEn,
    hostTrainingEn,
    dataRightsEn,
    hostCountriesEn,
    internshipOutcomesEn,
  ],
  vi: [
    coreVi,
    publicVi,
    applyVi,
    referenceVi,
    sessionsVi,
    messagesInboxVi,
    casesVi,
    matchingVi,
    matchingOffersVi,
    matchingShortlistVi,
    selectionVi,
    securityVi,
    malwareScanVi,
    roundRulesVi,
    privacyVi,
    internshipVi,
    openStatisticsVi,
    selectionOffersVi,
    internshipPeriodVi,
    hostTrainingVi,
    dataRightsVi,
    internshipOutcomesVi,
  ],
  id: [
    coreId,
    publicId,
    applyId,
    referenceId,
    sessionsId,
    messagesInboxId,
    casesId,
    matchingId,
    matchingOffersId,
    matchingShortlistId,
    selectionId,
    securityId,
    malwareScanId,
    roundRulesId,
    privacyId,
    internshipId,
    openStatisticsId,
    selectionOffersId,
    internshipPeriodId,
    hostTrainingId,
    dataRightsId,
    internshipOutcomesId,
  ],
  zh: [
    coreZh,
    publicZh,
    applyZh,
    referenceZh,
    sessionsZh,
    messagesInboxZh,
    casesZh,
    matchingZh,
    matchingOffersZh,
    matchingShortlistZh,
    selectionZh,
    securityZh,
    malwareScanZh,
    roundRulesZh,
    privacyZh,
    internshipZh,
    openStatisticsZh,
    selectionOffersZh,
    internshipPeriodZh,
    hostTrainingZh,
    dataRightsZh,
    internshipOutcomesZh,
  ],
  th: [
    coreTh,
    publicTh,
    applyTh,
    referenceTh,
    sessionsTh,
    messagesInboxTh,
    casesTh,
    matchingTh,
    matchingOffersTh,
    matchingShortlistTh,
    selectionTh,
    securityTh,
    malwareScanTh,
    roundRulesTh,
    privacyTh,
    internshipTh,
    openStatisticsTh,
    selectionOffersTh,
    internshipPeriodTh,
    hostTrainingTh,
    dataRightsTh,
    internshipOutcomesTh,
  ],
};

function merge(parts: Catalogue[]): Catalogue {
  const out: Catalogue = {};
  for (const part of parts) {
    for (const [ns, value] of Object.entries(part)) {
      if (ns in out) throw new Error(`message namespace "${ns}" is defined by two features`);
      out[ns] = value;
    }
  }
  return out;
}

export const CATALOGUES: Record<Locale, Catalogue> = {
  ja: merge(FEATURES.ja),
  en: merge(FEATURES.en),
  vi: merge(FEATURES.vi),
  id: merge(FEATURES.id),
  zh: merge(FEATURES.zh),
  th: merge(FEATURES.th),
};
