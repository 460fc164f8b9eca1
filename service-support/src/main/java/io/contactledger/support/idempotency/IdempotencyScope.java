package io.contactledger.support.idempotency;

/** Whose key it is: answers are kept per workspace, API key name and idempotency key (DESIGN §7). */
record IdempotencyScope(String workspaceId, String keyName, String idempotencyKey) {

    static final int MAX_KEY_LENGTH = 255;

    /** 1–255 printable ASCII characters. */
    static boolean isValidKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
