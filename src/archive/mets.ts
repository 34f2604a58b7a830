// METS after E-ARK CSIP/SIP 2.x: the root METS.xml describes the package (header with its agents,
// the ERMS as descriptive and PREMIS as preservation metadata, documentation, schemas and a pointer
// to each representation's own METS.xml); each representation's METS lists its data files. Every
// file carries MIME type, size, creation time and SHA-256, and each METS has the CSIP structMap.

import { create } from 'xmlbuilder2';
import { instant, xmlText, type PackageFile } from './files.js';

const METS = 'http://www.loc.gov/METS/';
const XLINK = 'http://www.w3.org/1999/xlink';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CSIP = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
const SIP = 'https://DILCIS.eu/XML/METS/SIPExtensionMETS';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

export const SIP_PROFILE = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';
/** CSIP content category of the package: protocols are digital text. */
const CONTENT_TYPE = 'Textual works – Digital';
const SCHEMA_LOCATION = [
  METS, 'http://www.loc.gov/standards/mets/mets.xsd',
  XLINK, 'http://www.loc.gov/standards/mets/xlink.xsd',
  CSIP, 'https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd',
  SIP, 'https://earksip.dilcis.eu/schema/DILCISExtensionSIPMETS.xsd',
].join(' ');

type El = ReturnType<typeof create>;

export interface Agent {
  role: 'CREATOR' | 'ARCHIVIST';
  type: 'ORGANIZATION' | 'SOFTWARE';
  name: string;
  note?: string; // software: its version; organisation: an identification code
}

interface MetsBase {
  objid: string;
  label: string;
  created: Date;
  agents: Agent[];
  /** For the IDs (unique within the package): "root", "rep1" … */
  scope: string;
  /** Where this METS.xml lies, to make hrefs relative to it: "" or "representations/rep1/". */
  base: string;
  contentInformationType: { type: string; other?: string };
  premis: PackageFile;
}

export interface RootMets extends MetsBase {
  erms: PackageFile;
  documentation: PackageFile[];
  schemas: PackageFile[];
  representations: { name: string; mets: PackageFile; contentInformationType: string }[];
}

export interface RepresentationMets extends MetsBase {
  data: PackageFile[];
}

function start(m: MetsBase): El {
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(METS, 'mets:mets', { OBJID: xmlText(m.objid), LABEL: xmlText(m.label), TYPE: CONTENT_TYPE, PROFILE: SIP_PROFILE })
    .att(XMLNS, 'xmlns:xlink', XLINK)
    .att(XMLNS, 'xmlns:xsi', XSI)
    .att(XMLNS, 'xmlns:csip', CSIP)
    .att(XMLNS, 'xmlns:sip', SIP)
    .att(CSIP, 'csip:CONTENTINFORMATIONTYPE', m.contentInformationType.type)
    .att(XSI, 'xsi:schemaLocation', SCHEMA_LOCATION);
  if (m.contentInformationType.other) root.att(CSIP, 'csip:OTHERCONTENTINFORMATIONTYPE', m.contentInformationType.other);
  const hdr = root.ele(METS, 'mets:metsHdr', { CREATEDATE: instant(m.created), RECORDSTATUS: 'NEW' }).att(CSIP, 'csip:OAISPACKAGETYPE', 'SIP');
  for (const a of m.agents) {
    const agent = hdr.ele(METS, 'mets:agent', a.type === 'SOFTWARE' ? { ROLE: a.role, TYPE: 'OTHER', OTHERTYPE: 'SOFTWARE' } : { ROLE: a.role, TYPE: a.type });
    agent.ele(METS, 'mets:name').txt(xmlText(a.name));
    if (a.note) agent.ele(METS, 'mets:note').att(CSIP, 'csip:NOTETYPE', a.type === 'SOFTWARE' ? 'SOFTWARE VERSION' : 'IDENTIFICATIONCODE').txt(xmlText(a.note));
  }
  return root;
}

function href(m: MetsBase, f: PackageFile): string {
  return f.path.startsWith(m.base) ? f.path.slice(m.base.length) : f.path;
}

function checksummed(f: PackageFile): Record<string, string> {
  return { MIMETYPE: f.mimeType, SIZE: String(f.size), CREATED: instant(f.created), CHECKSUM: f.sha256, CHECKSUMTYPE: 'SHA-256' };
}

function link(el: El, m: MetsBase, f: PackageFile): El {
  return el.att({ LOCTYPE: 'URL' }).att(XLINK, 'xlink:type', 'simple').att(XLINK, 'xlink:href', href(m, f));
}

function mdRef(sec: El, m: MetsBase, f: PackageFile, mdType: Record<string, string>): void {
  link(sec.ele(METS, 'mets:mdRef'), m, f).att({ ...mdType, ...checksummed(f) });
}

function premisSection(root: El, m: MetsBase): string {
  const id = `${m.scope}-premis`;
  mdRef(root.ele(METS, 'mets:amdSec').ele(METS, 'mets:digiprovMD', { ID: id, STATUS: 'CURRENT' }), m, m.premis, { MDTYPE: 'PREMIS' });
  return id;
}

function fileGroup(fileSec: El, m: MetsBase, use: string, files: PackageFile[], extra: (g: El) => void = () => undefined): string {
  const id = `${m.scope}-grp-${use.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const group = fileSec.ele(METS, 'mets:fileGrp', { ID: id, USE: use });
  extra(group);
  files.forEach((f, i) => {
    const file = group.ele(METS, 'mets:file', { ID: `${id}-file-${i + 1}`, ...checksummed(f) });
    if (f.format?.pronom) {
      file.att(SIP, 'sip:FILEFORMATNAME', f.format.name).att(SIP, 'sip:FILEFORMATREGISTRY', 'PRONOM').att(SIP, 'sip:FILEFORMATKEY', f.format.pronom);
      if (f.format.version) file.att(SIP, 'sip:FILEFORMATVERSION', f.format.version);
    }
    link(file.ele(METS, 'mets:FLocat'), m, f);
  });
  return id;
}

function structMap(root: El, m: MetsBase): El {
  return root.ele(METS, 'mets:structMap', { ID: `${m.scope}-structmap`, TYPE: 'PHYSICAL', LABEL: 'CSIP' }).ele(METS, 'mets:div', { ID: `${m.scope}-div`, LABEL: xmlText(m.objid) });
}

export function buildRootMets(m: RootMets): string {
  const root = start(m);
  const dmdId = `${m.scope}-erms`;
  mdRef(root.ele(METS, 'mets:dmdSec', { ID: dmdId, CREATED: instant(m.erms.created), STATUS: 'CURRENT' }), m, m.erms, { MDTYPE: 'OTHER', OTHERMDTYPE: 'ERMS' });
  const amdId = premisSection(root, m);
  const fileSec = root.ele(METS, 'mets:fileSec', { ID: `${m.scope}-filesec` });
  const docs = fileGroup(fileSec, m, 'Documentation', m.documentation);
  const schemas = fileGroup(fileSec, m, 'Schemas', m.schemas);
  const reps = m.representations.map((r) => ({
    ...r,
    group: fileGroup(fileSec, m, `Representations/${r.name}`, [r.mets], (g) => g.att(CSIP, 'csip:CONTENTINFORMATIONTYPE', 'OTHER').att(CSIP, 'csip:OTHERCONTENTINFORMATIONTYPE', r.contentInformationType)),
  }));
  const div = structMap(root, m);
  div.ele(METS, 'mets:div', { ID: `${m.scope}-div-metadata`, LABEL: 'Metadata', DMDID: dmdId, ADMID: amdId });
  div.ele(METS, 'mets:div', { ID: `${m.scope}-div-documentation`, LABEL: 'Documentation' }).ele(METS, 'mets:fptr', { FILEID: docs });
  div.ele(METS, 'mets:div', { ID: `${m.scope}-div-schemas`, LABEL: 'Schemas' }).ele(METS, 'mets:fptr', { FILEID: schemas });
  for (const r of reps) {
    const rep = div.ele(METS, 'mets:div', { ID: `${m.scope}-div-${r.name}`, LABEL: `Representations/${r.name}` });
    link(rep.ele(METS, 'mets:mptr'), m, r.mets).att(XLINK, 'xlink:title', r.group);
  }
  return root.end({ prettyPrint: true });
}

export function buildRepresentationMets(m: RepresentationMets): string {
  const root = start(m);
  const amdId = premisSection(root, m);
  const data = fileGroup(root.ele(METS, 'mets:fileSec', { ID: `${m.scope}-filesec` }), m, 'Data', m.data);
  const div = structMap(root, m);
  div.ele(METS, 'mets:div', { ID: `${m.scope}-div-metadata`, LABEL: 'Metadata', ADMID: amdId });
  div.ele(METS, 'mets:div', { ID: `${m.scope}-div-data`, LABEL: 'Data' }).ele(METS, 'mets:fptr', { FILEID: data });
  return root.end({ prettyPrint: true });
}
