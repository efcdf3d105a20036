import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { contributionsSectionKey, type WrittenStandard } from '../../shared/contracts/special-part.js';

type DefaultSection = { key: string; title: string; body: RichTextDoc };

const paragraph = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const empty = (): RichTextDoc => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/**
 * The sections a new special part starts with, titled in the region's written standard (Hallingdal writes
 * nynorsk): an introduction, the region's priorities, the generated contributions section and follow-up.
 * The coordinator may rename, add, reorder and remove sections, except the contributions section.
 */
export function defaultSections(standard: WrittenStandard, regionName: string): DefaultSection[] {
  const nynorsk = standard === 'nn';
  return [
    {
      key: 'introduction',
      title: nynorsk ? 'Innleiing' : 'Innledning',
      body: paragraph(
        nynorsk
          ? `Den særskilde delen av partnarskapsavtalen skildrar kva fylkeskommunen og ${regionName} skal samarbeide om i avtaleperioden.`
          : `Den spesielle delen av partnerskapsavtalen beskriver hva fylkeskommunen og ${regionName} skal samarbeide om i avtaleperioden.`,
      ),
    },
    {
      key: 'priorities',
      title: nynorsk ? 'Prioriteringane til regionen' : 'Regionens prioriteringer',
      body: empty(),
    },
    { key: contributionsSectionKey, title: 'Bidrag', body: empty() },
    { key: 'follow-up', title: 'Oppfølging', body: empty() },
  ];
}
