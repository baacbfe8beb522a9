import type { AuthResponse, Login, PublicUser, Signup } from "../../server/schema/auth.ts";
import { client, done, ok } from "./client.ts";

const auth = client.api.auth;

/** Accounts: sign up, sign in, sign out, and who is signed in. */
export const authApi = {
  me: async (): Promise<PublicUser> => (await ok(client.api.me.$get())).user as PublicUser,
  login: (input: Login) => ok(auth.login.$post({ json: input })) as Promise<AuthResponse>,
  signup: (input: Signup) => ok(auth.signup.$post({ json: input })) as Promise<AuthResponse>,
  logout: () => done(auth.logout.$post()),
  /** Changes the password; the other sessions of the account end. */
  changePassword: (currentPassword: string, newPassword: string) =>
    done(client.api.me.password.$post({ json: { currentPassword, newPassword } })),
};
