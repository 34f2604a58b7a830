// PLACEHOLDER: justering and signing of one meeting's protocol (/moten/:id/justering).
export function JusteringPage() {
  return null;
}
