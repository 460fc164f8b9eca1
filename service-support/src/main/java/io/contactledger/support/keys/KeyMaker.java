package io.contactledger.support.keys;

import java.security.SecureRandom;

/** Makes fresh 256-bit AES keys. */
class KeyMaker {

    private final SecureRandom random = new SecureRandom();

    byte[] newKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }
}
