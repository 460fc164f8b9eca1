package io.contactledger.support.security;

/** The authenticated API key behind a request: its name (the actor id), workspace ("*" for operators) and role. */
public record Caller(String name, String workspaceId, Role role) {

    public static final String ANY_WORKSPACE = "*";

    public boolean mayAccessWorkspace(String workspaceId) {
        return role != Role.OPERATOR && this.workspaceId.equals(workspaceId);
    }
}
