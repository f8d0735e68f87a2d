import type { CertificateFacts } from "../cert-facts";
import { certificateFacts } from "../certificate";

/** Distinct certificate PEMs remembered (a few MB at most); logins repeat the same few per key. */
export const PEM_FACTS_CACHE_LIMIT = 4096;

/**
 * PEM text → CertificateFacts, for certificates presented again and again (every login of a key sends the same
 * leaf and chain PEMs). Reading one costs a regex over the PEM, base64, SHA-256 and a DER walk — most of a repeat
 * validation once the signatures are cached. The facts are a pure function of the text, so caching them skips
 * no check: path building, validity, key usage and revocation still run on every validation. Only successful
 * reads are kept (unreadable input is re-read, and refused, each time). Bounded LRU, process-wide so a
 * TrustStore rebuilt after a CRL update keeps it.
 */
export class PemFactsCache {
  private readonly entries = new Map<string, CertificateFacts>();

  constructor(private readonly limit = PEM_FACTS_CACHE_LIMIT) {}

  /** Throws PkiError("malformed") like certificateFacts for a PEM that is not one certificate. */
  get(pem: string): CertificateFacts {
    const cached = this.entries.get(pem);
    if (cached) {
      this.entries.delete(pem);
      this.entries.set(pem, cached);
      return cached;
    }
    const facts = certificateFacts(pem);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(pem, facts);
    return facts;
  }

  get size(): number {
    return this.entries.size;
  }
}

export const pemFacts = new PemFactsCache();
