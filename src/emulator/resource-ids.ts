import { randomInt } from "node:crypto";

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const ID_BODY_LENGTH = 17;

/** An id shaped like the managed-database service's: `mdb` and 17 lowercase letters or digits. */
export function newMdbResourceId(taken: (id: string) => boolean): string {
  for (;;) {
    let id = "mdb";
    for (let i = 0; i < ID_BODY_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
    if (!taken(id)) return id;
  }
}
