import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_SUBJECT, developmentCertificateFiles, ensureSealCertificate, knownSealCertificates, readP12, sealCertificateAtStart } from '../../src/signing/certificate.js';
import { SealError } from '../../src/signing/errors.js';
import { signingProviders } from '../../src/signing/providers.js';
import { makeP12, signingConfig, writeTemp } from './helpers.js';

describe('the seal certificate', () => {
  it('without SIGNING_P12, a development certificate is generated once and then reused', () => {
    const config = signingConfig();
    const first = ensureSealCertificate(config);
    expect(first.created).toBe(true);
    expect(first.certificate).toMatchObject({ development: true, subject: `${DEVELOPMENT_SUBJECT}, Samverka` });
    const files = developmentCertificateFiles(config.dataDir);
    expect(fs.statSync(files.password).mode & 0o077).toBe(0);
    const again = ensureSealCertificate(config);
    expect(again.created).toBe(false);
    expect(again.certificate.fingerprint).toBe(first.certificate.fingerprint);
    expect(knownSealCertificates(config)).toEqual([{ fingerprint: first.certificate.fingerprint, development: true }]);
  });

  it('the server says at start that it seals with a development certificate', () => {
    const config = signingConfig();
    expect(sealCertificateAtStart(config)).toMatch(/generated a self-signed DEVELOPMENT seal certificate/);
    expect(sealCertificateAtStart(config)).toMatch(/using the self-signed DEVELOPMENT seal certificate/);
  });

  it('reads the organisation’s PKCS#12 with its password', () => {
    const file = writeTemp(makeP12({ password: 'rätt', commonName: 'Region Västerbotten' }), 'org.p12');
    const { certificate, created } = ensureSealCertificate(signingConfig({ signing: { p12Path: file, password: 'rätt' } }));
    expect(created).toBe(false);
    expect(certificate).toMatchObject({ development: false, subject: 'Region Västerbotten' });
  });

  it('refuses, in Swedish, a file that is not PKCS#12, a certificate not yet valid, and a wrong password', () => {
    expect(() => readP12(new TextEncoder().encode('inte ett certifikat'), 'x', { development: false })).toThrow(SealError);
    expect(() => readP12(new TextEncoder().encode('inte ett certifikat'), 'x', { development: false })).toThrow(/ingen giltig PKCS#12-fil/);
    const later = makeP12({ password: 'pw', notBefore: new Date(Date.now() + 30 * 86_400_000), notAfter: new Date(Date.now() + 400 * 86_400_000) });
    expect(() => readP12(later, 'pw', { development: false })).toThrow(/gäller först från/);
    expect(() => readP12(later, 'fel', { development: false })).toThrow(/Lösenordet till förseglingscertifikatet är fel/);
  });

  it('an expired certificate cannot seal, but what it sealed stays ours', () => {
    const file = writeTemp(makeP12({ password: 'pw', notBefore: new Date('2019-01-01'), notAfter: new Date('2022-01-01') }), 'old.p12');
    const config = signingConfig({ signing: { p12Path: file, password: 'pw' } });
    expect(() => ensureSealCertificate(config)).toThrow(/gick ut 2022-01-01/);
    expect(sealCertificateAtStart(config)).toMatch(/WARNING: protocols cannot be sealed/);
    expect(knownSealCertificates(config).map((c) => c.development)).toEqual([false]);
  });
});

describe('e-signing providers', () => {
  it('only the built-in Samverka account is offered: no external service pretends to be connected', () => {
    expect(signingProviders().map((p) => p.id)).toEqual(['samverka-konto']);
  });
});
