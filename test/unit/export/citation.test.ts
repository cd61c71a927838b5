import { describe, expect, it } from 'vitest';
import { chartCitation, figureCitation, sourceCitation, type CitedSource } from '../../../src/lib/export/citation.ts';

const pse: CitedSource = { title: 'Mayor’s skills bootcamps', publisher: 'Public Sector Executive', publishedText: '2024', url: 'https://example.org/pse' };
const noUrl: CitedSource = { ...pse, url: null };
const noPublisher: CitedSource = { title: '£1m investment', publisher: 'Not stated in the copy held', publishedText: '2024', url: null };

describe('sourceCitation', () => {
  it.each<[string, CitedSource | null, string]>([
    ['a source with a web address', pse, 'Public Sector Executive, 2024: https://example.org/pse'],
    ['a source with none says so', noUrl, 'Public Sector Executive, 2024; no web address is known'],
    ['an unknown publisher is named by the title', noPublisher, '“£1m investment”, publisher not stated, 2024; no web address is known'],
    ['an unavailable source names its id', null, 'source pse-x; its details are unavailable'],
  ])('%s', (_name, source, text) => {
    expect(sourceCitation(source, 'pse-x')).toBe(text);
  });
});

describe('figureCitation', () => {
  const base = { value: '£11.2m', label: 'Skills Bootcamps funding', programme: null, area: 'Liverpool City Region', when: 'announced 2024', caveats: [], source: pse, sourceId: 'pse' };
  it.each([
    ['the example in the issue', base, '£11.2m: Skills Bootcamps funding, Liverpool City Region, announced 2024 (Public Sector Executive, 2024: https://example.org/pse)'],
    ['qualifier words are kept', { ...base, value: 'more than 4,000', label: 'people completed the course' }, 'More than 4,000: people completed the course, Liverpool City Region'],
    ['with its programme', { ...base, programme: 'Skills Bootcamps', label: 'New funding' }, '£11.2m: New funding, Skills Bootcamps, Liverpool City Region'],
    ['caveats follow as sentences', { ...base, caveats: ['Expected, not yet achieved', 'Target date passed (March 2025): no outcome is published in the data.'] }, '(Public Sector Executive, 2024: https://example.org/pse) Expected, not yet achieved. Target date passed (March 2025): no outcome is published in the data.'],
    ['no web address', { ...base, source: noUrl }, '(Public Sector Executive, 2024; no web address is known)'],
    ['no figure published', { ...base, value: null, label: 'Online portal pilot' }, 'Online portal pilot (no figure published): Liverpool City Region, announced 2024 (Public Sector Executive'],
    ['no source details', { ...base, source: null }, '(source pse; its details are unavailable)'],
  ])('%s', (_name, input, text) => {
    expect(figureCitation(input)).toContain(text);
  });

  it('is plain text: data containing markup stays as typed', () => {
    expect(figureCitation({ ...base, label: '<b>bold</b>' })).toContain('<b>bold</b>');
  });
});

describe('chartCitation', () => {
  it('gives the title, the summary and each source on its own line', () => {
    expect(chartCitation({ title: 'Bootcamp progress', summary: 'More than 4,000 had completed by March 2024.', sources: [{ id: 'pse', source: pse }, { id: 'kq', source: noPublisher }, { id: 'gone', source: null }] })).toBe(
      ['Bootcamp progress.', 'More than 4,000 had completed by March 2024.', 'Source: Public Sector Executive, 2024: https://example.org/pse', 'Source: “£1m investment”, publisher not stated, 2024; no web address is known', 'Source: source gone; its details are unavailable'].join('\n'),
    );
  });
  it('says when a chart lists no source', () => {
    expect(chartCitation({ title: 'T', summary: 'S', sources: [] })).toBe('T.\nS\nSource: none is listed for this chart');
  });
});
