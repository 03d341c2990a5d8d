/** Statuses that say "try again": rate limited, or a server-side fault that a later attempt may not meet. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Transport failures that another attempt cannot fix: the peer's certificate or our own request is wrong. */
const PERMANENT_NETWORK_CODES = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_INVALID_URL",
  "ERR_BAD_OPTION",
  "ERR_BAD_OPTION_VALUE",
  "ERR_FR_MAX_BODY_LENGTH_EXCEEDED",
]);

export function isRetryableNetworkCode(code: string | undefined): boolean {
  return code === undefined || !PERMANENT_NETWORK_CODES.has(code);
}
