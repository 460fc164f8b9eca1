package io.contactledger.query.console;

import io.contactledger.support.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: what the presented key is (its name, workspace and role), for any valid
 * key. The console signs in with it and can say why a widget or operator key will not do; it
 * tells a key's holder nothing they could not read from the key's configuration.
 */
@RestController
class KeyInfoController {

    record KeyInfo(String name, String workspaceId, String role) {
    }

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    KeyInfo me(Caller caller) {
        return new KeyInfo(caller.name(), caller.workspaceId(), caller.role().name().toLowerCase(java.util.Locale.ROOT));
    }
}
