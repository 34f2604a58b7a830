import { describe, expect, it } from 'vitest';
import {
  ADOPTION_LABELS, ADOPTION_STATUSES, adoptionProblems, adoptionProgress, adoptionSheets, isAdoptionOverdue, matrixCell, recommendationProblems,
} from '../../src/domain/recommendations.js';

describe('adoption by each huvudman', () => {
  it('every status has its own text and symbol, so the matrix does not rely on colour', () => {
    const texts = ADOPTION_STATUSES.map((s) => ADOPTION_LABELS[s].text);
    const symbols = ADOPTION_STATUSES.map((s) => ADOPTION_LABELS[s].symbol);
    expect(new Set(texts).size).toBe(4);
    expect(new Set(symbols).size).toBe(4);
    expect(matrixCell({ status: 'adopted', overdue: false })).toBe('✓ Antagen');
    expect(matrixCell({ status: 'not-started', overdue: true })).toBe('○ Ej påbörjad ⚠ Försenad');
  });

  it('is overdue after the deadline until the huvudman has decided, either way', () => {
    expect(isAdoptionOverdue('not-started', '2023-08-31', '2023-09-01')).toBe(true);
    expect(isAdoptionOverdue('in-preparation', '2023-08-31', '2023-09-01')).toBe(true);
    expect(isAdoptionOverdue('in-preparation', '2023-08-31', '2023-08-31')).toBe(false);
    expect(isAdoptionOverdue('adopted', '2023-08-31', '2023-09-01')).toBe(false);
    expect(isAdoptionOverdue('declined', '2023-08-31', '2023-09-01')).toBe(false);
    expect(isAdoptionOverdue('not-started', null, '2099-01-01')).toBe(false);
  });

  it('counts progress', () => {
    const p = adoptionProgress([{ status: 'adopted' }, { status: 'declined' }, { status: 'not-started' }, { status: 'in-preparation' }], '2024-01-01', '2024-06-01');
    expect(p).toEqual({ counts: { 'not-started': 1, 'in-preparation': 1, adopted: 1, declined: 1 }, overdue: 2, decided: 2, total: 4 });
  });

  it('refuses contradictory or unsafe rows', () => {
    const row = { status: 'adopted' as const, decidedOn: '2024-03-12', decidingBody: 'Kommunfullmäktige', diaryNumber: 'KS 2024/12', url: 'https://www.umea.se/beslut' };
    expect(adoptionProblems(row)).toEqual([]);
    expect(adoptionProblems({ ...row, status: 'not-started' })[0]?.field).toBe('decidedOn');
    expect(adoptionProblems({ ...row, decidedOn: '2024-02-30' })[0]?.field).toBe('decidedOn');
    expect(adoptionProblems({ ...row, url: 'javascript:alert(1)' })[0]?.field).toBe('url');
    expect(adoptionProblems({ ...row, url: 'umea.se' })[0]?.field).toBe('url');
  });
});

describe('a recommendation', () => {
  it('needs a title and a date, and a deadline not before its decision', () => {
    expect(recommendationProblems({ title: 'Färdplan', decidedOn: '2023-03-10', deadline: '2023-08-31' })).toEqual([]);
    expect(recommendationProblems({ title: ' ', decidedOn: '2023-03-10', deadline: null })[0]?.field).toBe('title');
    expect(recommendationProblems({ title: 'Färdplan', decidedOn: null, deadline: null })[0]?.field).toBe('decidedOn');
    expect(recommendationProblems({ title: 'Färdplan', decidedOn: '2023-03-10', deadline: '2023-01-01' })[0]).toEqual({ field: 'deadline', message: 'sista dag 2023-01-01 är före beslutet 2023-03-10' });
  });

  it('becomes a matrix sheet and a sheet of local decisions', () => {
    const rec = {
      title: 'Färdplan Nära vård', kind: 'färdplan', body: { name: 'Samråd hälsa, vård och omsorg' }, decidedOn: '2023-03-10', deadline: '2023-08-31', localBody: 'fullmäktige',
      adoptions: [
        { huvudmanId: 1, huvudman: 'Region Västerbotten', status: 'adopted' as const, overdue: false, decidedOn: '2023-06-20', decidingBody: 'Regionfullmäktige', diaryNumber: 'RV 2023/1', url: null },
        { huvudmanId: 2, huvudman: 'Åsele kommun', status: 'not-started' as const, overdue: true, decidedOn: null, decidingBody: null, diaryNumber: null, url: null },
      ],
    };
    const { matrix, decisions } = adoptionSheets([rec], [{ id: 1, name: 'Region Västerbotten' }, { id: 2, name: 'Åsele kommun' }]);
    expect(matrix.columns.map((c) => c.header)).toEqual(['Huvudman', 'Färdplan Nära vård (senast 2023-08-31)']);
    expect(matrix.rows).toEqual([['Region Västerbotten', '✓ Antagen'], ['Åsele kommun', '○ Ej påbörjad ⚠ Försenad']]);
    expect(decisions.rows[0]).toEqual(['Färdplan Nära vård', 'färdplan', 'Samråd hälsa, vård och omsorg', '2023-03-10', '2023-08-31', 'fullmäktige', 'Region Västerbotten', 'Antagen', 'Nej', '2023-06-20', 'Regionfullmäktige', 'RV 2023/1', null]);
    expect(decisions.columns.filter((c) => c.kind === 'date').map((c) => c.header)).toEqual(['Beslutsdatum', 'Sista dag', 'Lokalt beslutsdatum']);
  });
});
