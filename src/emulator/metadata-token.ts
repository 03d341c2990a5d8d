import type { IamTokenRegistry } from "./iam-tokens";
import { apiFailure, GrpcCode, type ApiFailure } from "./status-json";

export const METADATA_TOKEN_PATH = "/computeMetadata/v1/instance/service-accounts/default/token";

/** The VM metadata service's token answer, in the Google-compatible shape Yandex serves it in. */
export function answerMetadataTokenRequest(
  tokens: IamTokenRegistry,
  metadataFlavor: string | undefined,
  nowMs: number,
): ApiFailure | string {
  if (metadataFlavor !== "Google") {
    return apiFailure(GrpcCode.PERMISSION_DENIED, "Missing required header: Metadata-Flavor: Google");
  }
  const issued = tokens.issue(nowMs);
  return JSON.stringify({
    access_token: issued.token,
    expires_in: Math.floor((issued.expiresAtMs - nowMs) / 1000),
    token_type: "Bearer",
  });
}
