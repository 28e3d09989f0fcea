// Single sign-on for council staff over OpenID Connect (authorization code with PKCE): what a
// council configures, what its public configuration tells the console, and the staff session
// the server makes from a sign-in.
import * as z from 'zod/mini';
import { plainText, storable, Timestamp } from './common.js';
import { STAFF_ROLES, STAFF_SESSION_MINUTES_DEFAULT, STAFF_SESSION_MINUTES_MAX, STAFF_SESSION_MINUTES_MIN } from './rules.js';

/** True for `https:` URLs, and `http:` ones on this machine only (a provider run by a test or a developer). */
export function isSecureOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

const ProviderUrl = z.url().check(
  storable,
  z.refine(isSecureOrLoopback, { message: 'Must be an https: URL (http: only on localhost).' }),
  z.maxLength(2000),
);

/** An OAuth scope token (RFC 6749 §3.3). */
const Scope = z.string().check(z.regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/));

/** Who a staff session belongs to, as the identity provider names them. Never an email address. */
export const StaffPerson = z
  .object({
    subject: plainText(z.minLength(1), z.maxLength(255)).check(z.meta({ description: "The provider's stable identifier of the person (`sub`)." })),
    name: z.nullable(plainText(z.maxLength(200))).check(z.meta({ description: 'Their display name (`name`), or null when the provider gives none.' })),
  })
  .check(z.meta({ description: 'A person signed in with single sign-on.' }));
export type StaffPerson = z.infer<typeof StaffPerson>;

/**
 * A council's single sign-on settings, as its operator sets them (`council update --oidc FILE`).
 * The client secret stays on the server: it is never in the public configuration.
 */
export const SsoSettings = z
  .object({
    issuer: ProviderUrl.check(z.meta({ description: "The provider's issuer URL; its `/.well-known/openid-configuration` is read from it." })),
    clientId: plainText(z.minLength(1), z.maxLength(255)).check(z.meta({ description: 'The client ID the provider gave the console.' })),
    clientSecret: z.optional(plainText(z.minLength(1), z.maxLength(1000))).check(
      z.meta({ description: 'The client secret, for a confidential client; absent for a public one (PKCE alone).' }),
    ),
    label: z.optional(plainText(z.minLength(1), z.maxLength(100))).check(
      z.meta({ description: 'What the sign-in button names ("Sign in with …"), e.g. `Microsoft Entra ID`; the council\'s name when absent.' }),
    ),
    scopes: z.optional(z.array(Scope).check(z.minLength(1), z.maxLength(20))).check(
      z.meta({ description: 'Scopes asked for; `openid` is always added. @default ["openid", "profile"]' }),
    ),
    roleClaim: plainText(z.minLength(1), z.maxLength(200)).check(
      z.meta({ description: 'The claim that carries roles or groups, e.g. `groups`, `roles`, or a dotted path such as `realm_access.roles` (Keycloak).' }),
    ),
    roles: z
      .object({
        editor: z.array(plainText(z.minLength(1), z.maxLength(255))).check(z.maxLength(50), z.meta({ description: 'Claim values that make a person an editor.' })),
        admin: z.array(plainText(z.minLength(1), z.maxLength(255))).check(z.maxLength(50), z.meta({ description: 'Claim values that make a person an admin (admin wins over editor).' })),
      })
      .check(
        z.refine((r) => r.editor.length + r.admin.length > 0, { message: 'At least one claim value must map to a role.' }),
        z.meta({ description: 'Which claim values map to which role; a person with none of them is refused.' }),
      ),
    sessionMinutes: z.optional(z.int().check(z.minimum(STAFF_SESSION_MINUTES_MIN), z.maximum(STAFF_SESSION_MINUTES_MAX))).check(
      z.meta({ description: `How long a session lasts, in minutes. @default ${STAFF_SESSION_MINUTES_DEFAULT}` }),
    ),
    authorizationEndpoint: z.optional(ProviderUrl).check(
      z.meta({ description: "The provider's authorization endpoint; read from its discovery document when absent." }),
    ),
  })
  .check(z.meta({ description: "A council's single sign-on with its OpenID Connect provider." }));
export type SsoSettings = z.infer<typeof SsoSettings>;

/** What the console needs to start a sign-in; nothing secret. */
export const SsoPublic = z
  .object({
    label: plainText(z.minLength(1), z.maxLength(200)).check(z.meta({ description: 'The provider or council the sign-in button names.' })),
    issuer: ProviderUrl.check(z.meta({ description: "The provider's issuer URL." })),
    authorizationEndpoint: ProviderUrl.check(z.meta({ description: 'Where the console sends the browser to sign in (authorization code with PKCE, `S256`).' })),
    clientId: plainText(z.minLength(1), z.maxLength(255)).check(z.meta({ description: 'The `client_id` to send.' })),
    scopes: z.array(Scope).check(z.minLength(1), z.meta({ description: 'The scopes to ask for (`openid` among them).' })),
  })
  .check(
    z.meta({
      description:
        "Single sign-on for staff: the console redirects here with `response_type=code`, a PKCE challenge, `state` and `nonce`, " +
        "and the redirect URI its own page's address; then it sends the code to `createStaffSession`.",
    }),
  );
export type SsoPublic = z.infer<typeof SsoPublic>;

export const StaffSessionCreate = z
  .object({
    code: plainText(z.minLength(1), z.maxLength(4096)).check(z.meta({ description: 'The authorization code the provider sent back.' })),
    codeVerifier: z.string().check(
      z.regex(/^[A-Za-z0-9._~-]{43,128}$/),
      z.meta({ description: 'The PKCE code verifier (RFC 7636) whose S256 challenge went with the authorization request.' }),
    ),
    redirectUri: z.url().check(
      storable,
      z.maxLength(2000),
      z.refine(isSecureOrLoopback, { message: 'Must be an https: URL (http: only on localhost).' }),
      z.meta({ description: 'The redirect URI sent with the authorization request, exactly.' }),
    ),
    nonce: plainText(z.minLength(16), z.maxLength(255)).check(z.meta({ description: 'The `nonce` sent with the authorization request; the ID token must carry it.' })),
  })
  .check(z.meta({ description: 'A finished sign-in at the provider, to turn into a staff session.' }));
export type StaffSessionCreate = z.infer<typeof StaffSessionCreate>;

export const StaffSession = z
  .object({
    token: z.string().check(z.meta({ description: 'The session token: send it as `Authorization: Bearer` on staff routes. Shown once; keep it for the browser tab only.' })),
    expiresAt: Timestamp.check(z.meta({ description: 'When the session ends (RFC 3339, UTC); after it, staff routes answer 401.' })),
    role: z.enum(STAFF_ROLES).check(z.meta({ description: "The role the person's claims map to." })),
    person: StaffPerson,
  })
  .check(z.meta({ description: 'A staff session made by single sign-on.' }));
export type StaffSession = z.infer<typeof StaffSession>;

export const StaffMe = z
  .object({
    role: z.enum(STAFF_ROLES).check(z.meta({ description: "The role of the token or session: what it may do (`admin` publishes, reads the audit log and changes settings)." })),
    label: z.nullable(z.string()).check(z.meta({ description: "The staff token's label (usually a person or a desk), or null (always for a session)." })),
    person: z.nullable(StaffPerson).check(z.meta({ description: 'The person signed in with single sign-on, or null for a staff token.' })),
  })
  .check(z.meta({ description: 'Who the token of this request belongs to, and its role.' }));
export type StaffMe = z.infer<typeof StaffMe>;
