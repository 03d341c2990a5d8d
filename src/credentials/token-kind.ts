/**
 * How Yandex Cloud tools tell the two kinds of token apart (terraform-provider-yandex, the yc CLI): an IAM
 * token starts with `t1.` and has exactly two dots; anything else is taken as an OAuth token.
 */
export function isIamToken(token: string): boolean {
  return token.startsWith("t1.") && token.split(".").length === 3;
}
