import { randomBytes } from "node:crypto";

const LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

/** `length` random characters of `alphabet` (lower-case letters and digits by default). */
export function randomText(length: number, alphabet = LOWER_ALPHANUMERIC): string {
  // Bytes above the largest multiple of the alphabet's size are redrawn, so every character is equally likely.
  const limit = 256 - (256 % alphabet.length);
  let text = "";
  while (text.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < limit && text.length < length) text += alphabet[byte % alphabet.length];
    }
  }
  return text;
}
