import bcrypt from "bcryptjs";

// 12 rounds: ~250 ms per sign-in, slow enough against offline guessing.
const ROUNDS = 12;

export const hashPassword = (password: string) => bcrypt.hash(password, ROUNDS);

export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** Compared against when the email is unknown, so both paths take as long. */
export const UNKNOWN_USER_HASH = bcrypt.hashSync("no user has this password", ROUNDS);
