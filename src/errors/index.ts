export { BackupLookupError } from "./backup-lookup-error";
export { InvalidArgumentError } from "./invalid-argument-error";
export { YandexApiError, type YandexApiErrorFacts } from "./yandex-api-error";
export { grpcCodeName } from "./status-text";
export { NetworkError } from "./network-error";
export { MalformedResponseError } from "./malformed-response-error";
export { PaginationError } from "./pagination-error";
export { NoMatchingBackupsError } from "./no-matching-backups-error";
export { CredentialsError, type TokenServiceAnswer } from "./credentials-error";
