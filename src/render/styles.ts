// The documents' stylesheet: an A4 page like the protocols Swedish public bodies publish. Inline in
// the document, which is downloaded or printed on its own rather than shown inside the app.
//
// Spacing is part of the round trip: the importer reads a vertical gap of more than 1.5 line
// heights as a blank line (a new paragraph), and a smaller one as the same paragraph. So
// paragraphs and items are separated by at least 0.7 lines, bullets and attendance lines by none,
// and nothing that belongs together may break across pages.

export const DOCUMENT_CSS = `
@page { size: A4; margin: 26mm 20mm 24mm 25mm; }
* { box-sizing: border-box; }
html { color: #111; background: #fff; }
body {
  font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif;
  font-size: 10.5pt; line-height: 1.4; margin: 0;
}
@media screen {
  body { max-width: 175mm; margin: 12mm auto; padding: 0 8mm; }
}
p { margin: 0 0 10pt; break-inside: avoid; orphans: 3; widows: 3; }
.nw { white-space: nowrap; }
/* Text that does not end a sentence stays on the page of what follows it (see items.ts). */
.open + * { break-before: avoid; }
/* The marker hangs in the indent; with the space after it the text starts at the indent. */
.mark { display: inline-block; width: 4mm; margin-left: -5mm; }
.draft-banner {
  border: 1.5pt solid #b00020; color: #b00020; font-weight: bold; letter-spacing: 0.05em;
  padding: 3pt 6pt; margin: 0 0 12pt; display: inline-block;
}
.doc-head { border-bottom: 0.75pt solid #555; margin-bottom: 14pt; padding-bottom: 4pt; }
.doc-head h1 { font-size: 18pt; line-height: 1.25; margin: 0 0 2pt; white-space: nowrap; font-weight: bold; }
.doc-head h1.t16 { font-size: 16pt; } .doc-head h1.t14 { font-size: 14pt; }
.doc-head h1.t12 { font-size: 12pt; } .doc-head h1.t10 { font-size: 10pt; }
.doc-head .long-date { font-size: 11pt; color: #333; margin: 0 0 10pt; }
.doc-head .subtitle { font-size: 11pt; margin: 0 0 10pt; }
table.facts { border-collapse: collapse; margin: 0 0 10pt; }
table.facts th { text-align: left; font-weight: bold; padding: 0 10pt 2pt 0; vertical-align: top; white-space: nowrap; }
table.facts td { padding: 0 0 2pt; }
.attendance { margin-bottom: 8pt; }
.attendance-list { margin-bottom: 12pt; }
h2.list-head { font-size: 10.5pt; font-weight: bold; margin: 0 0 3pt; break-after: avoid; }
p.person { margin: 0; padding-left: 6mm; text-indent: -6mm; }
article.item { margin: 0 0 6pt; padding-top: 8pt; border-top: 0.5pt solid #bbb; }
h2.item-title { font-size: 12pt; line-height: 1.3; margin: 0 0 4pt 0; padding-left: 9mm; text-indent: -9mm; break-after: avoid; break-inside: avoid; }
h2.item-title .no { display: inline-block; width: 8mm; text-indent: 0; }
p.kind { font-style: italic; margin: 0 0 4pt; break-after: avoid; }
p.presenters { margin: 0 0 10pt; break-after: avoid; }
.bullets { margin: 0 0 10pt; }
p.bullet, p.att, p.sub { margin: 0; padding-left: 5mm; }
.decision { margin: 0 0 10pt; padding-left: 3mm; border-left: 2pt solid #444; break-inside: avoid; break-before: avoid; }
.decision > p:first-child { font-weight: bold; }
.decision p { margin: 0; }
.decision p.att { padding-left: 10mm; font-weight: normal; }
.assignments, .proposal { margin: 0 0 10pt; break-inside: avoid; }
/* A page does not begin with a decision: repeated lines at page tops are dropped on import. */
.assignments { break-before: avoid; }
.assignments p, .proposal p { margin: 0; }
p.label { font-weight: bold; break-after: avoid; }
.signatures { margin-top: 18pt; break-inside: avoid; }
h2.sig-head { font-size: 12pt; margin: 0 0 8pt; break-after: avoid; }
p.sig-label { font-weight: bold; margin: 14pt 0 0; }
.sign-row { display: flex; gap: 12mm; flex-wrap: wrap; }
.sign { width: 65mm; margin-top: 22pt; }
.sign-line { border-top: 0.75pt solid #111; height: 0; }
.sign p { margin: 2pt 0 0; }
table.signed { border-collapse: collapse; margin: 0 0 12pt; break-inside: avoid; }
table.signed th { text-align: left; font-weight: normal; color: #333; padding: 0 10pt 0 0; white-space: nowrap; }
table.signed td { padding: 0; }
.notice-intro { margin-bottom: 14pt; }
.certification { margin-top: 24pt; break-inside: avoid; }
`;
