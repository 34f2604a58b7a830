// The session's CSRF token, sent with every state-changing request (see src/api/auth/session.ts).
let token: string | null = null;

export function currentCsrfToken(): string | null {
  return token;
}

export function setCsrfToken(next: string | null): void {
  token = next;
}
