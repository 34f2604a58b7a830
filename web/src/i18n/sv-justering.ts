// Justering, signing, verification and publication. PLACEHOLDER: filled in by that work.
export const svJustering = {};
export const svVerify = {};
