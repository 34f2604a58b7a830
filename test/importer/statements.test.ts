import { describe, expect, it } from 'vitest';
import { parseProtocolText } from '../../src/importer/parse/index.js';

const item = (body: string) => parseProtocolText(`1. Punkt\n${body}\n`, 'test.txt').items[0]!;
const decisions = (body: string) => item(body).decisions.map((d) => d.text);
const assignments = (body: string) => item(body).assignments.map((a) => a.to);

describe('decisions', () => {
  it('"X beslutade att …" runs to the end of its paragraph', () => {
    expect(decisions('Diskussion fördes.\n\nLänssamverkansgruppen beslutade att tyngdtäcken ska kvarstå. En uppföljning presenteras i september.\n\nNästa stycke.')).toEqual([
      'Länssamverkansgruppen beslutade att tyngdtäcken ska kvarstå. En uppföljning presenteras i september.',
    ]);
  });

  it('"X beslutar:" with bulleted att-clauses is one decision whose clauses are the bullets', () => {
    const d = item('Samråd hälsa, vård och omsorg beslutar:\n\no att anta strategin\n\no att rekommendera fullmäktige att anta strategin\n\nNästa stycke.').decisions;
    expect(d).toHaveLength(1);
    expect(d[0]!.text).toBe('Samråd hälsa, vård och omsorg beslutar: att anta strategin att rekommendera fullmäktige att anta strategin');
    expect(d[0]!.clauses).toEqual(['anta strategin', 'rekommendera fullmäktige att anta strategin']);
  });

  it('inline att-clauses become the clauses', () => {
    expect(item('Socialnämnden beslutar att godkänna uppföljningen, att uppdra åt förvaltningen att ta fram en plan.').decisions[0]!.clauses).toEqual([
      'godkänna uppföljningen',
      'uppdra åt förvaltningen att ta fram en plan.',
    ]);
  });

  it('approving, taking note and filing are decisions', () => {
    expect(decisions('Föredragningslistan godkändes och lades till handlingarna')).toHaveLength(1);
    expect(decisions('Samråd vård och omsorg godkände informationen.')).toHaveLength(1);
    expect(decisions('Socialnämnden tackar för informationen och lägger den till handlingarna.')).toHaveLength(1);
  });

  it('"Formalia av beslut … : Ansökan beviljad …" is a decision', () => {
    expect(decisions('- Formalia av beslut gällande beviljade UPH-medel via mail i november: Ansökan beviljad\nenligt beredningsgruppens förslag.')).toEqual([
      'Formalia av beslut gällande beviljade UPH-medel via mail i november: Ansökan beviljad enligt beredningsgruppens förslag.',
    ]);
  });

  it('"Justerare … beslutades till X" and "Ärendet utgår" are decisions', () => {
    expect(decisions('Tillägg: val av justerare\nJusterare till dagens möte beslutades till Roland Gustafsson')).toEqual([
      'Justerare till dagens möte beslutades till Roland Gustafsson',
    ]);
    expect(decisions('Ärendet utgår.')).toEqual(['Ärendet utgår.']);
  });

  it('discussion, reports of earlier decisions and proposals are not decisions', () => {
    expect(decisions('Synpunkter som lyftes var att medlen ska stimulera samverkan.')).toEqual([]);
    expect(decisions('Frågan ställdes: vad kan vi göra gemensamt?')).toEqual([]);
    expect(decisions('Länssamverkansgruppen har 20250221 antagit dokumentet.')).toEqual([]);
    expect(decisions('Nära vård utgår från individens hela situation.')).toEqual([]);
    expect(decisions('Beslut kommer att tas i nämnden om ytterligare medel.')).toEqual([]);
    expect(decisions('Förslag till beslut\nNämnden godkänner uppföljningen.\nBeslut\nNämnden beslutar att godkänna uppföljningen.')).toEqual([
      'Nämnden beslutar att godkänna uppföljningen.',
    ]);
  });

  it('a "Beslut" heading makes the paragraph under it a decision', () => {
    expect(decisions('Beslut\nNämnden utser Göran Ärlig att justera protokollet.')).toEqual(['Nämnden utser Göran Ärlig att justera protokollet.']);
  });
});

describe('assignments', () => {
  it('"X uppdras att …" is an assignment to X', () => {
    expect(item('Införandet av länsrutin. Beredning barn och unga uppdras att följa implementeringen. Frågan tas upp igen.').assignments).toEqual([
      { to: 'Beredning barn och unga', text: 'Beredning barn och unga uppdras att följa implementeringen.' },
    ]);
  });

  it('an assignment inside a decision is listed in both places', () => {
    const it1 = item('Länssamverkansgruppen beslutade att återremittera ärendet till arbetsgruppen med frågeställningen att undersöka möjligheterna.');
    expect(it1.decisions).toHaveLength(1);
    expect(it1.assignments).toEqual([{ to: 'arbetsgruppen', text: 'återremittera ärendet till arbetsgruppen med frågeställningen att undersöka möjligheterna.' }]);
    expect(assignments('Nämnden beslutar att uppdra åt förvaltningen att ta fram en åtgärdsplan.')).toEqual(['förvaltningen']);
    expect(assignments('Nämnden beslutade att ge arbetsgruppen i uppdrag att följa upp införandet.')).toEqual(['arbetsgruppen']);
  });

  it('"Frågan återremitteras till Y, som återkommer …" is one assignment to Y and no decision', () => {
    const it1 = item('Frågan återremitteras till Beredning vuxna och äldre, som återkommer till nästa möte med ett förslag.');
    expect(it1.decisions).toEqual([]);
    expect(it1.assignments.map((a) => a.to)).toEqual(['Beredning vuxna och äldre']);
  });

  it('a named group that commits itself to report back is assigned to itself', () => {
    expect(assignments('Koordinatorerna återkommer med mer information på kommande möte.')).toEqual(['Koordinatorerna']);
    expect(assignments('Arbetsgruppen ska återrapportera i december.')).toEqual(['Arbetsgruppen']);
  });

  it('tasks given earlier, pronouns and mere mentions of a task are not assignments', () => {
    expect(assignments('Länssamverkansgruppen har gett en arbetsgrupp i uppdrag att utarbeta förslag.')).toEqual([]);
    expect(assignments('Beredningen har fått i uppdrag att skapa en arbetsgrupp.')).toEqual([]);
    expect(assignments('Ett uppdrag från Länssamverkansgruppen kommer att behövas.')).toEqual([]);
    expect(assignments('Vi återkommer i frågan.')).toEqual([]);
  });
});

describe('the deciding body', () => {
  it('comes from the title when there is one', () => {
    expect(parseProtocolText('Protokoll Samråd vård och omsorg\n\n1. Punkt\nSystemledningen beslutade att godkänna.\n', 'x').body).toBe('Samråd vård och omsorg');
  });

  it('without a head, is the subject that decides most often, OCR variants counted together', () => {
    const text = '1. Alfa\nSamråd hälsa, vård och omsorg godkände informationen\n2. Beta\nSamråd häls, vård och omsorg godkände informationen\n3. Gamma\nSamråd hälsa, vård och omsorg godkände informationen\n4. Delta\nSystemledningen beslutade att godkänna.\n';
    expect(parseProtocolText(text, 'x').body).toBe('Samråd hälsa, vård och omsorg');
  });

  it('is null, with a warning, when nothing names it', () => {
    const parsed = parseProtocolText('1. Punkt\nFöredragningslistan godkändes.\n', 'x');
    expect(parsed.body).toBeNull();
    expect(parsed.warnings.some((w) => w.includes('no deciding body'))).toBe(true);
  });
});

describe('decision labels', () => {
  it('"Beslut: …" on one line is a decision without its label', () => {
    expect(decisions('Beslut: Nämnden godkänner redovisningen.')).toEqual(['Nämnden godkänner redovisningen.']);
  });
});
