// The visit journal's lists until an administrator sets the office's own: the reasons and results
// of the social-protection office of seed 004 (documents for a benefit, advice, certificates).
// Names and contacts are not collected until the office decides to and sets how long to keep them.
import type { VisitJournalSettings } from '../../common/protocol';

export const DEFAULT_VISIT_JOURNAL_SETTINGS: VisitJournalSettings = {
  reasons: [
    { id: 'benefit-documents', label: { ru: 'Документы на назначение выплаты', uk: 'Документи на призначення виплати', en: 'Documents for a benefit' } },
    { id: 'consultation', label: { ru: 'Консультация', uk: 'Консультація', en: 'Advice' } },
    { id: 'certificate', label: { ru: 'Справка', uk: 'Довідка', en: 'Certificate' } },
    { id: 'registration', label: { ru: 'Регистрационный учёт', uk: 'Реєстраційний облік', en: 'Registration records' } },
  ],
  results: [
    { id: 'accepted', label: { ru: 'Документы приняты', uk: 'Документи прийнято', en: 'Documents accepted' } },
    { id: 'accepted-with-receipt', label: { ru: 'Принято, расписка о недостающих', uk: 'Прийнято, розписка про відсутні', en: 'Accepted, receipt for missing papers' } },
    { id: 'returned-incomplete', label: { ru: 'Неполный комплект, выдана памятка', uk: 'Неповний комплект, видано пам’ятку', en: 'Incomplete set, checklist given' } },
    { id: 'advised', label: { ru: 'Консультация дана', uk: 'Консультацію надано', en: 'Advice given' } },
    { id: 'certificate-issued', label: { ru: 'Справка выдана', uk: 'Довідку видано', en: 'Certificate issued' } },
  ],
  collectPersonalData: false,
  retentionDays: 30,
};
