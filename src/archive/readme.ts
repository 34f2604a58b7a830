// documentation/om-paketet.txt: the package explained to the archivist who opens it, in Swedish.

import type { Body } from '../domain/model.js';
import { instant } from './files.js';

export function packageReadme(p: { objid: string; body: Body; year: number; created: Date; protocols: number; sealed: number; hasRep2: boolean }): string {
  return `Arkivpaket från Samverka
========================

Paket:        ${p.objid}
Organ:        ${p.body.name} (${p.body.slug})
År:           ${p.year}
Protokoll:    ${p.protocols}, varav ${p.sealed} förseglade i Samverka
Skapat:       ${instant(p.created)}

Paketet följer E-ARK SIP 2 (CSIP). METS.xml i roten beskriver paketet och pekar ut
varje representations egen METS.xml. Alla filer har SHA-256 i METS och i PREMIS.

metadata/descriptive/ERMS.xml
    Ärenden och beslut enligt E-ARK CITS ERMS: en aggregering för organets år, i den en
    per sammanträde med en post för protokollet och en per paragraf (ärende, beslut med
    att-satser, uppdrag, rekommendationer, kostnadsfördelningar). Det som ERMS saknar
    element för ligger i namnrymden urn:samverka:erms:1 (schemas/samverka-erms-extension.xsd).
    ERMS.xml valideras mot schemas/samverka-erms.xsd, en delmängd av ERMS.xsd 2.1.

metadata/preservation/premis.xml
    Representationerna, paketets tillkomst och de agenter (program, organ) som medverkat.

representations/rep1
    Protokollen i PDF/A-2b för bevarande, en mapp per sammanträde (datum-m<id>).
    Konverterade med Ghostscript och kontrollerade (XMP-identifiering PDF/A-2 B,
    utdataavsikt sRGB, filen öppnas, texten innehåller protokollets rubrik).
    Kontrollen är inte en fullständig validering (veraPDF har inte körts).
${p.hasRep2 ? `
representations/rep2
    Originalen: förseglade protokoll exakt som de undertecknades (PAdES) med förseglingens
    manifest (manifest.json, RFC 8785), de filer inlästa protokoll lästes in från (kalla-*)
    och bilagor som de laddades upp. Konverteringen till PDF/A tar bort den elektroniska
    underskriften; därför ligger originalen kvar här.
` : ''}
Varje representation har en egen metadata/preservation/premis.xml med filernas
kontrollsummor och händelser (inläsning, försegling, konvertering, kontroll).
`;
}
