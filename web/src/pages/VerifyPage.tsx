// PLACEHOLDER: public verification of a protocol PDF (/verifiera).
export function VerifyPage() {
  return null;
}
