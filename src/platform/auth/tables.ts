/** The tables platform/auth owns. */
export interface AuthTables {
  auth_credential: { person_id: string; password_hash: string; updated_at: string };
  auth_session: {
    id_hash: string;
    person_id: string;
    csrf_token: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    revoked_at: string | null;
    ip: string | null;
    user_agent: string | null;
    method: string;
  };
  auth_token: {
    id: string;
    person_id: string;
    name: string;
    token_hash: string;
    prefix: string;
    created_at: string;
    created_by: string | null;
    last_used_at: string | null;
    revoked_at: string | null;
    /** Brussels day from which the token no longer answers; null: no end. */
    expires_on: string | null;
  };
  auth_login_failure: { id: string; throttle_key: string; at: string };
  auth_login_device: { id_hash: string; username: string; created_at: string };
  auth_oidc_request: {
    state: string;
    code_verifier: string;
    nonce: string;
    return_to: string;
    created_at: string;
  };
}
